import { App, Typography } from 'antd';
import { useState } from 'react';
import {
  useExecutePairMutation,
  type ExecutionView,
  type PairPrices,
  type PairView,
} from '../../api/arbitrageApi';
import { useLazyTradingAccountQuery, type TradingAccount } from '../../api/settingsApi';
import type { ApiError } from '../../api/baseQuery';
import { useFrontendLog } from '../../ws/frontendLog';
import { describeExecution } from './describeExecution';

/** The last manual execution: its result, or the server's refusal. */
export type ManualExecution = { pairId: string; result: ExecutionView } | { pairId: string; error: ApiError };

/**
 * Manual execution of a pair: reads the trading mode, asks for confirmation stating the orders and
 * the risk, executes, and reports "arbitrage triggered" and its success or failure to the server's
 * front-end log.
 */
export function useManualExecution() {
  const { modal } = App.useApp();
  const log = useFrontendLog();
  const [readAccount] = useLazyTradingAccountQuery();
  const [executePair] = useExecutePairMutation();
  const [running, setRunning] = useState<string | null>(null);
  const [last, setLast] = useState<ManualExecution | null>(null);

  async function run(pair: PairView, mode: string) {
    setRunning(pair.id);
    log('arbitrage_triggered', { pairId: pair.id, mode, manual: true });
    try {
      const result = await executePair(pair.id).unwrap();
      setLast({ pairId: pair.id, result });
      const data = { pairId: pair.id, executionId: result.executionId, outcome: result.outcome, pnl: result.pnl };
      log(result.outcome === 'filled' ? 'arbitrage_succeeded' : 'arbitrage_failed', data);
    } catch (error) {
      const apiError = error as ApiError;
      setLast({ pairId: pair.id, error: apiError });
      log('arbitrage_failed', { pairId: pair.id, code: apiError.code, message: apiError.message });
    } finally {
      setRunning(null);
    }
  }

  async function confirm(pair: PairView, quote: PairPrices | undefined) {
    let account: TradingAccount | null = null;
    try {
      account = await readAccount(pair.leg1.exchange, true).unwrap();
    } catch {
      // shown in the confirmation as an unknown mode
    }
    const text = describeExecution(pair, quote, account);
    modal.confirm({
      title: text.title,
      width: 560,
      okText: account?.mode === 'paper' ? 'Execute (paper)' : 'Execute with real orders',
      okButtonProps: { danger: account?.mode !== 'paper' },
      content: (
        <div data-testid="execute-confirmation">
          <Typography.Paragraph>{text.orders}</Typography.Paragraph>
          <Typography.Paragraph>{text.spread}</Typography.Paragraph>
          <Typography.Paragraph strong type={account?.mode === 'paper' ? undefined : 'danger'}>
            {text.mode}
          </Typography.Paragraph>
        </div>
      ),
      onOk: () => {
        void run(pair, account?.mode ?? 'unknown');
      },
    });
  }

  return { confirm, running, last, dismiss: () => setLast(null) };
}
