import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx, Tx } from '../db/client.ts';
import { inTx, type Ctx } from '../context.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { fieldsSchema, type FieldsInput } from '../procedure/fieldSchema.ts';
import type { FieldSpec } from '../procedure/types.ts';
import { num } from '../procedure/fields.ts';
import { settings } from './schema.ts';

/**
 * A setting is a key, a zod schema with Chinese field labels, and defaults. Values are cached per
 * process for a short time (several instances converge within `ttlMs`).
 */
export interface SettingDef<T> {
  key: string;
  label: string;
  schema: z.ZodType<T>;
  defaults: T;
}

export function defineSetting<T>(def: SettingDef<T>): SettingDef<T> {
  return def;
}

/** A setting whose value is its form's fields. */
export type FormSetting<T> = SettingDef<T> & { form: readonly FieldSpec[] };

/**
 * A setting declared by its form: its schema is the form's (every field as declared), plus `check`,
 * a rule across the value that names the field it faults (e.g. a 索引号 pattern that could repeat).
 */
export function formSetting<const Fs extends readonly FieldSpec[]>(def: {
  key: string;
  label: string;
  form: Fs;
  defaults: FieldsInput<Fs>;
  check?: (value: FieldsInput<Fs>) => { field: string; message: string } | null;
}): FormSetting<FieldsInput<Fs>> & { form: Fs } {
  const { check } = def;
  const fields = fieldsSchema(def.form);
  const schema = check
    ? fields.superRefine((v, c) => {
        const problem = check(v as FieldsInput<Fs>);
        if (problem)
          c.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      })
    : fields;
  return {
    ...defineSetting({
      key: def.key,
      label: def.label,
      schema: schema as unknown as z.ZodType<FieldsInput<Fs>>,
      defaults: def.defaults,
    }),
    form: def.form,
  };
}

const cache = new Map<string, { value: unknown; at: number }>();

/** Forgets every cached value: a process that opens another database (the tests) starts afresh. */
export function forgetSettings(): void {
  cache.clear();
}

export async function getSetting<T>(
  db: DbOrTx,
  def: SettingDef<T>,
  nowMs: number,
  ttlMs = 30_000,
): Promise<T> {
  const hit = cache.get(def.key);
  if (hit && nowMs >= hit.at && nowMs - hit.at < ttlMs) return hit.value as T;
  const [row] = await db.select().from(settings).where(eq(settings.key, def.key));
  const parsed = row
    ? def.schema.safeParse({ ...(def.defaults as object), ...(row.value as object) })
    : undefined;
  const value = parsed?.success ? parsed.data : def.defaults;
  cache.set(def.key, { value, at: nowMs });
  return value;
}

export async function putSetting<T>(
  db: DbOrTx,
  def: SettingDef<T>,
  value: T,
  now: Date,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: def.key, value: value as object, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: value as object, updatedAt: now } });
  cache.delete(def.key);
}

/**
 * A setting each organisation keeps for itself (a department's review time limits): stored under
 * `<key>@<orgId>`, the definition's defaults where the organisation has set nothing.
 */
export const scopedSetting = <T>(def: SettingDef<T>, orgId: string): SettingDef<T> => ({
  ...def,
  key: `${def.key}@${orgId}`,
});

/**
 * Changes a setting and audits it (from → to) in one transaction. `next` is the new value, or computes
 * it from the current one inside the transaction (to check it against the records it governs).
 */
export async function changeSetting<T>(
  ctx: Ctx,
  actor: Actor,
  def: SettingDef<T>,
  action: string,
  next: T | ((current: T, tx: Tx) => Promise<T>),
): Promise<T> {
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    const before = await getSetting(tx, def, now.getTime(), 0);
    const value =
      typeof next === 'function'
        ? await (next as (current: T, tx: Tx) => Promise<T>)(before, tx)
        : next;
    await putSetting(tx, def, value, now);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action,
        entityType: 'settings',
        entityId: def.key,
        payload: { from: before, to: value },
      },
      now,
    );
    return value;
  });
}

/** A whole number setting with its unit and what it means (the 安全设置 and other settings forms). */
export const whole = <N extends string>(
  name: N,
  label: string,
  bounds: { min: number; max: number },
  unit?: string,
  help?: string,
) => ({
  ...num(name, label, { ...bounds, integer: true }, true as const),
  ...(unit ? { unit } : {}),
  ...(help ? { help } : {}),
});

/** 等保2.0 三级 defaults: 8+ chars of 3 classes, lock 15 min after 5 failures, 30 min idle timeout. */
export const securitySettings = formSetting({
  key: 'security',
  label: '安全设置',
  form: [
    whole(
      'passwordMinLength',
      '密码最小长度',
      { min: 8, max: 64 },
      '位',
      '不少于8位；另须包含四类字符中的三类',
    ),
    whole(
      'maxFailedLogins',
      '连续登录失败锁定次数',
      { min: 3, max: 10 },
      '次',
      '连续输错密码达到此次数后锁定账号',
    ),
    whole(
      'lockoutMinutes',
      '锁定时长',
      { min: 5, max: 1440 },
      '分钟',
      '锁定期满自动解锁，也可由管理员提前解锁',
    ),
    whole(
      'idleTimeoutMinutes',
      '会话空闲超时',
      { min: 5, max: 30 },
      '分钟',
      '无操作超过此时长须重新登录',
    ),
  ],
  defaults: {
    passwordMinLength: 8,
    maxFailedLogins: 5,
    lockoutMinutes: 15,
    idleTimeoutMinutes: 30,
  },
});
export type SecuritySettings = z.infer<typeof securitySettings.schema>;

export async function updateSecuritySettings(
  ctx: Ctx,
  actor: Actor,
  value: SecuritySettings,
): Promise<void> {
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    await putSetting(tx, securitySettings, value, now);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'settings.security',
        entityType: 'settings',
        entityId: 'security',
        payload: value,
      },
      now,
    );
  });
}
