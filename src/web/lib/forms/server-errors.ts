// Puts the server's answer next to the field it concerns: validation issues name their field, messages follow
// the "field: what is wrong" convention, and a few codes belong to a known field of a given form (a 409 on a
// user's email). Whatever names no field of the form is shown above its buttons.
import type { UseFormReturnType } from '@mantine/form';
import i18next from 'i18next';
import { ApiError, NetworkError } from '../api/api-error.ts';

export type FieldHints = Partial<Record<string, string>>;

/** Returns the message to show at the form's level, or null when every error found its field. */
export function applyServerError<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>, error: unknown, hints: FieldHints = {},
): string | null {
  if (error instanceof NetworkError) return i18next.t('common:errors.network');
  if (!(error instanceof ApiError)) return i18next.t('common:errors.generic', { message: String((error as Error)?.message ?? error) });
  const values = form.getValues();
  let formLevel: string | null = null;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = path === '_form' ? hints[error.code] : closestField(values, path);
    if (field) form.setFieldError(field, message);
    else formLevel = formLevel ? `${formLevel} ${message}` : message;
  }
  return formLevel;
}

/** "alerts.emails.2" belongs to the field "alerts.emails" when the form holds the list as one text. */
function closestField(values: Record<string, unknown>, path: string): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (hasPath(values, candidate)) return candidate;
  }
  return undefined;
}

function hasPath(values: Record<string, unknown>, path: string): boolean {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(part in (current as object))) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}
