import { Badge, Card, Col, Descriptions, Flex, Row, Space, Statistic, Table, Typography } from 'antd';
import { ApiErrorAlert } from '../api/errors';
import { useSystemStatusQuery, type ModuleHealth, type SystemStatus } from '../api/systemApi';
import { formatBytes, formatDuration, formatFraction, formatNumber } from '../components/figures';
import { time } from '../components/format';
import { CollectorsTable } from '../components/system/CollectorsTable';
import { LogViewer } from '../components/system/LogViewer';
import { SystemControl } from '../components/system/SystemControl';
import { useAppSelector } from '../hooks';

const HEALTH_BADGE: Record<ModuleHealth['health'], 'success' | 'warning' | 'error'> = { UP: 'success', DEGRADED: 'warning', DOWN: 'error' };

const ENGINE_FIGURES: [string, string][] = [
  ['pairs', 'Pairs'],
  ['unresolvedPairs', 'Waiting for metadata'],
  ['triangularCycles', 'Triangular cycles'],
  ['journalWritten', 'Journal rows written'],
  ['journalBacklog', 'Journal backlog'],
  ['journalDropped', 'Journal rows lost'],
];

function Process({ status }: { status: SystemStatus }) {
  const { cpu, memory } = status;
  return (
    <Card title="Process" size="small">
      <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
        <Descriptions.Item label="Version">{status.version}</Descriptions.Item>
        <Descriptions.Item label="Uptime">
          <span data-testid="uptime">{formatDuration(status.uptime)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Last started">{time(status.lastStarted)}</Descriptions.Item>
        <Descriptions.Item label="Threads">{status.threads}</Descriptions.Item>
        <Descriptions.Item label="Process CPU">{`${formatFraction(cpu.processCpu)} of ${cpu.cores} cores`}</Descriptions.Item>
        <Descriptions.Item label="System CPU">{formatFraction(cpu.systemCpu)}</Descriptions.Item>
        <Descriptions.Item label="Load average">{cpu.loadAverage < 0 ? 'n/a' : formatNumber(cpu.loadAverage)}</Descriptions.Item>
        <Descriptions.Item label="Resident memory">{formatBytes(memory.residentBytes)}</Descriptions.Item>
        <Descriptions.Item label="Heap">{`${formatBytes(memory.heapUsedBytes)} used of ${formatBytes(memory.heapCommittedBytes)} (max ${formatBytes(memory.heapMaxBytes)})`}</Descriptions.Item>
        <Descriptions.Item label="Non-heap">{formatBytes(memory.nonHeapUsedBytes)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Modules({ modules }: { modules: SystemStatus['modules'] }) {
  const rows = Object.entries(modules).map(([name, health]) => ({ name, ...health }));
  return (
    <Card title="Modules" size="small" data-testid="modules">
      <Table
        size="small"
        rowKey="name"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: 'Module', dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
          { title: 'Health', dataIndex: 'health', render: (h: ModuleHealth['health']) => <Badge status={HEALTH_BADGE[h] ?? 'default'} text={h} /> },
          { title: 'Status', dataIndex: 'status' },
          { title: 'Detail', dataIndex: 'detail' },
        ]}
      />
    </Card>
  );
}

function Performance({ performance }: { performance: SystemStatus['performance'] }) {
  const { api, marketData, engine } = performance;
  return (
    <Row gutter={[16, 16]}>
      {api ? (
        <Col xs={24} xl={12}>
          <Card title="API latency and errors" size="small" data-testid="api-performance">
            <Space size="large" wrap>
              <Statistic title="p50" value={formatNumber(api.p50Millis, 1)} suffix="ms" />
              <Statistic title="p95" value={formatNumber(api.p95Millis, 1)} suffix="ms" />
              <Statistic title="p99" value={formatNumber(api.p99Millis, 1)} suffix="ms" />
              <Statistic title="Requests, last minute" value={api.requestsLastMinute} />
              <Statistic title="4xx, last minute" value={formatFraction(api.clientErrorRate)} />
              <Statistic title="5xx, last minute" value={formatFraction(api.serverErrorRate)} />
            </Space>
          </Card>
        </Col>
      ) : null}
      {engine || marketData ? (
        <Col xs={24} xl={12}>
          <Card title="Engine and price cache" size="small">
            <Space size="large" wrap>
              {engine
                ? ENGINE_FIGURES.filter(([key]) => key in engine).map(([key, label]) => <Statistic key={key} title={label} value={formatNumber(engine[key], 0)} />)
                : null}
              {marketData ? (
                <Statistic
                  title="Price cache hit rate"
                  value={formatFraction(marketData.priceCache.hitRate)}
                  suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${formatNumber(marketData.priceCache.hits, 0)} hits / ${formatNumber(marketData.priceCache.misses, 0)} misses`}</Typography.Text>}
                />
              ) : null}
            </Space>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}

/**
 * System: start/stop, the process (version, uptime, CPU, memory), module health, performance
 * figures, the QingXi collectors with their live stats, and the server log.
 */
export function SystemPage() {
  const canMutate = useAppSelector((state) => state.auth.role === 'admin');
  const { data: status, error } = useSystemStatusQuery(undefined, { pollingInterval: 5_000 });
  return (
    <Flex vertical gap="large">
      <Row justify="space-between" align="middle">
        <Typography.Title level={2} style={{ margin: 0 }}>
          System
        </Typography.Title>
        {status ? <SystemControl status={status} canMutate={canMutate} /> : null}
      </Row>
      <ApiErrorAlert error={error} title="The system status could not be loaded" />
      {status ? (
        <>
          <Process status={status} />
          <Modules modules={status.modules} />
          <Performance performance={status.performance} />
        </>
      ) : null}
      <CollectorsTable loads={status?.performance.marketData?.collectors ?? []} canMutate={canMutate} />
      <LogViewer />
    </Flex>
  );
}
