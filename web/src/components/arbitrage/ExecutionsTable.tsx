import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ExecutionLeg, ExecutionOutcome, ExecutionView } from '../../api/arbitrageApi';
import { dec, num, pct, signColor, time } from '../format';

const OUTCOME_COLORS: Record<ExecutionOutcome, string> = {
  filled: 'green',
  hedged_partial: 'gold',
  unwound: 'orange',
  failed: 'red',
  imbalanced: 'magenta',
};

function LegSummary({ leg }: { leg: ExecutionLeg }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      <Tag color={leg.side === 'buy' ? 'green' : 'red'}>{leg.side}</Tag>
      {dec(leg.qty)} {leg.symbol} <Typography.Text type="secondary">{leg.exchange} {leg.type}</Typography.Text> @ {num(leg.price)}
      {leg.code ? (
        <Typography.Text type="danger" style={{ display: 'block' }}>
          {leg.code}: {leg.message}
        </Typography.Text>
      ) : null}
    </span>
  );
}

function LegOrders({ leg, name }: { leg: ExecutionLeg; name: string }) {
  return (
    <Typography.Paragraph style={{ marginBottom: 4 }}>
      <Typography.Text strong>{name}</Typography.Text> orders {leg.orders.join(', ') || 'none'}
      {leg.exchangeOrderId ? ` (exchange id ${leg.exchangeOrderId})` : ''}, fees {dec(leg.fees)}
    </Typography.Paragraph>
  );
}

/** Executions, newest first: both legs with their fills, fees and P&L; the orders and detail expand. */
export function ExecutionsTable({ executions, loading }: { executions: ExecutionView[] | undefined; loading: boolean }) {
  const columns: ColumnsType<ExecutionView> = [
    { title: 'Time', dataIndex: 'ts', render: time, width: 170 },
    { title: 'Pair', dataIndex: 'pairId', render: (id: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{id}</Typography.Text> },
    { title: 'Direction', dataIndex: 'direction' },
    { title: 'Outcome', dataIndex: 'outcome', render: (o: ExecutionOutcome) => <Tag color={OUTCOME_COLORS[o]}>{o}</Tag> },
    { title: 'Leg 1', key: 'leg1', render: (_, e) => <LegSummary leg={e.leg1} /> },
    { title: 'Leg 2', key: 'leg2', render: (_, e) => <LegSummary leg={e.leg2} /> },
    { title: 'Spread', dataIndex: 'spreadPercent', align: 'right', render: (v: number | null, e) => (v === null ? '—' : `${dec(e.spread)} (${pct(v)})`) },
    { title: 'Fees', dataIndex: 'fees', align: 'right', render: dec },
    {
      title: 'P&L',
      dataIndex: 'pnl',
      align: 'right',
      render: (v: number | null) => (
        <Typography.Text strong style={{ color: signColor(v), whiteSpace: 'nowrap' }}>
          {dec(v)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table
      rowKey="executionId"
      size="small"
      columns={columns}
      dataSource={executions}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: 'No executions yet' }}
      expandable={{
        expandedRowRender: (e) => (
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              Execution <Typography.Text code>{e.executionId}</Typography.Text>, {e.automatic ? 'automatic' : 'manual'}, started {time(e.startedTs)}, hedged {dec(e.hedgedQty)}
            </Typography.Paragraph>
            <LegOrders leg={e.leg1} name="Leg 1" />
            <LegOrders leg={e.leg2} name="Leg 2" />
            {e.detail ? <Typography.Paragraph type="secondary">{e.detail}</Typography.Paragraph> : null}
          </>
        ),
      }}
    />
  );
}
