import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { showApiError } from '../../api/errors';
import { useStartSystemMutation, useStopSystemMutation, type SystemStatus } from '../../api/systemApi';

/** What stopping the system does (docs/API.md "System": only the market-data collectors stop), said before it is done. */
export function stopText(runningCollectors: number) {
  return (
    `Every market-data collector stops (${runningCollectors} running now) and its books go out of sync. ` +
    `Without books the pairs have no price: no arbitrage execution, automatic or manual, and no TWAP slice can pass ` +
    `the risk checks until the system is started again. Open orders are NOT cancelled — use the kill switch on ` +
    `the Risk page for that. Starting again restarts every collector (replays from the beginning of their recording).`
  );
}

/** Running or stopped, with start and (behind a confirmation) stop: POST /api/system/start|stop. */
export function SystemControl({ status, canMutate }: { status: SystemStatus; canMutate: boolean }) {
  const [start, { isLoading: starting }] = useStartSystemMutation();
  const [stop, { isLoading: stopping }] = useStopSystemMutation();
  const [confirming, setConfirming] = useState(false);
  const running = (status.performance.marketData?.collectors ?? []).filter((c) => c.status !== 'STOPPED').length;

  async function act(action: 'start' | 'stop') {
    try {
      await (action === 'start' ? start() : stop()).unwrap();
      message.success(action === 'start' ? 'System started: collectors are starting' : 'System stopped: collectors stopped');
      setConfirming(false);
    } catch (error) {
      showApiError(error, action === 'start' ? 'Start' : 'Stop');
    }
  }

  return (
    <Space>
      <Tag color={status.isRunning ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="system-running">
        {status.isRunning ? 'RUNNING' : 'STOPPED'}
      </Tag>
      <Button icon={<CaretRightOutlined />} disabled={!canMutate || status.isRunning} loading={starting} onClick={() => act('start')} data-testid="system-start">
        Start
      </Button>
      <Button danger icon={<PauseOutlined />} disabled={!canMutate || !status.isRunning} onClick={() => setConfirming(true)} data-testid="system-stop">
        Stop
      </Button>
      <Modal
        open={confirming}
        title="Stop the system?"
        okText="Stop market data"
        okButtonProps={{ danger: true, loading: stopping }}
        onOk={() => act('stop')}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="system-stop-effect">{stopText(running)}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
