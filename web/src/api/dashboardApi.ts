import { api } from './api';

/** The dashboard's reads (docs/API.md); named `dashboard…` so that pages defining their own reads of the same resources do not collide. */

export interface MarketInfo {
  type: string;
  collector: string;
  source: 'live' | 'replay';
  status: string;
  symbols: string[];
}

export interface ExchangeInfo {
  name: string;
  connected: boolean;
  ready: boolean;
  publicOnly: boolean;
  markets: MarketInfo[];
}

export interface Leg {
  exchange: string;
  symbol: string;
  type: string;
}

export interface Pair {
  id: string;
  leg1: Leg;
  leg2: Leg;
  threshold: number;
  qty: number;
  totalAmount: number;
  direction: string;
  enabled: boolean;
}

export interface PairPrice {
  pairId: string;
  leg1: { bid: number | null; ask: number | null };
  leg2: { bid: number | null; ask: number | null };
  spread: number | null;
  spreadPercent: number | null;
  netSpreadPercent: number | null;
  direction: string | null;
  status: string;
  ts: number;
}

export interface Opportunity {
  id?: number;
  pairId: string;
  direction: string;
  spread: number;
  spreadPercent: number;
  netSpreadPercent: number;
  leg1Price: number;
  leg2Price: number;
  ts: number;
}

export interface Alert {
  id?: number;
  severity: string;
  code: string;
  rule: string | null;
  message: string;
  pairId: string | null;
  venue: string | null;
  ts: number;
}

export interface RiskStatus {
  state: 'ACTIVE' | 'REDUCING' | 'HALTED';
  reason: string | null;
  killSwitch: boolean;
  openOrders: number;
  pnl: { realised: number; unrealised: number; today: number; executions: number };
  pauses: { scope: string; id: string; rule: string; reason: string; since: number; resumesAt: number }[];
}

export interface ModuleHealth {
  status: string;
  health: 'UP' | 'DEGRADED' | 'DOWN';
  detail: string;
}

export interface SystemStatus {
  isRunning: boolean;
  lastStarted: number;
  uptime: number;
  version: string;
  modules: Record<string, ModuleHealth>;
}

export const dashboardApi = api.injectEndpoints({
  endpoints: (build) => ({
    dashboardExchanges: build.query<ExchangeInfo[], void>({ query: () => 'api/exchanges' }),
    dashboardPairs: build.query<Pair[], void>({ query: () => 'api/monitoring/pairs' }),
    dashboardPairPrices: build.query<PairPrice[], void>({ query: () => 'api/monitoring/prices' }),
    dashboardOpportunities: build.query<Opportunity[], number>({ query: (limit) => `api/arbitrage/opportunities?limit=${limit}` }),
    dashboardAlerts: build.query<Alert[], number>({ query: (limit) => `api/risk/alerts?limit=${limit}` }),
    dashboardRiskStatus: build.query<RiskStatus, void>({ query: () => 'api/risk/status' }),
    dashboardSystemStatus: build.query<SystemStatus, void>({ query: () => 'api/system/status' }),
  }),
});

export const {
  useDashboardExchangesQuery,
  useDashboardPairsQuery,
  useDashboardPairPricesQuery,
  useDashboardOpportunitiesQuery,
  useDashboardAlertsQuery,
  useDashboardRiskStatusQuery,
  useDashboardSystemStatusQuery,
} = dashboardApi;
