import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OpportunityView } from '../../api/arbitrageApi';
import { dec, num, pct, time } from '../format';

const columns: ColumnsType<OpportunityView> = [
  { title: 'Time', dataIndex: 'ts', render: time, width: 170 },
  { title: 'Pair', dataIndex: 'pairId', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
  { title: 'Direction', dataIndex: 'direction' },
  { title: 'Leg 1 price', dataIndex: 'leg1Price', align: 'right', render: num },
  { title: 'Leg 2 price', dataIndex: 'leg2Price', align: 'right', render: num },
  { title: 'Qty', dataIndex: 'qty', align: 'right', render: dec },
  { title: 'Gross', dataIndex: 'spreadPercent', align: 'right', render: (v: number) => pct(v) },
  { title: 'Net of fees', dataIndex: 'netSpreadPercent', align: 'right', render: (v: number) => <Typography.Text strong>{pct(v)}</Typography.Text> },
];

/** Recent opportunities, newest first (stored ones and those arriving over /ws). */
export function OpportunitiesTable({ opportunities, loading }: { opportunities: OpportunityView[]; loading: boolean }) {
  return (
    <Table
      rowKey={(o) => `${o.pairId}@${o.ts}`}
      size="small"
      columns={columns}
      dataSource={opportunities}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: 'No opportunity above a threshold yet' }}
    />
  );
}
