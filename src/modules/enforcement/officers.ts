/**
 * 执法人员 registry (国办发〔2018〕118号 事前公开; 行政处罚法 Art 42: ≥ 2 officers holding 执法资格):
 * certificates with their validity, status (在岗/暂停/注销), yearly training hours, recorded conflicts
 * (回避, 行政处罚法 Art 43). An officer is eligible on a date when 在岗 and the certificate is valid then.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { getSetting, scopedSetting } from '../../core/settings/service.ts';
import { authorize } from './policy.ts';
import { conflicts, officers } from './schema.ts';
import { enforcementSettings, OFFICER_STATUS_LABELS, type OfficerStatus } from './labels.ts';

export type OfficerRow = typeof officers.$inferSelect;
export interface OfficerInput {
  name: string;
  orgId?: string | null;
  certificateNo: string;
  issuingBody?: string;
  field?: string;
  validFrom: string;
  validTo: string;
  status: OfficerStatus;
}

export const departmentSettings = (db: DbOrTx, departmentId: string, nowMs: number) =>
  getSetting(db, scopedSetting(enforcementSettings, departmentId), nowMs, 0);

/** Why an officer may not act on a date, or null (pure). */
export function ineligibility(
  o: Pick<OfficerRow, 'name' | 'status' | 'validFrom' | 'validTo' | 'certificateNo'>,
  on: string,
): string | null {
  if (o.status !== 'active')
    return `执法人员${o.name}的状态为“${OFFICER_STATUS_LABELS[o.status]}”，不能抽取或指派`;
  if (o.validTo < on)
    return `执法人员${o.name}的执法证（${o.certificateNo}）已于${o.validTo}到期，不能抽取或指派`;
  if (o.validFrom > on)
    return `执法人员${o.name}的执法证（${o.certificateNo}）自${o.validFrom}起有效，${on}尚未生效`;
  return null;
}

export async function assertOfficersEligible(
  db: DbOrTx,
  departmentId: string,
  officerIds: string[],
  on: string,
): Promise<void> {
  const ids = [...new Set(officerIds)];
  const valid = ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i));
  const rows = valid.length
    ? await db
        .select()
        .from(officers)
        .where(and(eq(officers.departmentId, departmentId), inArray(officers.id, valid)))
    : [];
  for (const id of ids) {
    const o = rows.find((r) => r.id === id);
    if (!o)
      throw new AppError('VALIDATION', `执法人员：本部门执法人员名录中没有编号为${id}的人员`, {
        fields: [{ path: 'officerIds', message: '不存在' }],
      });
    const why = ineligibility(o, on);
    if (why)
      throw new AppError('VALIDATION', why, { fields: [{ path: 'officerIds', message: why }] });
  }
}

export async function eligibleOfficers(
  db: DbOrTx,
  departmentId: string,
  on: string,
): Promise<OfficerRow[]> {
  return db
    .select()
    .from(officers)
    .where(
      and(
        eq(officers.departmentId, departmentId),
        eq(officers.status, 'active'),
        sql`${officers.validFrom} <= ${on}::date`,
        sql`${officers.validTo} >= ${on}::date`,
      ),
    )
    .orderBy(asc(officers.certificateNo));
}

function checkInput(input: OfficerInput): void {
  if (input.validTo < input.validFrom)
    throw new AppError('VALIDATION', '有效期至：不能早于有效期起始日', {
      fields: [{ path: 'validTo', message: '不能早于有效期起始日' }],
    });
  if (!input.certificateNo.trim())
    throw new AppError('VALIDATION', '执法证号：必填', {
      fields: [{ path: 'certificateNo', message: '必填' }],
    });
}

async function certificateTaken(
  tx: Tx,
  departmentId: string,
  certificateNo: string,
  except?: string,
): Promise<void> {
  const [row] = await tx
    .select({ id: officers.id, name: officers.name })
    .from(officers)
    .where(and(eq(officers.departmentId, departmentId), eq(officers.certificateNo, certificateNo)));
  if (row && row.id !== except)
    throw new AppError('CONFLICT', `执法证号：${certificateNo}已登记为${row.name}的执法证`, {
      fields: [{ path: 'certificateNo', message: '已登记' }],
    });
}

