import { api } from './api';

/** System and collector endpoints (docs/API.md "System", "Collectors"). */

export interface ModuleHealth {
  status: string;
  health: 'UP' | 'DEGRADED' | 'DOWN';
  detail: string;
}

export interface FeedLoad {
  collector: string;
  status: string;
  messagesPerSecond: number;
  bookUpdatesPerSecond: number;
  eventLoopLagMillis: number;
  maxEventLoopLagMillis: number;
}

export interface ApiPerformance {
  count: number;
  p50Millis: number;
  p95Millis: number;
  p99Millis: number;
  requestsLastMinute: number;
  clientErrorRate: number;
  serverErrorRate: number;
}

export interface SystemStatus {
  isRunning: boolean;
  lastStarted: number;
  /** Seconds since the process started. */
  uptime: number;
  version: string;
  modules: Record<string, ModuleHealth>;
  cpu: { cores: number; processCpu: number; systemCpu: number; loadAverage: number };
  memory: { heapUsedBytes: number; heapCommittedBytes: number; heapMaxBytes: number; nonHeapUsedBytes: number; residentBytes: number };
  threads: number;
  performance: {
    api?: ApiPerformance;
    marketData?: { collectors: FeedLoad[]; priceCache: { hits: number; misses: number; hitRate: number } };
    engine?: Record<string, number>;
    risk?: { state: string };
  };
}

export interface CollectorStats {
  id: string;
  exchange: string;
  market: string;
  source: 'live' | 'replay';
  files: string[];
  symbols: string[];
  status: string;
  detail: string;
  messagesPerSecond: number;
  bookUpdatesPerSecond: number;
  messages: number;
  bookUpdates: number;
  gaps: number;
  resyncs: number;
  checksumFailures: number;
  anomalies: number;
  booksInSync: number;
  lastUpdateAgeMillis: number;
  eventLoopLagMillis: number;
}

export interface LogEntry {
  ts: number;
  level: string;
  logger: string;
  thread: string;
  message: string;
  error: string | null;
}

const tagged = api.enhanceEndpoints({ addTagTypes: ['SystemStatus', 'Collectors'] });

export const systemApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    systemStatus: build.query<SystemStatus, void>({ query: () => 'api/system/status', providesTags: ['SystemStatus'] }),
    startSystem: build.mutation<SystemStatus, void>({
      query: () => ({ url: 'api/system/start', method: 'POST' }),
      invalidatesTags: ['SystemStatus', 'Collectors'],
    }),
    stopSystem: build.mutation<SystemStatus, void>({
      query: () => ({ url: 'api/system/stop', method: 'POST' }),
      invalidatesTags: ['SystemStatus', 'Collectors'],
    }),
    systemLogs: build.query<LogEntry[], { level: string; limit: number }>({
      query: ({ level, limit }) => `api/system/logs?level=${level}&limit=${limit}`,
    }),
    collectors: build.query<CollectorStats[], void>({ query: () => 'api/qingxi/collectors/list', providesTags: ['Collectors'] }),
    controlCollector: build.mutation<CollectorStats, { id: string; action: 'start' | 'stop' }>({
      query: ({ id, action }) => ({ url: `api/qingxi/collectors/${action}`, method: 'POST', body: { id } }),
      invalidatesTags: ['SystemStatus', 'Collectors'],
    }),
  }),
});

export const {
  useSystemStatusQuery,
  useStartSystemMutation,
  useStopSystemMutation,
  useSystemLogsQuery,
  useCollectorsQuery,
  useControlCollectorMutation,
} = systemApi;
