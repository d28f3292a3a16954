import type { Dispatch } from '@reduxjs/toolkit';
import { signedOff, tokensReceived, type AuthState, type TokenPair } from './authSlice';

type GetState = () => { auth: AuthState };

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for new tokens, once for all callers that ask at the same time
 * (each refresh token works once: a second use would revoke the session). False, and signed out,
 * when the session cannot be renewed.
 */
export function refreshSession(dispatch: Dispatch, getState: GetState): Promise<boolean> {
  refreshing ??= renew(dispatch, getState).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function renew(dispatch: Dispatch, getState: GetState): Promise<boolean> {
  const refreshToken = getState().auth.refreshToken;
  if (!refreshToken) {
    return false;
  }
  try {
    const response = await fetch(`${window.location.origin}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    const body = (await response.json()) as { success: boolean; data?: TokenPair };
    if (response.ok && body.success && body.data) {
      dispatch(tokensReceived(body.data));
      return true;
    }
  } catch {
    // The server could not be reached: the session may still stand, but this request cannot go on.
    return false;
  }
  dispatch(signedOff('Your session has ended; please sign in again.'));
  return false;
}
