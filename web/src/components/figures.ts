/** Number and time formatting for the operations pages (Risk, Settings, System). */

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as `3d 04h 05m 06s` (leading zero units left out). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = days > 0 ? [`${days}d`, `${pad(h)}h`, `${pad(m)}m`] : h > 0 ? [`${h}h`, `${pad(m)}m`] : m > 0 ? [`${m}m`] : [];
  parts.push(`${parts.length ? pad(s % 60) : s % 60}s`);
  return parts.join(' ');
}

/** Bytes in binary units (`512.0 MiB`); 'n/a' for a negative figure (the platform does not say). */
export function formatBytes(bytes: number): string {
  if (bytes < 0) {
    return 'n/a';
  }
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** A fraction (0.125) as a percent (`12.5%`); 'n/a' for a negative one (the platform does not say). */
export function formatFraction(fraction: number, digits = 1): string {
  return fraction < 0 ? 'n/a' : `${(fraction * 100).toFixed(digits)}%`;
}

/** A number with thousands separators and at most `digits` decimals; '—' for null. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** US dollars (`1,234.50 USD`); '—' for null. */
export function formatUsd(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USD`;
}
