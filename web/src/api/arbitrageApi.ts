import { api } from './api';

/** Arbitrage pairs, their live spreads, executions, opportunities and triangular paths (docs/API.md). */

export type MarketType = 'spot' | 'linear' | 'inverse';
export type PairDirection = 'auto' | 'forward' | 'reverse';

export interface PairLeg {
  exchange: string;
  symbol: string;
  type: MarketType;
}

/** A pair's config as POST/PUT /api/monitoring/pairs take it. Decimals are sent as JSON numbers. */
export interface PairConfig {
  leg1: PairLeg;
  leg2: PairLeg;
  threshold: number;
  qty: number;
  totalAmount: number;
  direction: PairDirection;
  enabled: boolean;
}

export interface PairView extends PairConfig {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** GET /api/monitoring/prices: VWAPs of the pair's qty per side, the better direction's spread; null = no price. */
export interface PairPrices {
  pairId: string;
  leg1: { bid: number | null; ask: number | null };
  leg2: { bid: number | null; ask: number | null };
  spread: number | null;
  spreadPercent: number | null;
  netSpreadPercent: number | null;
  direction: 'forward' | 'reverse' | null;
  fundingRate: number | null;
  fundingCarryPercent: number | null;
  status: string;
  ts: number;
}

/** An opportunity as GET /api/arbitrage/opportunities lists it; the `opportunity` event lacks `id` and `qty`. */
export interface OpportunityView {
  id?: string;
  pairId: string;
  direction: 'forward' | 'reverse';
  spread: number;
  spreadPercent: number;
  netSpreadPercent: number;
  leg1Price: number;
  leg2Price: number;
  qty?: number;
  ts: number;
}

export interface ExecutionLeg {
  exchange: string;
  type: string;
  symbol: string;
  side: 'buy' | 'sell';
  orderId: string | null;
  exchangeOrderId: string | null;
  success: boolean;
  price: number | null;
  qty: number | null;
  fees: number | null;
  orders: string[];
  code: string | null;
  message: string | null;
}

export type ExecutionOutcome = 'filled' | 'hedged_partial' | 'unwound' | 'failed' | 'imbalanced';

export interface ExecutionView {
  executionId: string;
  pairId: string;
  direction: 'forward' | 'reverse';
  automatic: boolean;
  outcome: ExecutionOutcome;
  leg1: ExecutionLeg;
  leg2: ExecutionLeg;
  spread: number | null;
  spreadPercent: number | null;
  hedgedQty: number | null;
  fees: number | null;
  pnl: number | null;
  detail: string | null;
  startedTs: number;
  ts: number;
}

export interface TriangularPathView {
  id: string;
  venue: string;
  startAsset: string;
  symbols: string[];
  sides: ('buy' | 'sell')[];
  startQty: number;
  netEdgePercent: number | null;
  endQty: number | null;
  ts: number;
}

const tagged = api.enhanceEndpoints({ addTagTypes: ['Pairs', 'Executions'] });

export const arbitrageApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    arbitragePairs: build.query<PairView[], void>({ query: () => 'api/monitoring/pairs', providesTags: ['Pairs'] }),
    arbitragePairPrices: build.query<PairPrices[], void>({ query: () => 'api/monitoring/prices', providesTags: ['Pairs'] }),
    createPair: build.mutation<{ id: string }, PairConfig>({
      query: (body) => ({ url: 'api/monitoring/pairs', method: 'POST', body }),
      invalidatesTags: ['Pairs'],
    }),
    updatePair: build.mutation<{ id: string }, { id: string; config: PairConfig }>({
      query: ({ id, config }) => ({ url: `api/monitoring/pairs/${encodeURIComponent(id)}`, method: 'PUT', body: config }),
      invalidatesTags: ['Pairs'],
    }),
    deletePair: build.mutation<null, string>({
      query: (id) => ({ url: `api/monitoring/pairs/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Pairs'],
    }),
    executePair: build.mutation<ExecutionView, string>({
      query: (pairId) => ({ url: `api/arbitrage/execute/${encodeURIComponent(pairId)}`, method: 'POST' }),
      invalidatesTags: ['Executions'],
    }),
    arbitrageExecutions: build.query<ExecutionView[], number>({
      query: (limit) => `api/arbitrage/executions?limit=${limit}`,
      providesTags: ['Executions'],
    }),
    arbitrageOpportunities: build.query<OpportunityView[], number>({ query: (limit) => `api/arbitrage/opportunities?limit=${limit}` }),
    arbitrageTriangular: build.query<TriangularPathView[], void>({ query: () => 'api/arbitrage/triangular' }),
  }),
});

export const {
  useArbitragePairsQuery,
  useArbitragePairPricesQuery,
  useCreatePairMutation,
  useUpdatePairMutation,
  useDeletePairMutation,
  useExecutePairMutation,
  useArbitrageExecutionsQuery,
  useArbitrageOpportunitiesQuery,
  useArbitrageTriangularQuery,
} = arbitrageApi;
