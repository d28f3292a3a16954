import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { WsClient, WsListener } from './WsClient';

const WsContext = createContext<WsClient | null>(null);

export function WsProvider({ client, children }: { client: WsClient; children: ReactNode }) {
  return <WsContext.Provider value={client}>{children}</WsContext.Provider>;
}

export function useWsClient(): WsClient {
  const client = useContext(WsContext);
  if (!client) {
    throw new Error('useWsClient needs a <WsProvider>');
  }
  return client;
}

/**
 * Calls `listener` with each event of the given channels (`opportunity`,
 * `price_update:binance:BTCUSDT`, …) while the component is mounted. The listener may change on
 * every render; the subscriptions change only when the channels do.
 */
export function useWsChannels(channels: readonly string[], listener: WsListener) {
  const client = useWsClient();
  const latest = useRef(listener);
  latest.current = listener;
  const key = [...channels].sort().join('\n');
  useEffect(() => {
    const unsubscribes = key
      .split('\n')
      .filter(Boolean)
      .map((channel) => client.subscribe(channel, (data, event) => latest.current(data, event)));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [client, key]);
}
