import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { createStore, createWsClient } from '../store';
import { WsProvider } from '../ws/WsContext';
import { FakeSocket } from './FakeSocket';
import { accessToken, signedIn } from './fakeServer';

/**
 * Renders `ui` as the app does (store, /ws client, router), signed in as `role` (admin by default),
 * with the /ws client started on a {@link FakeSocket}. Answer its REST calls with `fakeServer`.
 */
export function renderSignedIn(ui: ReactElement, route = '/', role = 'admin') {
  const store = createStore({ ...signedIn(accessToken('admin', role)), role });
  const client = createWsClient(store, FakeSocket.create);
  client.start();
  const socket = FakeSocket.latest();
  const view = render(
    <Provider store={store}>
      <WsProvider client={client}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </WsProvider>
    </Provider>,
  );
  return { ...view, store, client, socket };
}
