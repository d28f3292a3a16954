import { configureStore } from '@reduxjs/toolkit';
import { api } from './api/api';
import { authReducer, loadAuth, saveAuth, type AuthState } from './auth/authSlice';
import { refreshSession } from './auth/session';
import { WsClient } from './ws/WsClient';
import { wsReducer, wsStateChanged } from './ws/wsSlice';

/** The Redux store with the session restored from `storage`, saving it there on every change. */
export function createStore(preloadedAuth: AuthState = loadAuth()) {
  const store = configureStore({
    reducer: { auth: authReducer, ws: wsReducer, [api.reducerPath]: api.reducer },
    preloadedState: { auth: preloadedAuth },
    middleware: (getDefault) => getDefault().concat(api.middleware),
  });
  return store;
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];

/** Keeps the session in localStorage across reloads. */
export function persistAuth(store: AppStore) {
  let saved = store.getState().auth;
  store.subscribe(() => {
    const auth = store.getState().auth;
    if (auth !== saved) {
      saved = auth;
      saveAuth(auth);
    }
  });
}

/** The /ws client of this page, reporting its state to the store and renewing tokens through it. */
export function createWsClient(store: AppStore, createSocket?: (url: string) => WebSocket) {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return new WsClient({
    url: `${scheme}://${window.location.host}/ws`,
    token: () => store.getState().auth.accessToken,
    renewToken: () => refreshSession(store.dispatch, store.getState),
    onStateChange: (state) => store.dispatch(wsStateChanged(state)),
    ...(createSocket ? { createSocket } : {}),
  });
}
