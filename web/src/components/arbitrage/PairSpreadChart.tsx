import { createChart, LineSeries, LineStyle, type IChartApi, type IPriceLine, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { SpreadPoint } from './useLiveSpreads';

/** A pair's gross and net spread (percent of mid) over time, with its threshold as a dashed line. */
export function PairSpreadChart({ points, threshold, height = 260 }: { points: readonly SpreadPoint[]; threshold: number; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const lines = useRef<{ chart: IChartApi; net: ISeriesApi<'Line'>; gross: ISeriesApi<'Line'> } | null>(null);
  const thresholdLine = useRef<IPriceLine | null>(null);

  useEffect(() => {
    const chart = createChart(container.current!, {
      height,
      autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
      localization: { priceFormatter: (value: number) => `${value.toFixed(4)} %` },
    });
    const gross = chart.addSeries(LineSeries, { color: '#8c8c8c', lineWidth: 1, title: 'gross' });
    const net = chart.addSeries(LineSeries, { color: '#1677ff', lineWidth: 2, title: 'net of fees' });
    lines.current = { chart, net, gross };
    return () => {
      lines.current = null;
      thresholdLine.current = null;
      chart.remove();
    };
  }, [height]);

  useEffect(() => {
    const drawn = lines.current;
    if (drawn) {
      drawn.net.setData(points.map((p) => ({ time: p.time as UTCTimestamp, value: p.net })));
      drawn.gross.setData(points.map((p) => ({ time: p.time as UTCTimestamp, value: p.gross })));
    }
  }, [points]);

  useEffect(() => {
    const drawn = lines.current;
    if (drawn) {
      if (thresholdLine.current) {
        drawn.net.removePriceLine(thresholdLine.current);
      }
      thresholdLine.current = drawn.net.createPriceLine({ price: threshold, color: '#fa8c16', lineStyle: LineStyle.Dashed, lineWidth: 1, title: 'threshold' });
    }
  }, [threshold]);

  return <div ref={container} style={{ height }} data-testid="pair-spread-chart" />;
}
