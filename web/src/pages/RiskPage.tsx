import { Card, Col, Descriptions, Flex, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ApiErrorAlert } from '../api/errors';
import { riskApi, useRiskStatusQuery, type Exposure, type RiskPause, type RiskStatus, type TradingState } from '../api/riskApi';
import { formatNumber, formatUsd } from '../components/figures';
import { time } from '../components/format';
import { KillSwitch } from '../components/risk/KillSwitch';
import { RiskAlerts } from '../components/risk/RiskAlerts';
import { RiskLimitsForm } from '../components/risk/RiskLimitsForm';
import { useAppDispatch, useAppSelector } from '../hooks';
import { useWsChannels } from '../ws/WsContext';

const STATE_COLOR: Record<TradingState, string> = { ACTIVE: 'green', REDUCING: 'orange', HALTED: 'red' };

const STATE_MEANING: Record<TradingState, string> = {
  ACTIVE: 'every order passes the pre-trade checks',
  REDUCING: 'only orders that reduce an exposure may go',
  HALTED: 'no order may go; open orders were cancelled',
};

/** The trading state as a badge: ACTIVE, REDUCING or HALTED. */
export function RiskStateBadge({ state }: { state: TradingState }) {
  return (
    <Tooltip title={STATE_MEANING[state]}>
      <Tag color={STATE_COLOR[state]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="risk-state-badge">
        {state}
      </Tag>
    </Tooltip>
  );
}

function resumes(pause: RiskPause) {
  if (pause.resumesAt === -1) {
    return 'by hand';
  }
  return pause.resumesAt === 0 ? 'when the data is healthy' : time(pause.resumesAt);
}

function StatusCards({ status }: { status: RiskStatus }) {
  const { pnl, metrics } = status;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title="P&L (USD)" size="small">
          <Space size="large" wrap>
            <Statistic title="Realised" value={formatUsd(pnl.realised)} />
            <Statistic title="Unrealised" value={formatUsd(pnl.unrealised)} />
            <Statistic title="Today (UTC)" value={formatUsd(pnl.today)} />
            <Statistic title="Executions" value={pnl.executions} />
            <Statistic title="Open orders" value={status.openOrders} />
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={`Risk metrics (${metrics.days} days of daily P&L)`} size="small">
          <Space size="large" wrap>
            <Statistic title="Max drawdown" value={formatUsd(metrics.maxDrawdown)} />
            <Statistic title="VaR 95% (1 day)" value={formatUsd(metrics.var95)} />
            <Statistic title="VaR 99% (1 day)" value={formatUsd(metrics.var99)} />
            <Statistic title="Sharpe" value={formatNumber(metrics.sharpe)} />
            <Statistic title="Sortino" value={formatNumber(metrics.sortino)} />
          </Space>
          {metrics.insufficient.length ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {metrics.insufficient.join('; ')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="Exposures" size="small">
          <Table<Exposure>
            size="small"
            rowKey={(e) => `${e.venue}:${e.asset}`}
            dataSource={status.exposures}
            pagination={false}
            locale={{ emptyText: 'No exposure (USD stablecoins are left out)' }}
            columns={[
              { title: 'Venue', dataIndex: 'venue' },
              { title: 'Asset', dataIndex: 'asset' },
              { title: 'Quantity', dataIndex: 'qty', align: 'right', render: (qty: number) => formatNumber(qty, 8) },
              { title: 'Value', dataIndex: 'valueUsd', align: 'right', render: (v: number | null) => (v === null ? 'no mark' : formatUsd(v)) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="Pauses" size="small">
          <Table<RiskPause>
            size="small"
            rowKey={(p) => `${p.scope}:${p.id}:${p.rule}`}
            dataSource={status.pauses}
            pagination={false}
            locale={{ emptyText: 'Nothing paused' }}
            columns={[
              { title: 'Scope', dataIndex: 'scope', render: (scope: string, p) => `${scope} ${p.id}` },
              { title: 'Rule', dataIndex: 'rule' },
              { title: 'Reason', dataIndex: 'reason' },
              { title: 'Since', dataIndex: 'since', render: (ts: number) => time(ts) },
              { title: 'Resumes', key: 'resumes', render: (_: unknown, p) => resumes(p) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/**
 * Risk: the trading state (live: every `engine_alert` refreshes it), the kill switch,
 * P&L and exposures, the limits form and the alerts.
 */
export function RiskPage() {
  const dispatch = useAppDispatch();
  const canMutate = useAppSelector((state) => state.auth.role === 'admin');
  const { data: status, error } = useRiskStatusQuery(undefined, { pollingInterval: 10_000 });
  useWsChannels(['engine_alert'], () => dispatch(riskApi.util.invalidateTags(['RiskStatus'])));

  return (
    <Flex vertical gap="large">
      <Typography.Title level={2} style={{ margin: 0 }}>
        Risk
      </Typography.Title>
      <ApiErrorAlert error={error} title="The risk status could not be loaded" />
      {status ? (
        <>
          <Card>
            <Row align="middle" justify="space-between" gutter={16} wrap={false}>
              <Col flex="auto">
                <Descriptions column={{ xs: 1, md: 3 }} size="small">
                  <Descriptions.Item label="Trading state">
                    <RiskStateBadge state={status.state} />
                  </Descriptions.Item>
                  <Descriptions.Item label="Since">{time(status.since)}</Descriptions.Item>
                  <Descriptions.Item label="Reason">{status.reason ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Col>
              <Col>
                <KillSwitch status={status} canMutate={canMutate} />
              </Col>
            </Row>
          </Card>
          <StatusCards status={status} />
        </>
      ) : null}
      <RiskLimitsForm canMutate={canMutate} />
      <RiskAlerts />
    </Flex>
  );
}
