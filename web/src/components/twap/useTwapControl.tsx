import { App, Typography } from 'antd';
import { useState } from 'react';
import { showApiError } from '../../api/errors';
import { useLazyTradingAccountQuery, type TradingAccount } from '../../api/settingsApi';
import { useControlTwapPlanMutation, type TwapAction, type TwapLeg, type TwapPlan } from '../../api/twapApi';
import { dec } from '../format';
import { modeText } from '../arbitrage/describeExecution';

function legsText(plan: TwapPlan, qty: number) {
  return plan.legs.map((l: TwapLeg) => `${l.side} ${dec(qty)} ${l.symbol} on ${l.exchange} ${l.market ?? 'spot'}${l.type === 'limit' ? ` (limit ${dec(l.price)})` : ' at market'}`).join(', ');
}

function seconds(ms: number) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** What a start, resume or cancel will do to the plan, for its confirmation. */
export function describeControl(plan: TwapPlan, action: Exclude<TwapAction, 'pause'>, account: TradingAccount | null) {
  const left = `${dec(plan.progress.remaining)} of ${dec(plan.totalQty)} left`;
  const slices = `each slice: ${legsText(plan, plan.sliceQty)}; then one slice every ${seconds(plan.intervalMs)} until the total is traded (${left}, ${plan.progress.slicesTotal - plan.progress.slicesDone} slices).`;
  const mode = modeText(account, [...new Set(plan.legs.map((l) => l.exchange))]);
  switch (action) {
    case 'start':
      return { title: `Start plan ${plan.name}?`, text: [`The first slice goes at once — ${slices}`, mode], ok: 'Start' };
    case 'resume':
      return { title: `Resume plan ${plan.name}?`, text: [`The next slice goes one interval after the last one sent, or at once if that is past — ${slices}`, mode], ok: 'Resume' };
    case 'cancel':
      return {
        title: `Cancel plan ${plan.name}?`,
        text: [`No further slice is sent (${dec(plan.progress.executed)} of ${dec(plan.totalQty)} traded so far); a slice in flight finishes and counts. A cancelled plan cannot be started again.`],
        ok: 'Cancel the plan',
      };
  }
}

/** Start, pause, resume and cancel of a plan; all but pause (which only stops) are confirmed first. */
export function useTwapControl() {
  const { modal, message } = App.useApp();
  const [readAccount] = useLazyTradingAccountQuery();
  const [control] = useControlTwapPlanMutation();
  const [pending, setPending] = useState<string | null>(null);

  async function send(plan: TwapPlan, action: TwapAction) {
    setPending(`${plan.planId}:${action}`);
    try {
      const after = await control({ planId: plan.planId, action }).unwrap();
      message.success(`Plan ${plan.name}: ${after.state}`);
    } catch (error) {
      showApiError(error, `${action[0].toUpperCase()}${action.slice(1)} plan ${plan.name}`);
    } finally {
      setPending(null);
    }
  }

  async function request(plan: TwapPlan, action: TwapAction) {
    if (action === 'pause') {
      await send(plan, action);
      return;
    }
    let account: TradingAccount | null = null;
    if (action !== 'cancel') {
      account = await readAccount(plan.legs[0].exchange, true)
        .unwrap()
        .catch(() => null);
    }
    const confirmation = describeControl(plan, action, account);
    modal.confirm({
      title: confirmation.title,
      width: 560,
      okText: confirmation.ok,
      cancelText: 'Back',
      okButtonProps: { danger: action === 'cancel' || account?.mode !== 'paper' },
      content: (
        <div data-testid="twap-confirmation">
          {confirmation.text.map((line) => (
            <Typography.Paragraph key={line}>{line}</Typography.Paragraph>
          ))}
        </div>
      ),
      onOk: () => {
        void send(plan, action);
      },
    });
  }

  return { request, pending };
}
