import { api } from './api';

/** Settings endpoints (docs/API.md "Exchanges", "Settings and account"): API keys, exchanges, accounts and trading mode. */

export const EXCHANGES = ['binance', 'bybit', 'okx'] as const;
export type ExchangeName = (typeof EXCHANGES)[number];

export interface KeyTestResult {
  ok: boolean;
  code?: string;
  message?: string;
  ts: number;
}

/** One exchange's keys as GET /api/settings/api describes them: never the key itself. */
export interface KeyStatus {
  connected: boolean;
  configured: boolean;
  source: 'environment' | 'stored' | 'none';
  keyId?: string;
  storedAt?: number;
  storedBy?: string;
  notice?: string;
  lastTest?: KeyTestResult;
}

export interface Keys {
  apiKey: string;
  secret: string;
  passphrase?: string;
}

export interface Market {
  type: string;
  collector: string;
  source: 'live' | 'replay';
  status: string;
  symbols: string[];
}

export interface Exchange {
  name: string;
  connected: boolean;
  ready: boolean;
  publicOnly: boolean;
  markets: Market[];
}

/** GET /api/account/{exchange}: its `mode` is the server's trading mode (the one a dangerous action would use). */
export interface TradingAccount {
  exchange: string;
  mode: 'paper' | 'live';
  publicOnly: boolean;
  notice?: string;
}

const tagged = api.enhanceEndpoints({ addTagTypes: ['ApiKeys', 'Exchanges'] });

export const settingsApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    apiKeyStatus: build.query<Record<string, KeyStatus>, void>({ query: () => 'api/settings/api', providesTags: ['ApiKeys'] }),
    /** The keys are only in this call's body (RTK Query keeps a mutation's arguments out of the store); the caller resets the hook afterwards. */
    storeApiKeys: build.mutation<Record<string, KeyStatus>, Partial<Record<ExchangeName, Keys>>>({
      query: (body) => ({ url: 'api/settings/api', method: 'PUT', body }),
      invalidatesTags: ['ApiKeys', 'Exchanges'],
    }),
    deleteApiKeys: build.mutation<Record<string, KeyStatus>, ExchangeName>({
      query: (exchange) => ({ url: `api/settings/api/${exchange}`, method: 'DELETE' }),
      invalidatesTags: ['ApiKeys', 'Exchanges'],
    }),
    testApiKeys: build.mutation<Record<string, KeyTestResult>, ExchangeName>({
      query: (exchange) => ({ url: 'api/settings/api/test', method: 'POST', body: { exchange } }),
      invalidatesTags: ['ApiKeys'],
    }),
    /** Every exchange: connection, keys or public data only, and the markets and symbols it collects. */
    exchanges: build.query<Exchange[], void>({ query: () => 'api/exchanges', providesTags: ['Exchanges'] }),
    tradingAccount: build.query<TradingAccount, string>({ query: (exchange) => `api/account/${encodeURIComponent(exchange)}` }),
  }),
});

export const {
  useApiKeyStatusQuery,
  useStoreApiKeysMutation,
  useDeleteApiKeysMutation,
  useTestApiKeysMutation,
  useExchangesQuery,
  useTradingAccountQuery,
  useLazyTradingAccountQuery,
} = settingsApi;

/** The server's trading mode (`paper` or `live`), read from an account; undefined until known. */
export function useTradingMode(): 'paper' | 'live' | undefined {
  return useTradingAccountQuery('binance').data?.mode;
}
