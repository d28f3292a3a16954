import { createChart, LineSeries, LineStyle, type IChartApi, type IPriceLine, type ISeriesApi, type LineWidth, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';

export interface LinePoint {
  /** epoch seconds */
  time: number;
  value: number;
}

export interface SpreadLine {
  id: string;
  color: string;
  /** The label on the price scale; the id when left out. */
  title?: string;
  width?: LineWidth;
  points: readonly LinePoint[];
}

/**
 * Spreads (percent) over time drawn with lightweight-charts: one line per entry of `lines` (the
 * dashboard's pairs, or a pair's gross and net spread), and `threshold`, if given, as a dashed line.
 */
export function SpreadChart({ lines, threshold, digits = 3, height = 280 }: { lines: readonly SpreadLine[]; threshold?: number; digits?: number; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef(new Map<string, ISeriesApi<'Line'>>());
  const thresholdLine = useRef<{ series: ISeriesApi<'Line'>; price: number; line: IPriceLine } | null>(null);

  useEffect(() => {
    const created = createChart(container.current!, {
      height,
      autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
      localization: { priceFormatter: (value: number) => `${value.toFixed(digits)} %` },
    });
    chart.current = created;
    const owned = series.current;
    return () => {
      owned.clear();
      thresholdLine.current = null;
      chart.current = null;
      created.remove();
    };
  }, [height, digits]);

  useEffect(() => {
    const current = chart.current;
    if (!current) {
      return;
    }
    const wanted = new Set(lines.map((line) => line.id));
    for (const [id, line] of series.current) {
      if (!wanted.has(id)) {
        if (thresholdLine.current?.series === line) {
          thresholdLine.current = null;
        }
        current.removeSeries(line);
        series.current.delete(id);
      }
    }
    for (const line of lines) {
      let drawn = series.current.get(line.id);
      if (!drawn) {
        drawn = current.addSeries(LineSeries, { color: line.color, lineWidth: line.width ?? 2, title: line.title ?? line.id });
        series.current.set(line.id, drawn);
      }
      drawn.setData(line.points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    }
  }, [lines]);

  useEffect(() => {
    // a price line belongs to a series (every line shares the one price scale): the first line's
    const first = series.current.values().next().value;
    const drawn = thresholdLine.current;
    if (drawn && drawn.series === first && drawn.price === threshold) {
      return;
    }
    if (drawn) {
      drawn.series.removePriceLine(drawn.line);
      thresholdLine.current = null;
    }
    if (threshold !== undefined && first) {
      const line = first.createPriceLine({ price: threshold, color: '#fa8c16', lineStyle: LineStyle.Dashed, lineWidth: 1, title: 'threshold' });
      thresholdLine.current = { series: first, price: threshold, line };
    }
  }, [threshold, lines]);

  return <div ref={container} style={{ height }} data-testid="spread-chart" />;
}
