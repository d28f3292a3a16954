import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { createStore } from '../store';
import type { WsClient, WsListener } from '../ws/WsClient';
import { WsProvider } from '../ws/WsContext';
import { accessToken, fakeServer, path, signedIn } from './fakeServer';

/** A /ws client for component tests: records subscriptions and log events, and delivers events on demand. */
export class FakeWs {
  readonly listeners = new Map<string, Set<WsListener>>();
  readonly logs: { event: string; data: Record<string, unknown> }[] = [];

  subscribe(channel: string, listener: WsListener) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => set.delete(listener);
  }

  log(event: string, data: Record<string, unknown>) {
    this.logs.push({ event, data });
  }

  /** Delivers an event to the listeners of `channel`. */
  emit(channel: string, data: unknown) {
    const event = channel.split(':')[0];
    this.listeners.get(channel)?.forEach((listener) => listener(data, event));
  }
}

/** Renders a page as the app does (store signed in as `role`, /ws, Ant Design's App, router). */
export function renderPage(page: ReactNode, role: 'admin' | 'viewer' = 'admin') {
  const ws = new FakeWs();
  const store = createStore({ ...signedIn(accessToken('alice', role)), username: 'alice', role });
  const view = render(
    <Provider store={store}>
      <WsProvider client={ws as unknown as WsClient}>
        <AntApp>
          <MemoryRouter>{page}</MemoryRouter>
        </AntApp>
      </WsProvider>
    </Provider>,
  );
  return { ...view, ws, store };
}

export type Answers = Record<string, (request: Request) => Response | Promise<Response>>;

/** A fake server answering "METHOD /path" from `answers`, with `overrides` taking precedence. */
export function serve(answers: Answers, overrides: Answers = {}) {
  return fakeServer((request) => {
    const answer = overrides[path(request)] ?? answers[path(request)];
    return answer?.(request);
  });
}
