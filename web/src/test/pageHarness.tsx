import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import type { AuthState } from '../auth/authSlice';
import { createStore } from '../store';
import type { WsClient, WsListener } from '../ws/WsClient';
import { WsProvider } from '../ws/WsContext';
import { accessToken, path, signedIn } from './fakeServer';

/** A stand-in for the /ws client: records subscriptions and lets a test deliver events. */
export class FakeWs {
  readonly listeners = new Map<string, Set<WsListener>>();
  readonly logged: { event: string; data: Record<string, unknown> }[] = [];

  subscribe(channel: string, listener: WsListener) {
    const set = this.listeners.get(channel) ?? new Set<WsListener>();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => set.delete(listener);
  }

  log(event: string, data: Record<string, unknown>) {
    this.logged.push({ event, data });
  }

  /** Delivers an event to the listeners of `channel`, as the server's frame would. */
  emit(channel: string, data: unknown) {
    this.listeners.get(channel)?.forEach((listener) => listener(data, channel.split(':')[0]));
  }
}

/** A viewer's session (read-only). */
export function viewer(): AuthState {
  return { ...signedIn(accessToken('bob', 'viewer')), username: 'bob', role: 'viewer' };
}

/** Renders a page with its own store (signed in as `auth`, an admin by default), router and fake /ws. */
export function renderPage(page: ReactElement, auth: AuthState = signedIn()) {
  const store = createStore(auth);
  const ws = new FakeWs();
  const view = render(
    <Provider store={store}>
      <WsProvider client={ws as unknown as WsClient}>
        <MemoryRouter>
          <AntApp>{page}</AntApp>
        </MemoryRouter>
      </WsProvider>
    </Provider>,
  );
  return { ...view, store, ws };
}

/** The button with this text, in `scope` or the whole page (getByRole is too slow on pages this size in jsdom). */
export function button(text: string, scope: Pick<typeof screen, 'getByText'> = screen) {
  return scope.getByText(text).closest('button') as HTMLButtonElement;
}

/** The requests sent to one route (`POST /api/risk/kill-switch`). */
export function sent(requests: Request[], route: string) {
  return requests.filter((r) => path(r) === route);
}
