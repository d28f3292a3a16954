import { api } from './api';
import { signedOff, tokensReceived, type TokenPair } from '../auth/authSlice';
import type { AuthState } from '../auth/authSlice';

/** Sign-in and sign-out (docs/API.md "Auth"); refreshing is the base query's job. */
export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<TokenPair, { username: string; password: string }>({
      query: (body) => ({ url: 'api/auth/login', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(tokensReceived(data));
        } catch {
          // refused: the login form shows the server's message
        }
      },
    }),
    logout: build.mutation<{ sessionsEnded: number }, void>({
      queryFn: async (_arg, { getState }, _extra, baseQuery) => {
        const refreshToken = (getState() as { auth: AuthState }).auth.refreshToken;
        const result = await baseQuery({ url: 'api/auth/logout', method: 'POST', body: refreshToken ? { refreshToken } : {} });
        return result.error ? { error: result.error } : { data: result.data as { sessionsEnded: number } };
      },
      // Signed out here whatever the server said: the user asked to leave.
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        await queryFulfilled.catch(() => undefined);
        dispatch(signedOff());
        dispatch(api.util.resetApiState());
      },
    }),
  }),
});

export const { useLoginMutation, useLogoutMutation } = authApi;
