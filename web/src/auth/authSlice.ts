import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** The tokens of POST /api/auth/login and /api/auth/refresh. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AuthState {
  accessToken: string | null;
  refreshToken: string | null;
  username: string | null;
  role: string | null;
  /** Why the user was signed out, shown on the login page; null after a deliberate logout. */
  endedBecause: string | null;
}

const STORAGE_KEY = 'crossbook.auth';

const signedOut: AuthState = { accessToken: null, refreshToken: null, username: null, role: null, endedBecause: null };

/** The caller named in an access token (its `sub` and `role` claims); the server verifies it, the UI only shows it. */
export function callerOf(accessToken: string): { username: string | null; role: string | null } {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { sub?: string; role?: string };
    return { username: claims.sub ?? null, role: claims.role ?? null };
  } catch {
    return { username: null, role: null };
  }
}

/** The session kept across page reloads (localStorage), or signed out. */
export function loadAuth(storage: Storage = window.localStorage): AuthState {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as AuthState | null;
    return saved?.refreshToken ? { ...signedOut, ...saved, endedBecause: null } : signedOut;
  } catch {
    return signedOut;
  }
}

export function saveAuth(state: AuthState, storage: Storage = window.localStorage) {
  if (state.refreshToken) {
    const { accessToken, refreshToken, username, role } = state;
    storage.setItem(STORAGE_KEY, JSON.stringify({ accessToken, refreshToken, username, role }));
  } else {
    storage.removeItem(STORAGE_KEY);
  }
}

const authSlice = createSlice({
  name: 'auth',
  initialState: signedOut,
  reducers: {
    tokensReceived(_state, action: PayloadAction<TokenPair>) {
      const { accessToken, refreshToken } = action.payload;
      return { accessToken, refreshToken, ...callerOf(accessToken), endedBecause: null };
    },
    signedOff(_state, action: PayloadAction<string | undefined>) {
      return { ...signedOut, endedBecause: action.payload ?? null };
    },
  },
});

export const { tokensReceived, signedOff } = authSlice.actions;
export const authReducer = authSlice.reducer;
