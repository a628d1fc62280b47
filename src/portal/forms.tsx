// Form parts of the public portal's server-rendered pages (GOV.UK-style error summary and fields):
// one copy for every module's public form. All text is escaped by React.
import { AppError, ERROR_STATUS, type ErrorCode } from '../core/errors.ts';
import { firstString } from './http.tsx';
import { PORTAL_CSRF_FIELD } from './csrf.tsx';

export type Values = Record<string, string>;

/** A posted form's fields as strings (the first of a repeated field), each cut to 5000 characters. */
export const formValues = (body: unknown): Values =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>)
      .filter(([k]) => k !== PORTAL_CSRF_FIELD)
      .map(([k, v]) => [k, (firstString(v) ?? '').slice(0, 5000)]),
  );

/**
 * A refusal to show on the form again, with its error's status: field errors by field name, or for
 * the other codes the form expects (an act not allowed now, a second rating) the message on its own.
 * Anything else is not the citizen's to correct: undefined, and the caller rethrows it.
 */
export function formRefusal(
  e: unknown,
  codes: readonly ErrorCode[] = ['VALIDATION'],
): { errors: Record<string, string>; status: number } | undefined {
  if (!(e instanceof AppError) || !codes.includes(e.code)) return undefined;
  const fields = e.code === 'VALIDATION' ? (e.fields ?? []) : [];
  return {
    errors: fields.length
      ? Object.fromEntries(fields.map((f) => [f.path.split('.')[0] || 'form', f.message]))
      : { form: e.message },
    status: ERROR_STATUS[e.code],
  };
}

/** The summary above a refused form; each entry links to its field (`f-<name>`), `form` entries stand alone. */
export function ErrorList({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">提交未成功，请修改以下内容</h2>
      <ul>
        {entries.map(([k, m]) => (
          <li key={k}>{k === 'form' ? m : <a href={`#f-${k}`}>{m}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text field (or textarea) with its hint and error, refilled with what was sent. */
export function Field({
  name,
  label,
  hint,
  values,
  errors,
  long,
  type = 'text',
}: {
  name: string;
  label: string;
  hint?: string;
  values: Values;
  errors: Record<string, string>;
  long?: boolean;
  type?: string;
}) {
  const err = errors[name];
  const describedBy =
    [hint ? `h-${name}` : '', err ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={err ? 'form-group has-error' : 'form-group'}>
      <label htmlFor={`f-${name}`}>{label}</label>
      {hint ? (
        <span className="hint" id={`h-${name}`}>
          {hint}
        </span>
      ) : null}
      {err ? (
        <span className="field-error" id={`e-${name}`}>
          {err}
        </span>
      ) : null}
      {long ? (
        <textarea
          id={`f-${name}`}
          name={name}
          rows={6}
          cols={60}
          defaultValue={values[name] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={err ? 'true' : undefined}
        />
      ) : (
        <input
          type={type}
          id={`f-${name}`}
          name={name}
          defaultValue={values[name] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={err ? 'true' : undefined}
        />
      )}
    </div>
  );
}
