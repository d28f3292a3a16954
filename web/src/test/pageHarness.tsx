import { screen } from '@testing-library/react';
import { path } from './fakeServer';

/** The button with this text, in `scope` or the whole page (getByRole is too slow on pages this size in jsdom). */
export function button(text: string, scope: Pick<typeof screen, 'getByText'> = screen) {
  return scope.getByText(text).closest('button') as HTMLButtonElement;
}

/** The requests sent to one route (`POST /api/risk/kill-switch`). */
export function sent(requests: Request[], route: string) {
  return requests.filter((r) => path(r) === route);
}
