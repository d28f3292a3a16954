import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { fakeServer, path } from './fakeServer';
import { renderSignedIn } from './render';

/**
 * Renders a page inside Ant Design's App (its confirmations and messages) as `role`, with the /ws
 * client connected to its {@link FakeSocket}.
 */
export function renderPage(page: ReactNode, role: 'admin' | 'viewer' = 'admin') {
  const view = renderSignedIn(<AntApp>{page}</AntApp>, '/', role);
  view.socket.accept();
  return view;
}

export type Answers = Record<string, (request: Request) => Response | Promise<Response>>;

/** A fake server answering "METHOD /path" from `answers`, with `overrides` taking precedence. */
export function serve(answers: Answers, overrides: Answers = {}) {
  return fakeServer((request) => {
    const answer = overrides[path(request)] ?? answers[path(request)];
    return answer?.(request);
  });
}
