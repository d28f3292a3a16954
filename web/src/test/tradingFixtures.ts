/**
 * Answers of the real server (paper mode) fed by the repository's recorded Binance excerpts
 * (server/src/test/resources/binance: spot and USDⓈ-M BTCUSDT, 2024-08-08, with their exchange
 * info), captured from `bin/crossbook serve --source … --instruments …`.
 */
import type { ExecutionView, PairPrices, PairView } from '../api/arbitrageApi';
import type { TwapPlan, TwapSlice } from '../api/twapApi';

export const pair: PairView = {
  id: 'binance_binance_btc',
  leg1: { exchange: 'binance', symbol: 'BTCUSDT', type: 'spot' },
  leg2: { exchange: 'binance', symbol: 'BTCUSDT', type: 'linear' },
  threshold: 0.05,
  qty: 0.001,
  totalAmount: 300,
  direction: 'auto',
  enabled: false,
  createdAt: 1795262110213,
  updatedAt: 1795262110213,
};

export const quote: PairPrices = {
  pairId: 'binance_binance_btc',
  leg1: { bid: 61849.49, ask: 61849.5 },
  leg2: { bid: 61800.0, ask: 61800.1 },
  spread: 49.38999999999942,
  spreadPercent: 0.07988704208400435,
  netSpreadPercent: -0.07013292967651191,
  direction: 'reverse',
  fundingRate: null,
  fundingCarryPercent: null,
  status: 'priced',
  ts: 1795262120350,
};

export const execution: ExecutionView = {
  executionId: 'xmwqcr3sl1',
  pairId: 'binance_binance_btc',
  direction: 'reverse',
  automatic: false,
  outcome: 'filled',
  leg1: {
    exchange: 'binance', type: 'spot', symbol: 'BTCUSDT', side: 'sell', orderId: 'xmwqcr3sl1a1', exchangeOrderId: 'paper-1',
    success: true, price: 61829.76, qty: 0.001, fees: 0.06182976, orders: ['xmwqcr3sl1a1'], code: null, message: null,
  },
  leg2: {
    exchange: 'binance', type: 'linear', symbol: 'BTCUSDT', side: 'buy', orderId: 'xmwqcr3sl1b1', exchangeOrderId: 'paper-2',
    success: true, price: 61809.5, qty: 0.001, fees: 0.03090475, orders: ['xmwqcr3sl1b1'], code: null, message: null,
  },
  spread: 20.26,
  spreadPercent: 0.03277276166162754,
  hedgedQty: 0.001,
  fees: 0.09273451,
  pnl: -0.07247451,
  detail: 'both legs filled 0.001',
  startedTs: 1795262185461,
  ts: 1795262185547,
};

export const runningPlan: TwapPlan = {
  planId: 'twap_1',
  name: 'BTC hedge',
  progress: { executed: 0, remaining: 0.003, slicesDone: 0, slicesTotal: 3 },
  state: 'running',
  reason: null,
  lastExecutionTs: null,
  totalQty: 0.003,
  sliceQty: 0.001,
  intervalMs: 2000,
  legs: [
    { exchange: 'binance', symbol: 'BTCUSDT', side: 'buy', type: 'market', market: 'spot' },
    { exchange: 'binance', symbol: 'BTCUSDT', side: 'sell', type: 'market', market: 'linear' },
  ],
  maxAdverseSpreadPercent: null,
  skips: 0,
  lastSkip: null,
  createdTs: 1795262189060,
  startedTs: 1795262189656,
};

export const pausedPlan: TwapPlan = {
  ...runningPlan,
  progress: { executed: 0.002, remaining: 0.001, slicesDone: 2, slicesTotal: 3 },
  state: 'paused',
  reason: 'paused by hand',
  lastExecutionTs: 1795262191660,
};

export const slice: TwapSlice = {
  slice: 1,
  executionId: 'twap1s1',
  qty: 0.001,
  state: 'done',
  outcome: 'filled',
  executed: 0.001,
  fees: 0.09272801,
  pnl: -0.10873801,
  legs: [
    {
      exchange: 'binance', type: 'spot', symbol: 'BTCUSDT', side: 'buy', orderId: 'twap1s1a1', exchangeOrderId: 'paper-3',
      success: true, price: 61824.01, qty: 0.001, fees: 0.06182401, orders: ['twap1s1a1'], code: null, message: null,
    },
    {
      exchange: 'binance', type: 'linear', symbol: 'BTCUSDT', side: 'sell', orderId: 'twap1s1b1', exchangeOrderId: 'paper-4',
      success: true, price: 61808, qty: 0.001, fees: 0.030904, orders: ['twap1s1b1'], code: null, message: null,
    },
  ],
  detail: 'both legs filled 0.001',
  startedTs: 1795262189659,
  finishedTs: 1795262189747,
};

export const paperAccount = { exchange: 'binance', mode: 'paper', publicOnly: false, balances: [], positions: [], ts: 1795262120529 };
