import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

/**
 * Puts a 400 error's `fields` messages on the matching form fields.
 * `resolve` maps a server path ('data.reason', 'on', 'name') to a form name path, or null when the form
 * has no such field. Returns the messages that could not be placed, for an Alert.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  resolve: (path: string) => (string | number)[] | null = (p) => p.split('.'),
): string[] {
  if (!(err instanceof ApiError) || err.fields.length === 0) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const f of err.fields) {
    const name = resolve(f.path);
    if (!name) {
      unplaced.push(f.path ? `${f.path}：${f.message}` : f.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

/** A resolver for a flat form with the given field names. */
export function flatResolver(names: string[]) {
  return (path: string) => {
    const key = path.replace(/^body\./, '').split('.')[0] ?? '';
    return names.includes(key) ? [key] : null;
  };
}