export async function insertOfficer(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: OfficerInput,
): Promise<OfficerRow> {
  checkInput(input);
  await certificateTaken(tx, actor.departmentId, input.certificateNo.trim());
  const now = ctx.clock.now();
  const [o] = await tx
    .insert(officers)
    .values({
      id: newId(),
      departmentId: actor.departmentId,
      orgId: input.orgId ?? null,
      name: input.name.trim(),
      certificateNo: input.certificateNo.trim(),
      issuingBody: input.issuingBody?.trim() ?? '',
      field: input.field?.trim() ?? '',
      validFrom: input.validFrom,
      validTo: input.validTo,
      status: input.status,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await audit(
    tx,
    ctx,
    actor,
    'enforcement.officer.create',
    { type: 'officer', id: o.id },
    {
      name: o.name,
      certificateNo: o.certificateNo,
    },
  );
  return o;
}

export async function createOfficer(
  ctx: Ctx,
  actor: Actor,
  input: OfficerInput,
): Promise<OfficerRow> {
  authorize(actor, 'officer', 'manage');
  return inTx(ctx, (tx) => insertOfficer(tx, ctx, actor, input));
}

export async function loadOfficer(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<OfficerRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('执法人员');
  const q = db.select().from(officers).where(eq(officers.id, id));
  const [o] = forUpdate ? await q.for('update') : await q;
  if (!o) throw notFound('执法人员');
  authorize(actor, 'officer', 'read', o);
  return o;
}

export async function updateOfficer(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: OfficerInput,
): Promise<OfficerRow> {
  return inTx(ctx, async (tx) => {
    const before = await loadOfficer(tx, actor, id, true);
    authorize(actor, 'officer', 'manage', before);
    checkInput(input);
    await certificateTaken(tx, before.departmentId, input.certificateNo.trim(), id);
    const [o] = await tx
      .update(officers)
      .set({
        orgId: input.orgId ?? null,
        name: input.name.trim(),
        certificateNo: input.certificateNo.trim(),
        issuingBody: input.issuingBody?.trim() ?? '',
        field: input.field?.trim() ?? '',
        validFrom: input.validFrom,
        validTo: input.validTo,
        status: input.status,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(officers.id, id))
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.officer.update',
      { type: 'officer', id },
      {
        from: {
          status: before.status,
          validTo: before.validTo,
          certificateNo: before.certificateNo,
        },
        to: { status: o.status, validTo: o.validTo, certificateNo: o.certificateNo },
      },
    );
    return o;
  });
}

export async function recordTraining(
  ctx: Ctx,
  actor: Actor,
  id: string,
  year: number,
  hours: number,
): Promise<OfficerRow> {
  return inTx(ctx, async (tx) => {
    const before = await loadOfficer(tx, actor, id, true);
    authorize(actor, 'officer', 'manage', before);
    const training = { ...before.training, [String(year)]: hours };
    const [o] = await tx
      .update(officers)
      .set({ training, updatedAt: ctx.clock.now() })
      .where(eq(officers.id, id))
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.officer.training',
      { type: 'officer', id },
      { year, hours },
    );
    return o;
  });
}

export async function addConflict(
  ctx: Ctx,
  actor: Actor,
  officerId: string,
  input: { creditCode: string; kind: 'employment' | 'relative' | 'other'; note?: string },
) {
  return inTx(ctx, async (tx) => {
    const o = await loadOfficer(tx, actor, officerId, true);
    authorize(actor, 'officer', 'manage', o);
    const [dup] = await tx
      .select({ id: conflicts.id })
      .from(conflicts)
      .where(and(eq(conflicts.officerId, o.id), eq(conflicts.creditCode, input.creditCode)));
    if (dup)
      throw new AppError(
        'CONFLICT',
        `${o.name}对统一社会信用代码${input.creditCode}的回避情形已经登记`,
      );
    const [c] = await tx
      .insert(conflicts)
      .values({
        id: newId(),
        departmentId: o.departmentId,
        officerId: o.id,
        creditCode: input.creditCode,
        kind: input.kind,
        note: input.note?.trim() ?? '',
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.officer.conflict',
      { type: 'officer', id: o.id },
      {
        creditCode: c.creditCode,
        kind: c.kind,
      },
    );
    return c;
  });
}

/** A registry row with its marks as of a day: expired, expiring within the notice days, training short of the target. */
export function officerMarks(
  o: OfficerRow,
  today: string,
  soonLimit: string,
  year: number,
  target: number,
) {
  const hours = o.training[String(year)] ?? 0;
  return {
    ...o,
    statusLabel: OFFICER_STATUS_LABELS[o.status],
    expired: o.validTo < today,
    expiringSoon: o.validTo >= today && o.validTo <= soonLimit,
    eligible: ineligibility(o, today) === null,
    trainingHours: hours,
    trainingShort: hours < target,
  };
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The registry as at today, or for a past `year` as at its 12月31日 (the date the annual facts count on),
 * so that a figure and the officers it lists are one set.
 */
export async function listOfficers(
  ctx: Ctx,
  actor: Actor,
  departmentId = actor.departmentId,
  forYear?: number,
) {
  authorize(actor, 'officer', 'list');
  const now = ctx.clock.today();
  const today = forYear && `${forYear}-12-31` < now ? `${forYear}-12-31` : now;
  const s = await departmentSettings(ctx.db, departmentId, ctx.clock.now().getTime());
  const all = await ctx.db
    .select()
    .from(officers)
    .where(eq(officers.departmentId, departmentId))
    .orderBy(asc(officers.name), asc(officers.certificateNo));
  // For a year's figures: the officers on the register then (facts.ts counts the same set).
  const rows = forYear
    ? all.filter((o) => o.status !== 'revoked' && o.createdAt.toISOString().slice(0, 10) <= today)
    : all;
  const year = Number(today.slice(0, 4));
  const conflictRows = rows.length
    ? await ctx.db.select().from(conflicts).where(eq(conflicts.departmentId, departmentId))
    : [];
  return {
    settings: s,
    items: rows.map((o) => ({
      ...officerMarks(o, today, addDays(today, s.expiryNoticeDays), year, s.trainingHours),
      conflicts: conflictRows.filter((c) => c.officerId === o.id),
    })),
  };
}
