import { Alert, Descriptions } from 'antd';
import { apiErrorText } from '../../api/errors';
import type { ExecutionLeg } from '../../api/arbitrageApi';
import { dec, num } from '../format';
import type { ManualExecution } from './useManualExecution';

/** One leg in a line: "buy 0.001 BTCUSDT on binance spot @ 61830.1, fees 0.06 — filled". */
export function legText(leg: ExecutionLeg) {
  const fill = leg.qty ? `${dec(leg.qty)} ${leg.symbol} on ${leg.exchange} ${leg.type} @ ${num(leg.price)}` : `nothing of ${leg.symbol} on ${leg.exchange} ${leg.type}`;
  const refusal = leg.code ? ` — ${leg.code}: ${leg.message ?? ''}` : '';
  return `${leg.side} ${fill}, fees ${dec(leg.fees)}${refusal}`;
}

/** The last manual execution: how it ended, each leg, fees and P&L; or the server's refusal. */
export function ExecutionResult({ execution, onClose }: { execution: ManualExecution; onClose: () => void }) {
  if ('error' in execution) {
    const risk = execution.error.code === 'RISK_REJECTED';
    return (
      <Alert
        data-testid="execution-result"
        type={risk ? 'warning' : 'error'}
        showIcon
        closable
        onClose={onClose}
        message={risk ? `Pair ${execution.pairId}: refused by the risk engine, nothing was sent` : `Pair ${execution.pairId}: execution refused`}
        description={apiErrorText(execution.error)}
      />
    );
  }
  const r = execution.result;
  return (
    <Alert
      data-testid="execution-result"
      type={r.outcome === 'filled' ? 'success' : r.outcome === 'imbalanced' ? 'error' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      message={`Pair ${r.pairId}: execution ${r.executionId} ${r.outcome} (${r.direction})`}
      description={
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="Leg 1">{legText(r.leg1)}</Descriptions.Item>
          <Descriptions.Item label="Leg 2">{legText(r.leg2)}</Descriptions.Item>
          <Descriptions.Item label="Fees">{dec(r.fees)}</Descriptions.Item>
          <Descriptions.Item label="P&L">{dec(r.pnl)}</Descriptions.Item>
          {r.detail ? <Descriptions.Item label="Detail">{r.detail}</Descriptions.Item> : null}
        </Descriptions>
      }
    />
  );
}
