import { useCallback, useEffect, useRef, useState } from 'react';
import { useWsChannels } from '../ws/WsContext';

/**
 * `fn`, called at most once per `ms`: the first call runs after the rest of the period, later
 * calls within it are folded into that one.
 */
export function useThrottled(fn: () => void, ms: number) {
  const latest = useRef(fn);
  latest.current = fn;
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
      }
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) {
      return;
    }
    timer.current = setTimeout(
      () => {
        timer.current = null;
        last.current = Date.now();
        latest.current();
      },
      Math.max(0, last.current + ms - Date.now()),
    );
  }, [ms]);
}

/**
 * A newest-first list: what the server returned, with the events of `channel` that arrived since
 * in front, each once (by `key`), at most `limit`.
 */
export function useLiveList<T>(channel: string, fetched: readonly T[] | undefined, key: (item: T) => string, limit: number): T[] {
  const [live, setLive] = useState<T[]>([]);
  useWsChannels([channel], (item: T) => setLive((items) => [item, ...items].slice(0, limit)));
  const seen = new Set<string>();
  return [...live, ...(fetched ?? [])]
    .filter((item) => {
      const k = key(item);
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .slice(0, limit);
}
