import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TriangularPathView } from '../../api/arbitrageApi';
import { dec, num, pct, signColor, time } from '../format';

const columns: ColumnsType<TriangularPathView> = [
  { title: 'Cycle', dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
  {
    title: 'Trades',
    key: 'trades',
    render: (_, p) =>
      p.symbols.map((symbol, i) => (
        <Tag key={symbol} color={p.sides[i] === 'buy' ? 'green' : 'red'}>
          {p.sides[i]} {symbol}
        </Tag>
      )),
  },
  { title: 'Start', key: 'start', align: 'right', render: (_, p) => `${dec(p.startQty)} ${p.startAsset}` },
  { title: 'End', key: 'end', align: 'right', render: (_, p) => (p.endQty === null ? '—' : `${num(p.endQty)} ${p.startAsset}`) },
  {
    title: 'Net edge',
    dataIndex: 'netEdgePercent',
    align: 'right',
    render: (v: number | null) =>
      v === null ? (
        <Typography.Text type="secondary">no price</Typography.Text>
      ) : (
        <Typography.Text strong style={{ color: signColor(v) }}>
          {pct(v)}
        </Typography.Text>
      ),
  },
  { title: 'As of', dataIndex: 'ts', render: time, width: 170 },
];

/** The watched triangular cycles priced through depth, net of three taker fees. */
export function TriangularTable({ paths, loading }: { paths: TriangularPathView[] | undefined; loading: boolean }) {
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={paths}
      loading={loading}
      pagination={false}
      locale={{ emptyText: 'No triangular cycle is watched' }}
    />
  );
}
