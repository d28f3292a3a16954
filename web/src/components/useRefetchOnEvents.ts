import { useEffect, useRef } from 'react';
import { useWsChannels } from '../ws/WsContext';

/**
 * Calls `refetch` at most once per `ms` while events of `channels` (those `accept` takes) keep
 * arriving over /ws: a burst of events costs one read.
 */
export function useRefetchOnEvents(channels: readonly string[], refetch: () => void, accept: (data: any) => boolean = () => true, ms = 1000) {
  const stale = useRef(false);
  const latest = useRef({ refetch, accept });
  latest.current = { refetch, accept };
  useWsChannels(channels, (data) => {
    if (latest.current.accept(data)) {
      stale.current = true;
    }
  });
  useEffect(() => {
    const timer = setInterval(() => {
      if (stale.current) {
        stale.current = false;
        latest.current.refetch();
      }
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
