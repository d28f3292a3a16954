import type { FormInstance } from 'antd';
import type { ApiError } from '../api/baseQuery';

/**
 * The form field a VALIDATION_ERROR names (its message starts with the field: `leg1.symbol: …`,
 * `legs[1].side: …`, `qty: …`) as an Ant Design name path, or null when it names none.
 */
export function fieldOf(message: string): (string | number)[] | null {
  const match = /^([A-Za-z][\w.[\]]*):\s/.exec(message);
  if (!match) {
    return null;
  }
  return match[1]
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a VALIDATION_ERROR's message under the field it names (a field the form does not have shows
 * nothing); the caller shows the whole error too.
 */
export function markServerField(form: FormInstance, error: unknown) {
  const apiError = error as Partial<ApiError> | undefined;
  const field = apiError?.code === 'VALIDATION_ERROR' && apiError.message ? fieldOf(apiError.message) : null;
  if (field) {
    form.setFields([{ name: field, errors: [apiError!.message!] }]);
  }
}
