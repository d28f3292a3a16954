/** Number and time formatting shared by the trading tables. */

const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8, useGrouping: true });

/** An exact decimal as the server sent it (JSON number), or '—' when there is none. */
export function dec(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/** A computed price or amount (a VWAP, a double), grouped, at most 8 decimals. */
export function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : decimal.format(value);
}

/** A percentage figure already in percent (0.12 means 0.12 %). */
export function pct(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(digits)} %`;
}

/** Epoch milliseconds as local date and time with seconds. */
export function time(ts: number | null | undefined): string {
  if (!ts) {
    return '—';
  }
  const d = new Date(ts);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Green for a gain, red for a loss, nothing for zero or none. */
export function signColor(value: number | null | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  return value > 0 ? '#389e0d' : '#cf1322';
}
