import {
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
} from '@reduxjs/toolkit/query/react';
import type { AuthState } from '../auth/authSlice';
import { refreshSession } from '../auth/session';

/** An error as the server states it (API.md envelope), or a transport failure in the same shape. */
export interface ApiError {
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** API.md code (VALIDATION_ERROR, RISK_REJECTED, …); NETWORK_ERROR or BAD_RESPONSE when there was no envelope. */
  code: string;
  message: string;
}

interface Envelope {
  success: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

type RawError = FetchBaseQueryError;

const raw = fetchBaseQuery({
  // absolute, so that the same code runs in the browser and in the component tests' jsdom
  baseUrl: `${window.location.origin}/`,
  prepareHeaders(headers, { getState }) {
    const token = (getState() as { auth: AuthState }).auth.accessToken;
    if (token) {
      headers.set('Authorization', `Bearer ${token}`);
    }
    return headers;
  },
});

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).success === 'boolean';
}

/** The server's error from a failed fetch. */
export function toApiError(error: RawError): ApiError {
  if (typeof error.status === 'number') {
    if (isEnvelope(error.data) && error.data.error) {
      return { status: error.status, ...error.data.error };
    }
    return { status: error.status, code: 'BAD_RESPONSE', message: `HTTP ${error.status} without an API answer` };
  }
  switch (error.status) {
    case 'FETCH_ERROR':
    case 'TIMEOUT_ERROR':
      return { status: 0, code: 'NETWORK_ERROR', message: `The server cannot be reached (${error.error})` };
    case 'PARSING_ERROR':
      return { status: error.originalStatus, code: 'BAD_RESPONSE', message: `HTTP ${error.originalStatus}: the answer is not JSON` };
    default:
      return { status: 0, code: 'CLIENT_ERROR', message: error.error };
  }
}

function isAuthCall(args: string | FetchArgs) {
  const url = typeof args === 'string' ? args : args.url;
  return /^\/?api\/auth\/(login|refresh)/.test(url);
}

/**
 * RTK Query's base query for every endpoint: sends the access token, unwraps API.md's
 * `{success, data}` envelope into `data` and `{success: false, error}` into an {@link ApiError},
 * and on a 401 renews the session once (POST /api/auth/refresh) and retries; when that fails the
 * user is signed out, which takes the app back to the login page.
 */
export const envelopeBaseQuery: BaseQueryFn<string | FetchArgs, unknown, ApiError> = async (args, api, extra) => {
  const getState = api.getState as () => { auth: AuthState };
  const sentWith = getState().auth.accessToken;
  let result = await raw(args, api, extra);
  if (result.error?.status === 401 && !isAuthCall(args)) {
    // renewed meanwhile by another call: retry with the new token rather than spend the new refresh token
    const renewed = getState().auth.accessToken !== sentWith || (await refreshSession(api.dispatch, getState));
    if (renewed) {
      result = await raw(args, api, extra);
    }
  }
  if (result.error) {
    return { error: toApiError(result.error) };
  }
  const body = result.data;
  if (!isEnvelope(body)) {
    return { error: { status: result.meta?.response?.status ?? 0, code: 'BAD_RESPONSE', message: 'The answer is not an API envelope' } };
  }
  if (!body.success) {
    return { error: { status: result.meta?.response?.status ?? 0, code: body.error?.code ?? 'UNKNOWN', message: body.error?.message ?? '' } };
  }
  return { data: body.data, meta: result.meta };
};
