import { screen } from '@testing-library/react';
import type { AuthState } from '../auth/authSlice';
import { accessToken, path, signedIn } from './fakeServer';

/** A viewer's session (read-only). */
export function viewer(): AuthState {
  return { ...signedIn(accessToken('bob', 'viewer')), username: 'bob', role: 'viewer' };
}

/** The button with this text, in `scope` or the whole page (getByRole is too slow on pages this size in jsdom). */
export function button(text: string, scope: Pick<typeof screen, 'getByText'> = screen) {
  return scope.getByText(text).closest('button') as HTMLButtonElement;
}

/** The requests sent to one route (`POST /api/risk/kill-switch`). */
export function sent(requests: Request[], route: string) {
  return requests.filter((r) => path(r) === route);
}
