import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../store';
import { api } from './api';
import { authApi } from './authApi';
import { accessToken, envelope, failure, fakeServer, path, signedIn } from '../test/fakeServer';

const probeApi = api.injectEndpoints({
  endpoints: (build) => ({
    probe: build.query<unknown, string>({ query: (url) => url }),
  }),
});

function probe(store: ReturnType<typeof createStore>, url: string) {
  return store.dispatch(probeApi.endpoints.probe.initiate(url, { forceRefetch: true }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('envelopeBaseQuery', () => {
  it('sends the access token and unwraps the data of a success envelope', async () => {
    const { requests } = fakeServer((r) => (path(r) === 'GET /api/exchanges' ? envelope([{ name: 'binance' }]) : undefined));
    const store = createStore(signedIn(accessToken('admin', 'admin', 7)));

    const result = await probe(store, 'api/exchanges');

    expect(result.data).toEqual([{ name: 'binance' }]);
    expect(requests[0].headers.get('Authorization')).toBe(`Bearer ${accessToken('admin', 'admin', 7)}`);
  });

  it("gives the server's code and message for an error envelope", async () => {
    fakeServer(() => failure(400, 'VALIDATION_ERROR', 'qty: must be greater than 0'));
    const store = createStore(signedIn());

    const result = await probe(store, 'api/monitoring/pairs');

    expect(result.error).toEqual({ status: 400, code: 'VALIDATION_ERROR', message: 'qty: must be greater than 0' });
  });

  it('says the server cannot be reached when fetch fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const store = createStore(signedIn());

    const result = await probe(store, 'api/exchanges');

    expect(result.error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('renews an expired access token once, silently, and retries with the new one', async () => {
    const fresh = accessToken('admin', 'admin', 2);
    const { requests } = fakeServer(async (r) => {
      if (path(r) === 'POST /api/auth/refresh') {
        expect(await r.json()).toEqual({ refreshToken: 'refresh-1' });
        return envelope({ accessToken: fresh, refreshToken: 'refresh-2', expiresIn: 900 });
      }
      return r.headers.get('Authorization') === `Bearer ${fresh}`
        ? envelope({ state: 'ACTIVE' })
        : failure(401, 'UNAUTHORIZED', 'token expired');
    });
    const store = createStore(signedIn());

    const [first, second] = await Promise.all([probe(store, 'api/risk/status'), probe(store, 'api/system/status')]);

    expect(first.data).toEqual({ state: 'ACTIVE' });
    expect(second.data).toEqual({ state: 'ACTIVE' });
    // one refresh for both: a refresh token works once
    expect(requests.filter((r) => path(r) === 'POST /api/auth/refresh')).toHaveLength(1);
    expect(store.getState().auth).toMatchObject({ accessToken: fresh, refreshToken: 'refresh-2', username: 'admin' });
  });

  it('signs the user out when the session cannot be renewed', async () => {
    fakeServer((r) =>
      path(r) === 'POST /api/auth/refresh'
        ? failure(401, 'UNAUTHORIZED', 'refresh token revoked')
        : failure(401, 'UNAUTHORIZED', 'token expired'),
    );
    const store = createStore(signedIn());

    const result = await probe(store, 'api/risk/status');

    expect(result.error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(store.getState().auth.refreshToken).toBeNull();
    expect(store.getState().auth.endedBecause).toMatch(/session has ended/);
  });

  it('does not try to renew when the sign-in itself is refused', async () => {
    const { requests } = fakeServer(() => failure(401, 'UNAUTHORIZED', 'wrong username or password'));
    const store = createStore({ ...signedIn(), accessToken: null, refreshToken: null });

    const result = await store.dispatch(authApi.endpoints.login.initiate({ username: 'admin', password: 'nope' }));

    expect(result.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'wrong username or password' });
    expect(requests.map(path)).toEqual(['POST /api/auth/login']);
    expect(store.getState().auth.refreshToken).toBeNull();
  });

  it('keeps the tokens of a successful sign-in and names the user from the token', async () => {
    fakeServer(() => envelope({ accessToken: accessToken('alice', 'viewer'), refreshToken: 'r', expiresIn: 900 }));
    const store = createStore({ ...signedIn(), accessToken: null, refreshToken: null });

    await store.dispatch(authApi.endpoints.login.initiate({ username: 'alice', password: 'secret' }));

    expect(store.getState().auth).toMatchObject({ username: 'alice', role: 'viewer', refreshToken: 'r' });
  });
});
