import { api } from './api';
import type { ExecutionLeg } from './arbitrageApi';

/** TWAP plans: create, list, control, and each plan's slices (docs/API.md "TWAP"). */

export type TwapState = 'pending' | 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';
export type TwapAction = 'start' | 'pause' | 'resume' | 'cancel';

export interface TwapLeg {
  exchange: string;
  symbol: string;
  side: 'buy' | 'sell';
  /** order type */
  type: 'market' | 'limit';
  market?: 'spot' | 'linear';
  /** limit legs: the worst price a slice may trade at */
  price?: number;
}

export interface TwapPlanRequest {
  name?: string;
  totalQty: number;
  sliceQty: number;
  intervalMs: number;
  legs: TwapLeg[];
  maxAdverseSpreadPercent?: number;
}

export interface TwapProgress {
  executed: number;
  remaining: number;
  slicesDone: number;
  slicesTotal: number;
}

export interface TwapPlan {
  planId: string;
  name: string;
  progress: TwapProgress;
  state: TwapState;
  reason: string | null;
  lastExecutionTs: number | null;
  totalQty: number;
  sliceQty: number;
  intervalMs: number;
  legs: TwapLeg[];
  maxAdverseSpreadPercent: number | null;
  skips: number;
  lastSkip: string | null;
  createdTs: number;
  startedTs: number | null;
}

/** The `twap_progress` event. */
export interface TwapProgressEvent extends TwapProgress {
  planId: string;
  state: TwapState;
  reason: string | null;
  skips: number;
  lastSkip: string | null;
  slice: number | null;
  ts: number;
}

export interface TwapSlice {
  slice: number;
  executionId: string;
  qty: number;
  state: 'sending' | 'done';
  outcome: 'filled' | 'partial' | 'hedged_partial' | 'unwound' | 'failed' | 'imbalanced' | null;
  executed: number | null;
  fees: number | null;
  pnl: number | null;
  legs: ExecutionLeg[];
  detail: string | null;
  startedTs: number;
  finishedTs: number | null;
}

const tagged = api.enhanceEndpoints({ addTagTypes: ['TwapPlans', 'TwapSlices'] });

export const twapApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    twapPlans: build.query<TwapPlan[], void>({ query: () => 'api/twap/plans?limit=200', providesTags: ['TwapPlans'] }),
    createTwapPlan: build.mutation<{ planId: string }, TwapPlanRequest>({
      query: (body) => ({ url: 'api/twap/plans', method: 'POST', body }),
      invalidatesTags: ['TwapPlans'],
    }),
    controlTwapPlan: build.mutation<TwapPlan, { planId: string; action: TwapAction }>({
      query: ({ planId, action }) => ({ url: `api/twap/${encodeURIComponent(planId)}/control`, method: 'POST', body: { action } }),
      invalidatesTags: (_result, _error, { planId }) => ['TwapPlans', { type: 'TwapSlices', id: planId }],
    }),
    twapSlices: build.query<TwapSlice[], string>({
      query: (planId) => `api/twap/${encodeURIComponent(planId)}/slices`,
      providesTags: (_result, _error, planId) => [{ type: 'TwapSlices', id: planId }],
    }),
  }),
});

export const { useTwapPlansQuery, useCreateTwapPlanMutation, useControlTwapPlanMutation, useTwapSlicesQuery } = twapApi;
