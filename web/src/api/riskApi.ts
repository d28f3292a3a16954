import { api } from './api';

/** Risk endpoints (docs/API.md "Risk"): status, limits, alerts, kill switch. */

export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';

export interface Exposure {
  venue: string;
  asset: string;
  qty: number;
  valueUsd: number | null;
}

export interface RiskPause {
  scope: 'pair' | 'instrument' | 'venue';
  id: string;
  rule: string;
  reason: string;
  since: number;
  /** -1: until resumed by hand; 0: an anomaly not yet healthy. */
  resumesAt: number;
}

export interface RiskStatus {
  state: TradingState;
  reason: string | null;
  since: number;
  killSwitch: boolean;
  openOrders: number;
  exposures: Exposure[];
  exposureByAsset: { asset: string; qty: number; valueUsd: number | null }[];
  pnl: { realised: number; unrealised: number | null; today: number; executions: number };
  metrics: {
    days: number;
    maxDrawdown: number | null;
    var95: number | null;
    var99: number | null;
    sharpe: number | null;
    sortino: number | null;
    insufficient: string[];
  };
  pauses: RiskPause[];
  ts: number;
}

/** Every limit of GET /api/risk/limits, by name. */
export type RiskLimits = Record<string, number>;

export interface RiskAlert {
  id: string;
  severity: 'info' | 'warning' | 'critical';
  code: string;
  rule: string | null;
  message: string;
  pairId: string | null;
  venue: string | null;
  ts: number;
}

export interface LimitChange {
  id: string;
  name: string;
  oldValue: string;
  newValue: string;
  changedBy: string;
  changedAt: number;
}

export interface KillSwitchResult {
  engaged: boolean;
  state: TradingState;
  reason: string;
  openOrdersCancelled: number;
}

const tagged = api.enhanceEndpoints({ addTagTypes: ['RiskStatus', 'RiskLimits'] });

export const riskApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    riskStatus: build.query<RiskStatus, void>({ query: () => 'api/risk/status', providesTags: ['RiskStatus'] }),
    riskLimits: build.query<RiskLimits, void>({ query: () => 'api/risk/limits', providesTags: ['RiskLimits'] }),
    riskLimitChanges: build.query<LimitChange[], number>({
      query: (limit) => `api/risk/limits/changes?limit=${limit}`,
      providesTags: ['RiskLimits'],
    }),
    updateRiskLimits: build.mutation<RiskLimits, RiskLimits>({
      query: (changes) => ({ url: 'api/risk/limits', method: 'PUT', body: changes }),
      invalidatesTags: ['RiskLimits', 'RiskStatus'],
    }),
    riskAlerts: build.query<RiskAlert[], { limit: number; severity?: string }>({
      query: ({ limit, severity }) => `api/risk/alerts?limit=${limit}${severity ? `&severity=${severity}` : ''}`,
    }),
    setKillSwitch: build.mutation<KillSwitchResult, { engaged: boolean; reason?: string }>({
      query: (body) => ({ url: 'api/risk/kill-switch', method: 'POST', body }),
      invalidatesTags: ['RiskStatus'],
    }),
  }),
});

export const {
  useRiskStatusQuery,
  useRiskLimitsQuery,
  useRiskLimitChangesQuery,
  useUpdateRiskLimitsMutation,
  useRiskAlertsQuery,
  useSetKillSwitchMutation,
} = riskApi;
