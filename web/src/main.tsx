import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { BrowserRouter } from 'react-router-dom';
import 'antd/dist/reset.css';
import { App } from './App';
import { createStore, createWsClient, persistAuth } from './store';
import { WsProvider } from './ws/WsContext';

const store = createStore();
persistAuth(store);
const wsClient = createWsClient(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <WsProvider client={wsClient}>
        <ConfigProvider theme={{ token: { colorPrimary: '#1677ff' } }}>
          <AntApp>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </AntApp>
        </ConfigProvider>
      </WsProvider>
    </Provider>
  </StrictMode>,
);
