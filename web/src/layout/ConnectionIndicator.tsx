import { Badge, Tooltip } from 'antd';
import { useAppSelector } from '../hooks';

const LABELS = {
  idle: ['default', 'Live data: off'],
  connecting: ['processing', 'Live data: connecting'],
  connected: ['success', 'Live data: connected'],
  reconnecting: ['warning', 'Live data: reconnecting'],
  stopped: ['error', 'Live data: disconnected'],
} as const;

/** The /ws connection as a coloured badge; the tooltip says why it is down and when it retries. */
export function ConnectionIndicator() {
  const ws = useAppSelector((state) => state.ws);
  const [status, label] = LABELS[ws.status];
  const detail = [
    ws.lastError,
    ws.retryAt ? `attempt ${ws.attempt}, next at ${new Date(ws.retryAt).toLocaleTimeString()}` : null,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <Tooltip title={detail || undefined}>
      <span data-testid="ws-indicator" data-status={ws.status}>
        <Badge status={status} text={label} />
      </span>
    </Tooltip>
  );
}
