import type { PairPrices, PairView } from '../../api/arbitrageApi';
import type { TradingAccount } from '../../api/settingsApi';
import { pct } from '../format';

function leg(side: 'buy' | 'sell', qty: number, l: PairView['leg1']) {
  return `${side} ${qty} ${l.symbol} on ${l.exchange} ${l.type}`;
}

/** What the mode means for the orders, or that it could not be read. */
export function modeText(account: TradingAccount | null, exchanges: string[]): string {
  if (!account) {
    return 'The trading mode could not be read: treat this as live, with real orders.';
  }
  if (account.mode === 'live') {
    return `LIVE mode: this sends real orders to ${exchanges.join(' and ')} with the stored API keys and moves real funds.`;
  }
  return 'Paper mode: the orders fill against the paper account at the live books; no order reaches an exchange.';
}

/**
 * The confirmation of a manual execution: which orders go where, in which direction, at what
 * spread, and in which mode.
 */
export function describeExecution(pair: PairView, quote: PairPrices | undefined, account: TradingAccount | null) {
  const direction = quote?.direction ?? (pair.direction === 'auto' ? null : pair.direction);
  const orders =
    direction === null
      ? `both legs (${pair.qty} ${pair.leg1.symbol} on ${pair.leg1.exchange} ${pair.leg1.type} and ${pair.leg2.symbol} on ${pair.leg2.exchange} ${pair.leg2.type}) in the direction of the latest quote — there is none now, so the server will refuse if a leg has no price`
      : direction === 'forward'
        ? `${leg('buy', pair.qty, pair.leg1)}, ${leg('sell', pair.qty, pair.leg2)}`
        : `${leg('sell', pair.qty, pair.leg1)}, ${leg('buy', pair.qty, pair.leg2)}`;
  const spread =
    quote?.netSpreadPercent === null || quote?.netSpreadPercent === undefined
      ? 'No live net spread now.'
      : `Net spread now ${pct(quote.netSpreadPercent)} after fees (threshold ${pair.threshold} %); the price may move before the orders fill.`;
  return {
    title: `Execute pair ${pair.id} now?`,
    orders: `Execute both legs of pair ${pair.id} now at market (IOC orders within the slippage bound): ${orders}.`,
    spread,
    mode: modeText(account, [pair.leg1.exchange, pair.leg2.exchange].filter((e, i, all) => all.indexOf(e) === i)),
  };
}
