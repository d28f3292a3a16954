import { useEffect, useMemo, useState } from 'react';
import { useArbitragePairPricesQuery, type PairPrices, type PairView } from '../../api/arbitrageApi';
import { useAppSelector } from '../../hooks';
import { priceChannel } from '../../ws/WsClient';
import type { SpreadLine } from '../SpreadChart';
import { useRefetchOnEvents } from '../useRefetchOnEvents';

/** One point of a pair's spread history: epoch seconds, spreads in percent of mid. */
export interface SpreadPoint {
  time: number;
  net: number;
  gross: number;
}

/** Points kept per pair: a quarter of an hour at one a second. */
const HISTORY = 900;

/** The history with a priced quote added: one point per second, started again when the clock goes back (a replay looping). */
export function addQuote(history: readonly SpreadPoint[], quote: PairPrices): readonly SpreadPoint[] {
  if (quote.netSpreadPercent === null || quote.spreadPercent === null) {
    return history;
  }
  const point = { time: Math.floor(quote.ts / 1000), net: quote.netSpreadPercent, gross: quote.spreadPercent };
  const last = history.at(-1);
  if (!last || point.time < last.time) {
    return [point];
  }
  return point.time === last.time ? [...history.slice(0, -1), point] : [...history, point].slice(-HISTORY);
}

/** A pair's history as chart lines: the gross spread, thin and grey, under the net one. */
export function grossAndNet(history: readonly SpreadPoint[]): SpreadLine[] {
  return [
    { id: 'gross', color: '#8c8c8c', width: 1, points: history.map((p) => ({ time: p.time, value: p.gross })) },
    { id: 'net', title: 'net of fees', color: '#1677ff', points: history.map((p) => ({ time: p.time, value: p.net })) },
  ];
}

/**
 * The live spread of every pair: GET /api/monitoring/prices, read again (at most once a second)
 * after a `price_update` of a leg or an `opportunity`, polled only while /ws is down, and each
 * pair's history since the page opened.
 */
export function useLiveSpreads(pairs: readonly PairView[] | undefined) {
  const connected = useAppSelector((state) => state.ws.status === 'connected');
  const prices = useArbitragePairPricesQuery(undefined, { pollingInterval: connected ? 0 : 5_000 });
  const [history, setHistory] = useState<Record<string, readonly SpreadPoint[]>>({});

  const channels = useMemo(
    () => [...new Set(['opportunity', ...(pairs ?? []).flatMap((p) => [priceChannel(p.leg1.exchange, p.leg1.symbol), priceChannel(p.leg2.exchange, p.leg2.symbol)])])],
    [pairs],
  );
  useRefetchOnEvents(channels, prices.refetch);

  useEffect(() => {
    if (prices.data) {
      const quotes = prices.data;
      setHistory((current) => {
        const next = { ...current };
        quotes.forEach((q) => (next[q.pairId] = addQuote(next[q.pairId] ?? [], q)));
        return next;
      });
    }
  }, [prices.data]);

  const byPair = useMemo(() => new Map((prices.data ?? []).map((q) => [q.pairId, q])), [prices.data]);
  return { quotes: prices.data, byPair, history, error: prices.error, loading: prices.isLoading };
}
