import type { SpreadPoint } from './SpreadChart';

/** The net spreads of one answer of GET /api/monitoring/prices (or anything with the same fields). */
export interface SpreadSample {
  pairId: string;
  netSpreadPercent: number | null;
  ts: number;
}

/**
 * The history with each priced sample added as a point per second (a later sample in the same
 * second replaces the earlier one). A sample older than a line's last point starts that line
 * again: the clock went back, as when a recording is replayed from its start. Unpriced samples
 * (null spread) add nothing. At most `limit` points per pair.
 */
export function appendSpreads(
  history: Readonly<Record<string, SpreadPoint[]>>,
  samples: readonly SpreadSample[],
  limit: number,
): Record<string, SpreadPoint[]> {
  const next = { ...history };
  for (const sample of samples) {
    if (sample.netSpreadPercent === null) {
      continue;
    }
    const point = { time: Math.floor(sample.ts / 1000), value: sample.netSpreadPercent };
    const line = next[sample.pairId] ?? [];
    const last = line.at(-1);
    if (!last || point.time < last.time) {
      next[sample.pairId] = [point];
    } else if (point.time === last.time) {
      next[sample.pairId] = [...line.slice(0, -1), point];
    } else {
      next[sample.pairId] = [...line, point].slice(-limit);
    }
  }
  return next;
}
