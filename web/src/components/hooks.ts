import { useState } from 'react';
import { useWsChannels } from '../ws/WsContext';

/**
 * A newest-first list: what the server returned, with the events of `channel` that arrived since
 * in front, each once (by `key`; an event's fields completed by the stored copy's, such as its id),
 * at most `limit`.
 */
export function useLiveList<T>(channel: string, fetched: readonly T[] | undefined, key: (item: T) => string, limit: number): T[] {
  const [live, setLive] = useState<T[]>([]);
  useWsChannels([channel], (item: T) => setLive((items) => [item, ...items].slice(0, limit)));
  const byKey = new Map<string, T>();
  for (const item of [...live, ...(fetched ?? [])]) {
    const k = key(item);
    byKey.set(k, { ...item, ...byKey.get(k) });
  }
  return [...byKey.values()].slice(0, limit);
}
