import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../api/errors';
import { useSystemLogsQuery, type LogEntry } from '../../api/systemApi';
import { time } from '../format';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];
const LEVEL_COLOR: Record<string, string> = { ERROR: 'red', WARN: 'orange', INFO: 'blue', DEBUG: 'default', TRACE: 'default' };

/** The server's newest log events at a level or above (GET /api/system/logs), refreshed every 5 s unless paused. */
export function LogViewer() {
  const [level, setLevel] = useState('info');
  const [limit, setLimit] = useState(200);
  const [auto, setAuto] = useState(true);
  // currentData, not data: while another level or limit loads, the table shows nothing rather than the old filter's rows
  const { currentData, error, isFetching, refetch } = useSystemLogsQuery({ level, limit }, { pollingInterval: auto ? 5_000 : 0 });
  // log events have no id; their place in the newest-first answer is their key
  const rows = useMemo(() => (currentData ?? []).map((entry, key) => ({ ...entry, key })), [currentData]);
  return (
    <Card
      title="Log"
      data-testid="logs"
      extra={
        <Space wrap>
          <Select aria-label="Level" value={level} onChange={setLevel} style={{ width: 120 }} options={LEVELS.map((l) => ({ value: l, label: `${l} and above` }))} />
          <Select aria-label="Entries" value={limit} onChange={setLimit} style={{ width: 110 }} options={[100, 200, 500, 1000, 2000].map((n) => ({ value: n, label: `${n} newest` }))} />
          <Space size={4}>
            <Switch size="small" checked={auto} onChange={setAuto} aria-label="Auto-refresh" />
            <Typography.Text type="secondary">auto-refresh</Typography.Text>
          </Space>
          <Button size="small" icon={<ReloadOutlined />} loading={isFetching} onClick={() => refetch()}>
            Refresh
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={error} title="The log could not be read" />
      <Table<LogEntry & { key: number }>
        size="small"
        dataSource={rows}
        loading={isFetching && !currentData}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: 'No log events at this level' }}
        expandable={{
          rowExpandable: (entry) => Boolean(entry.error),
          expandedRowRender: (entry) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{entry.error}</pre>,
        }}
        columns={[
          { title: 'Time', dataIndex: 'ts', width: 170, render: (ts: number) => time(ts) },
          { title: 'Level', dataIndex: 'level', width: 80, render: (l: string) => <Tag color={LEVEL_COLOR[l] ?? 'default'}>{l}</Tag> },
          {
            title: 'Logger',
            dataIndex: 'logger',
            width: 220,
            ellipsis: { showTitle: true },
            render: (logger: string) => <span title={logger}>{logger.replace(/^io\.crossbook\./, '')}</span>,
          },
          { title: 'Thread', dataIndex: 'thread', width: 150, ellipsis: true },
          { title: 'Message', dataIndex: 'message', render: (m: string) => <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-word' }}>{m}</span> },
        ]}
      />
    </Card>
  );
}
