import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';

export interface SpreadPoint {
  /** epoch seconds */
  time: number;
  value: number;
}

export interface SpreadLine {
  id: string;
  color: string;
  points: SpreadPoint[];
}

/** Net spreads (percent) over time, one line per pair, drawn with lightweight-charts. */
export function SpreadChart({ lines, height = 280 }: { lines: SpreadLine[]; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef(new Map<string, ISeriesApi<'Line'>>());

  useEffect(() => {
    const created = createChart(container.current!, {
      height,
      autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
      localization: { priceFormatter: (value: number) => `${value.toFixed(3)} %` },
    });
    chart.current = created;
    const owned = series.current;
    return () => {
      owned.clear();
      chart.current = null;
      created.remove();
    };
  }, [height]);

  useEffect(() => {
    const current = chart.current;
    if (!current) {
      return;
    }
    const wanted = new Set(lines.map((line) => line.id));
    for (const [id, line] of series.current) {
      if (!wanted.has(id)) {
        current.removeSeries(line);
        series.current.delete(id);
      }
    }
    for (const line of lines) {
      let drawn = series.current.get(line.id);
      if (!drawn) {
        drawn = current.addSeries(LineSeries, { color: line.color, lineWidth: 2, title: line.id });
        series.current.set(line.id, drawn);
      }
      drawn.setData(line.points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    }
  }, [lines]);

  return <div ref={container} style={{ height }} data-testid="spread-chart" />;
}
