import { ApiOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { apiErrorText, showApiError } from '../../api/errors';
import {
  useDeleteApiKeysMutation,
  useStoreApiKeysMutation,
  useTestApiKeysMutation,
  type ExchangeName,
  type KeyStatus,
  type Keys,
} from '../../api/settingsApi';
import { time } from '../format';

const KEY_TEXT = /^[\x21-\x7e]{8,256}$/;
const PASSPHRASE_TEXT = /^[\x21-\x7e]{1,128}$/;

/** Where the keys stand: tested and connected, set but untested or failing, or none. */
export function KeyStateTag({ status }: { status: KeyStatus }) {
  if (status.connected) {
    return <Tag color="green">Connected</Tag>;
  }
  if (!status.configured) {
    return <Tag>No keys</Tag>;
  }
  return status.lastTest ? <Tag color="red">Test failed</Tag> : <Tag color="gold">Keys set, not tested</Tag>;
}

function lastTestText(status: KeyStatus) {
  const test = status.lastTest;
  if (!test) {
    return 'never';
  }
  return `${test.ok ? 'ok' : `${test.code}: ${test.message}`} (${time(test.ts)})`;
}

/**
 * One exchange's API keys: their state as the server describes it (masked key id, source, last
 * test; never the key), a form to give new ones, a test and the removal of stored keys. The keys
 * typed are sent once and then forgotten: the form is cleared and the request dropped from the store.
 */
export function ApiKeyCard({ exchange, status, canMutate }: { exchange: ExchangeName; status: KeyStatus; canMutate: boolean }) {
  const [form] = Form.useForm<Keys>();
  const [storeKeys, { isLoading: saving, reset }] = useStoreApiKeysMutation();
  const [testKeys, { isLoading: testing }] = useTestApiKeysMutation();
  const [deleteKeys, { isLoading: deleting }] = useDeleteApiKeysMutation();
  const [refusal, setRefusal] = useState<string | null>(null);

  async function save(keys: Keys) {
    setRefusal(null);
    try {
      await storeKeys({ [exchange]: keys }).unwrap();
      message.success(`${exchange}: keys stored encrypted; test them to see the connection`);
    } catch (error) {
      setRefusal(apiErrorText(error));
      const field = /^[a-z]+\.(apiKey|secret|passphrase):/.exec((error as { message?: string }).message ?? '')?.[1] as keyof Keys | undefined;
      if (field) {
        form.setFields([{ name: field, errors: [(error as { message: string }).message] }]);
      }
    } finally {
      reset();
      form.setFieldsValue({ apiKey: '', secret: '', passphrase: '' });
    }
  }

  async function test() {
    try {
      const result = (await testKeys(exchange).unwrap())[exchange];
      if (result?.ok) {
        message.success(`${exchange}: the keys work (signed read-only call answered)`);
      } else {
        message.error(`${exchange}: key test failed — ${result?.code}: ${result?.message}`);
      }
    } catch (error) {
      showApiError(error, `${exchange}: key test`);
    }
  }

  async function remove() {
    try {
      await deleteKeys(exchange).unwrap();
      message.success(`${exchange}: stored keys removed`);
    } catch (error) {
      showApiError(error, `${exchange}: remove keys`);
    }
  }

  return (
    <Card title={<Typography.Text strong style={{ textTransform: 'capitalize' }}>{exchange}</Typography.Text>} extra={<KeyStateTag status={status} />} data-testid={`keys-${exchange}`}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Key">{status.keyId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Source">{status.source}</Descriptions.Item>
        {status.storedAt ? <Descriptions.Item label="Stored">{`${time(status.storedAt)} by ${status.storedBy ?? '?'}`}</Descriptions.Item> : null}
        <Descriptions.Item label="Last test">{lastTestText(status)}</Descriptions.Item>
      </Descriptions>
      {status.notice ? <Alert type="info" showIcon message={status.notice} style={{ marginBottom: 12 }} /> : null}
      {status.source === 'environment' ? (
        <Alert type="info" showIcon message="Keys from the environment take precedence over stored ones." style={{ marginBottom: 12 }} />
      ) : null}
      {refusal ? <Alert type="error" showIcon message="Keys not stored" description={refusal} style={{ marginBottom: 12 }} data-testid={`keys-refusal-${exchange}`} /> : null}
      <Form form={form} name={`keys-${exchange}`} layout="vertical" disabled={!canMutate} onFinish={save} autoComplete="off">
        <Form.Item name="apiKey" label="API key" rules={[{ required: true, message: 'Enter the API key' }, { pattern: KEY_TEXT, message: 'must be 8 to 256 printable characters without spaces' }]}>
          <Input.Password autoComplete="off" visibilityToggle={false} />
        </Form.Item>
        <Form.Item name="secret" label="Secret" rules={[{ required: true, message: 'Enter the secret' }, { pattern: KEY_TEXT, message: 'must be 8 to 256 printable characters without spaces' }]}>
          <Input.Password autoComplete="off" visibilityToggle={false} />
        </Form.Item>
        {exchange === 'okx' ? (
          <Form.Item name="passphrase" label="Passphrase" rules={[{ required: true, message: 'Enter the passphrase' }, { pattern: PASSPHRASE_TEXT, message: 'must be 1 to 128 printable characters without spaces' }]}>
            <Input.Password autoComplete="off" visibilityToggle={false} />
          </Form.Item>
        ) : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            Save keys
          </Button>
          <Button htmlType="button" icon={<ApiOutlined />} loading={testing} disabled={!canMutate || !status.configured} onClick={test}>
            Test
          </Button>
          {status.source === 'stored' ? (
            <Popconfirm
              title={`Remove ${exchange}'s stored keys?`}
              description={`In live mode, orders to ${exchange} are refused until keys are given again.`}
              okText="Remove keys"
              okButtonProps={{ danger: true }}
              onConfirm={remove}
            >
              <Button htmlType="button" danger icon={<DeleteOutlined />} loading={deleting}>
                Remove
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}
