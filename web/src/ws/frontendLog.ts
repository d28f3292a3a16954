import { useCallback } from 'react';
import { useWsClient } from './WsContext';

/**
 * The business events the front end reports to the server's `crossbook.frontend` log (seeds/001:
 * only key business events, no technical noise). The WebSocket client itself reports
 * `connection_lost` and `connection_restored`; pages report the rest. Add a name here before
 * sending a new kind of event.
 */
export type BusinessEvent =
  | 'arbitrage_triggered'
  | 'arbitrage_succeeded'
  | 'arbitrage_failed'
  | 'connection_lost'
  | 'connection_restored';

/** A function that reports a business event over /ws (`{"op":"log","event":...,"data":...}`). */
export function useFrontendLog() {
  const client = useWsClient();
  return useCallback((event: BusinessEvent, data: Record<string, unknown>) => client.log(event, data), [client]);
}
