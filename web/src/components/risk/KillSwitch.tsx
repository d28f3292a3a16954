import { PoweroffOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Typography, message } from 'antd';
import { useState } from 'react';
import { showApiError } from '../../api/errors';
import { useSetKillSwitchMutation, type RiskStatus } from '../../api/riskApi';
import { useTradingMode } from '../../api/settingsApi';

/** What engaging the kill switch does, said before it is done. */
export function engageText(openOrders: number) {
  return (
    `Trading state becomes HALTED at once and is stored, so a restart comes back halted. ` +
    `A cancel is sent for every open order on every venue (${openOrders} open now), and every new order — ` +
    `arbitrage legs, unwinds, TWAP slices, manual executions — is refused until the switch is released. ` +
    `Balances and positions stay as they are: nothing is closed.`
  );
}

export const RELEASE_TEXT =
  'Trading state becomes ACTIVE: orders pass the risk checks again, so enabled pairs may execute ' +
  'automatically as soon as their net spread crosses their threshold, and running TWAP plans can send ' +
  'their next slices.';

/**
 * The kill switch (POST /api/risk/kill-switch): engage while trading is allowed, release while
 * HALTED, each behind a confirmation saying exactly what it does.
 */
export function KillSwitch({ status, canMutate }: { status: RiskStatus; canMutate: boolean }) {
  const [setKillSwitch, { isLoading }] = useSetKillSwitchMutation();
  const mode = useTradingMode();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const halted = status.state === 'HALTED';
  const engage = !halted;

  async function confirm() {
    try {
      const result = await setKillSwitch({ engaged: engage, ...(reason.trim() ? { reason: reason.trim() } : {}) }).unwrap();
      message.success(
        result.engaged
          ? `Kill switch engaged: trading HALTED, cancel sent for ${result.openOrdersCancelled} open orders`
          : 'Kill switch released: trading ACTIVE',
      );
      setOpen(false);
      setReason('');
    } catch (error) {
      showApiError(error, engage ? 'Engage kill switch' : 'Release kill switch');
    }
  }

  return (
    <>
      <Button
        danger={engage}
        type="primary"
        size="large"
        icon={engage ? <PoweroffOutlined /> : <PlayCircleOutlined />}
        disabled={!canMutate}
        title={canMutate ? undefined : 'Only an admin can change the trading state'}
        onClick={() => setOpen(true)}
        data-testid="kill-switch-button"
      >
        {engage ? 'Engage kill switch' : 'Release kill switch'}
      </Button>
      <Modal
        open={open}
        title={engage ? 'Engage the kill switch?' : 'Release the kill switch?'}
        okText={engage ? 'Engage: halt all trading' : 'Release: resume trading'}
        okButtonProps={{ danger: engage, loading: isLoading }}
        onOk={confirm}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="kill-switch-effect">{engage ? engageText(status.openOrders) : RELEASE_TEXT}</Typography.Paragraph>
        {mode === 'live' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={engage ? 'Live mode: the cancels go to the exchanges.' : 'Live mode: orders sent from now on are real.'}
          />
        ) : null}
        <Input
          placeholder="Reason (optional, recorded with the state)"
          value={reason}
          maxLength={200}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </>
  );
}
