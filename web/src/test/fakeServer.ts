import { vi } from 'vitest';
import type { AuthState } from '../auth/authSlice';

/** An access token shaped like the server's (the UI reads `sub` and `role`, never verifies). */
export function accessToken(username = 'admin', role = 'admin', serial = 1) {
  const payload = btoa(JSON.stringify({ sub: username, role, n: serial })).replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`;
}

export function signedIn(token = accessToken(), refreshToken = 'refresh-1'): AuthState {
  return { accessToken: token, refreshToken, username: 'admin', role: 'admin', endedBecause: null };
}

export function envelope(data: unknown, status = 200) {
  return new Response(JSON.stringify({ success: true, data }), { status, headers: { 'Content-Type': 'application/json' } });
}

export function failure(status: number, code: string, message: string) {
  return new Response(JSON.stringify({ success: false, error: { code, message } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export type Route = (request: Request) => Response | Promise<Response> | undefined;

/**
 * Replaces fetch with answers chosen by `route` (method and path of each request); anything it
 * does not answer is a 404 envelope. Returns the requests as they were sent.
 */
export function fakeServer(route: Route) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    requests.push(request.clone());
    return (await route(request)) ?? failure(404, 'NOT_FOUND', `no route ${request.method} ${new URL(request.url).pathname}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function path(request: Request) {
  return `${request.method} ${new URL(request.url).pathname}`;
}
