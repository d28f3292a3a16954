import { DeleteOutlined, EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PairLeg, PairPrices, PairView } from '../../api/arbitrageApi';
import { dec, num, pct } from '../format';

export interface PairsTableProps {
  pairs: PairView[] | undefined;
  loading: boolean;
  quotes: Map<string, PairPrices>;
  selected: string | undefined;
  canTrade: boolean;
  executing: string | null;
  onSelect: (pairId: string) => void;
  onExecute: (pair: PairView) => void;
  onEdit: (pair: PairView) => void;
  onDelete: (pair: PairView) => void;
}

function LegCell({ leg, side }: { leg: PairLeg; side: PairPrices['leg1'] | undefined }) {
  return (
    <Space direction="vertical" size={0}>
      <span>
        <Typography.Text strong>{leg.symbol}</Typography.Text> <Tag>{leg.exchange}</Tag>
        <Tag color={leg.type === 'spot' ? 'blue' : 'purple'}>{leg.type}</Tag>
      </span>
      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
        bid {num(side?.bid)} / ask {num(side?.ask)}
      </Typography.Text>
    </Space>
  );
}

/** The configured pairs with their live VWAP quotes and net spread, and the actions on each. */
export function PairsTable(props: PairsTableProps) {
  const { quotes, canTrade } = props;
  const columns: ColumnsType<PairView> = [
    {
      title: 'Pair',
      dataIndex: 'id',
      render: (id: string, pair) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code>{id}</Typography.Text>
          {pair.enabled ? <Tag color="green">auto-trading</Tag> : <Tag>monitor only</Tag>}
        </Space>
      ),
    },
    { title: 'Leg 1', key: 'leg1', render: (_, pair) => <LegCell leg={pair.leg1} side={quotes.get(pair.id)?.leg1} /> },
    { title: 'Leg 2', key: 'leg2', render: (_, pair) => <LegCell leg={pair.leg2} side={quotes.get(pair.id)?.leg2} /> },
    { title: 'Qty', dataIndex: 'qty', align: 'right', render: dec },
    { title: 'Total amount', dataIndex: 'totalAmount', align: 'right', render: dec },
    { title: 'Threshold', dataIndex: 'threshold', align: 'right', render: (v: number) => `${dec(v)} %` },
    { title: 'Direction', dataIndex: 'direction' },
    {
      title: 'Net spread',
      key: 'spread',
      align: 'right',
      render: (_, pair) => {
        const quote = quotes.get(pair.id);
        if (!quote || quote.netSpreadPercent === null) {
          return (
            <Tooltip title={quote?.status ?? 'not priced yet'}>
              <Typography.Text type="secondary">no price</Typography.Text>
            </Tooltip>
          );
        }
        const clears = quote.netSpreadPercent >= pair.threshold;
        return (
          <Tooltip title={`gross ${pct(quote.spreadPercent)}, ${quote.direction}${quote.fundingRate !== null ? `, funding carry ${pct(quote.fundingCarryPercent)}` : ''}`}>
            <Typography.Text strong style={{ color: clears ? '#389e0d' : undefined, fontVariantNumeric: 'tabular-nums' }} data-testid={`net-spread-${pair.id}`}>
              {pct(quote.netSpreadPercent)}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      title: 'Actions',
      key: 'actions',
      render: (_, pair) => (
        <Space onClick={(e) => e.stopPropagation()}>
          <Tooltip title={canTrade ? 'Execute both legs once, now' : 'Admins only'}>
            <Button size="small" danger icon={<ThunderboltOutlined />} disabled={!canTrade} loading={props.executing === pair.id} onClick={() => props.onExecute(pair)}>
              Execute
            </Button>
          </Tooltip>
          <Button size="small" icon={<EditOutlined />} disabled={!canTrade} onClick={() => props.onEdit(pair)} aria-label={`Edit ${pair.id}`} />
          <Popconfirm
            title={`Delete pair ${pair.id}?`}
            description="It stops being monitored and traded; its executions stay in the history."
            okText="Delete"
            okButtonProps={{ danger: true }}
            onConfirm={() => props.onDelete(pair)}
            disabled={!canTrade}
          >
            <Button size="small" icon={<DeleteOutlined />} disabled={!canTrade} aria-label={`Delete ${pair.id}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.pairs}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: 'No pairs yet: add one to watch its spread' }}
      rowClassName={(pair) => (pair.id === props.selected ? 'ant-table-row-selected' : '')}
      onRow={(pair) => ({ onClick: () => props.onSelect(pair.id), style: { cursor: 'pointer' } })}
    />
  );
}
