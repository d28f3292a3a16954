import { CaretRightOutlined, PauseOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TwapAction, TwapPlan, TwapState } from '../../api/twapApi';
import { dec, time } from '../format';
import { TwapSlices } from './TwapSlices';

const STATE_COLORS: Record<TwapState, string> = {
  pending: 'default',
  running: 'processing',
  paused: 'warning',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
};

/** The actions each state allows (docs/API.md: anything else is a CONFLICT). */
const ACTIONS: Record<TwapState, TwapAction[]> = {
  pending: ['start', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  completed: [],
  cancelled: [],
  failed: [],
};

const ICONS = { start: <CaretRightOutlined />, resume: <CaretRightOutlined />, pause: <PauseOutlined />, cancel: <StopOutlined /> };

export interface TwapPlansTableProps {
  plans: TwapPlan[] | undefined;
  loading: boolean;
  canTrade: boolean;
  pending: string | null;
  onAction: (plan: TwapPlan, action: TwapAction) => void;
}

function percentDone(plan: TwapPlan) {
  return plan.totalQty > 0 ? Math.min(100, Math.round((plan.progress.executed / plan.totalQty) * 1000) / 10) : 0;
}

/** The plans, newest first: progress, state and why, and the controls their state allows; slices expand. */
export function TwapPlansTable({ plans, loading, canTrade, pending, onAction }: TwapPlansTableProps) {
  const columns: ColumnsType<TwapPlan> = [
    {
      title: 'Plan',
      key: 'plan',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.name}</Typography.Text>
          <Typography.Text type="secondary" code>
            {p.planId}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Legs',
      dataIndex: 'legs',
      render: (legs: TwapPlan['legs']) =>
        legs.map((l) => (
          <div key={`${l.exchange}-${l.side}`}>
            <Tag color={l.side === 'buy' ? 'green' : 'red'}>{l.side}</Tag>
            {l.symbol} <Typography.Text type="secondary">{l.exchange} {l.market ?? 'spot'}</Typography.Text>
            {l.type === 'limit' ? ` ≤ ${dec(l.price)}` : ''}
          </div>
        )),
    },
    { title: 'Total', dataIndex: 'totalQty', align: 'right', render: dec },
    { title: 'Slice', dataIndex: 'sliceQty', align: 'right', render: dec },
    { title: 'Interval', dataIndex: 'intervalMs', align: 'right', render: (ms: number) => `${ms / 1000} s` },
    {
      title: 'Progress',
      key: 'progress',
      width: 220,
      render: (_, p) => (
        <div data-testid={`progress-${p.planId}`}>
          <Progress percent={percentDone(p)} size="small" status={p.state === 'failed' ? 'exception' : p.state === 'running' ? 'active' : undefined} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dec(p.progress.executed)} / {dec(p.totalQty)} · slice {p.progress.slicesDone}/{p.progress.slicesTotal}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'State',
      key: 'state',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATE_COLORS[p.state]} data-testid={`state-${p.planId}`}>
            {p.state}
          </Tag>
          {p.reason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.reason}</Typography.Text> : null}
          {p.skips > 0 ? (
            <Tooltip title={p.lastSkip}>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {p.skips} skipped
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: 'Last slice', dataIndex: 'lastExecutionTs', render: time, width: 170 },
    {
      title: 'Actions',
      key: 'actions',
      render: (_, p) => (
        <Space>
          {ACTIONS[p.state].map((action) => (
            <Button
              key={action}
              size="small"
              icon={ICONS[action]}
              danger={action === 'cancel'}
              disabled={!canTrade}
              loading={pending === `${p.planId}:${action}`}
              onClick={() => onAction(p, action)}
            >
              {action[0].toUpperCase() + action.slice(1)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table
      rowKey="planId"
      size="middle"
      columns={columns}
      dataSource={plans}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: 'No TWAP plan yet' }}
      expandable={{ expandedRowRender: (p) => <TwapSlices planId={p.planId} />, rowExpandable: (p) => p.state !== 'pending' }}
    />
  );
}
