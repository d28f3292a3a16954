import { Alert, message } from 'antd';
import type { ApiError } from './baseQuery';

function isApiError(error: unknown): error is ApiError {
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** "CODE: message" for an API error (as RTK Query hooks and `unwrap()` give it), or the error's text. */
export function apiErrorText(error: unknown): string {
  if (isApiError(error)) {
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A toast with the server's error, for failed actions. */
export function showApiError(error: unknown, action?: string) {
  message.error(action ? `${action} failed — ${apiErrorText(error)}` : apiErrorText(error));
}

/** The server's error inline, for a failed load; nothing when there is none. */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) {
    return null;
  }
  return <Alert type="error" showIcon message={title ?? 'Request failed'} description={apiErrorText(error)} />;
}
