import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApiErrorAlert } from '../../api/errors';
import { useTwapSlicesQuery, type TwapSlice } from '../../api/twapApi';
import { legText } from '../arbitrage/ExecutionResult';
import { dec, signColor, time } from '../format';
import { useRefetchOnEvents } from '../useRefetchOnEvents';

const OUTCOME_COLORS: Record<string, string> = {
  filled: 'green',
  partial: 'gold',
  hedged_partial: 'gold',
  unwound: 'orange',
  failed: 'red',
  imbalanced: 'magenta',
};

const columns: ColumnsType<TwapSlice> = [
  { title: '#', dataIndex: 'slice', width: 50 },
  { title: 'Started', dataIndex: 'startedTs', render: time, width: 170 },
  {
    title: 'State',
    key: 'state',
    render: (_, s) => (s.state === 'sending' ? <Tag color="processing">sending</Tag> : <Tag color={OUTCOME_COLORS[s.outcome ?? ''] ?? 'default'}>{s.outcome}</Tag>),
  },
  { title: 'Qty', dataIndex: 'qty', align: 'right', render: dec },
  { title: 'Executed', dataIndex: 'executed', align: 'right', render: dec },
  {
    title: 'Legs',
    dataIndex: 'legs',
    render: (legs: TwapSlice['legs']) =>
      legs.map((leg) => (
        <div key={`${leg.exchange}-${leg.type}-${leg.side}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {legText(leg)}
        </div>
      )),
  },
  { title: 'Fees', dataIndex: 'fees', align: 'right', render: dec },
  {
    title: 'P&L',
    dataIndex: 'pnl',
    align: 'right',
    render: (v: number | null) => <Typography.Text style={{ color: signColor(v) }}>{dec(v)}</Typography.Text>,
  },
  { title: 'Detail', dataIndex: 'detail', render: (d: string | null) => (d ? <Typography.Text type="secondary">{d}</Typography.Text> : null) },
];

/** The slices a plan has sent, as the server stores them, read again when `twap_progress` reports one. */
export function TwapSlices({ planId }: { planId: string }) {
  const slices = useTwapSlicesQuery(planId);
  useRefetchOnEvents(['twap_progress'], slices.refetch, (event: { planId: string; slice: number | null }) => event.planId === planId && event.slice !== null);
  return (
    <>
      <ApiErrorAlert error={slices.error} title="The slices could not be loaded" />
      <Table
        rowKey="slice"
        size="small"
        columns={columns}
        dataSource={slices.data}
        loading={slices.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'No slice sent yet' }}
        data-testid={`slices-${planId}`}
      />
    </>
  );
}
