/**
 * How tickets arrive (RULES §7.2, 国办发〔2020〕53号 受理/派单): one at a time (manual entry, the portal's
 * 网民留言) through openCase, or as a batch (the city platform's push, a day's Excel sheet) written in bulk.
 * A batch reports each bad record and lands the good ones; a ticket number already here is skipped, so
 * re-importing the same batch creates nothing twice.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { openCase } from '../../core/cases/service.ts';
import { chinaDate, newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { newTrackingCode } from '../../portal/trackingCode.ts';
import { hotlineTickets } from './schema.ts';
import { CHANNEL_CODES, CHANNELS, KIND_CODES, KINDS, type Kind } from './labels.ts';
import { loadDeadlines, ticketDates } from './settings.ts';
import { authorize } from './policy.ts';
import { insertOpenedCases } from './bulk.ts';

export type TicketRow = typeof hotlineTickets.$inferSelect;

const str = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const optStr = (label: string, max: number) => z.string().trim().max(max).nullish().describe(label);
/** A code or its Chinese label (an Excel sheet says 投诉, the platform sends complain). */
const coded = <T extends string>(
  label: string,
  codes: readonly T[],
  list: ReadonlyArray<{ value: string; label: string }>,
) =>
  z
    .preprocess(
      (v) =>
        typeof v === 'string' ? (list.find((x) => x.label === v.trim())?.value ?? v.trim()) : v,
      z.enum(codes as [T, ...T[]]),
    )
    .describe(label);

/** One ticket of the platform's push (and of an Excel row, after its columns are read). */
export const ticketRecord = z.object({
  ticketNo: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
    .describe('工单编号'),
  channel: coded('来源渠道', CHANNEL_CODES, CHANNELS),
  receivedAt: z.iso.datetime({ offset: true }).describe('受理时间'),
  kind: coded('诉求类型', KIND_CODES, KINDS),
  title: optStr('标题', 200),
  content: str('诉求内容', 20_000, 2),
  location: optStr('发生地点', 300),
  citizen: z
    .object({
      name: optStr('诉求人姓名', 50),
      phone: optStr('联系电话', 30),
      idNumber: optStr('证件号码', 30),
    })
    .nullish()
    .describe('诉求人'),
  dueOn: isoDate('办理时限').nullish(),
  publishConsent: z.boolean().nullish().describe('同意公开答复'),
});
export type TicketRecord = z.output<typeof ticketRecord>;

export interface ImportReport {
  received: number;
  created: number;
  duplicates: string[];
  errors: Array<{ index: number; ticketNo: string | null; message: string }>;
}

const titleOf = (r: { title?: string | null; content: string }) =>
  r.title || (r.content.length > 30 ? `${r.content.slice(0, 30)}…` : r.content);
const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);

/** The platform (or the Excel import) acting for the department: no signed-in user. */
export const platformActor = (departmentId: string, displayName = '12345热线平台') =>
  systemActor({ departmentId, roles: ['staff'], username: 'hotline', displayName });
/** The portal's 网民留言 form acting for the department: the citizen is no signed-in user. */
export const portalActor = (departmentId: string) =>
  systemActor({ departmentId, roles: ['staff'], username: 'portal', displayName: '网民留言' });

const CHUNK = 500;

/**
 * Imports a batch into the department (`source` platform | excel). Records are validated one by one;
 * good ones are written in chunks (one transaction each, with one audit event naming its tickets).
 */
export async function importTickets(
  ctx: Ctx,
  actor: Actor,
  records: unknown[],
  source: 'platform' | 'excel',
): Promise<ImportReport> {
  if (!Array.isArray(records)) throw new AppError('VALIDATION', '工单：应为数组');
  if (records.length > 20_000) throw new AppError('VALIDATION', '工单：一次最多导入20000条');
  const report: ImportReport = { received: records.length, created: 0, duplicates: [], errors: [] };
  const today = ctx.clock.today();
  const good: Array<{ index: number; r: TicketRecord; on: string }> = [];
  const seen = new Set<string>();
  records.forEach((raw, index) => {
    const ticketNo =
      raw && typeof raw === 'object' && typeof (raw as { ticketNo?: unknown }).ticketNo === 'string'
        ? (raw as { ticketNo: string }).ticketNo
        : null;
    try {
      const r = parse(ticketRecord, raw, '工单');
      const on = chinaDate(new Date(r.receivedAt));
      if (on > today) throw new AppError('VALIDATION', '受理时间：不能晚于今天');
      if (r.dueOn && r.dueOn < on) throw new AppError('VALIDATION', '办理时限：不能早于受理日期');
      if (seen.has(r.ticketNo)) {
        report.duplicates.push(r.ticketNo);
        return;
      }
      seen.add(r.ticketNo);
      good.push({ index, r, on });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      report.errors.push({ index, ticketNo, message: e.message });
    }
  });
  const deadlines = await loadDeadlines(ctx.db, ctx.clock.now().getTime());
  const cal = ctx.calendar.current();
  for (let i = 0; i < good.length; i += CHUNK) {
    const chunk = good.slice(i, i + CHUNK);
    const created = await inTx(ctx, async (tx) => {
      // One import at a time per department: two pushes of the same batch cannot both insert a number.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`hotline.import:${actor.departmentId}`}))`,
      );
      const nos = chunk.map((c) => c.r.ticketNo);
      const existing = await queryRows<{ ticket_no: string }>(
        tx,
        sql`select ticket_no from hotline_tickets where department_id = ${actor.departmentId} and ticket_no = any(${sql.param(nos)}::text[])`,
      );
      const have = new Set(existing.map((x) => x.ticket_no));
      const fresh = chunk.filter((c) => !have.has(c.r.ticketNo));
      report.duplicates.push(
        ...chunk.filter((c) => have.has(c.r.ticketNo)).map((c) => c.r.ticketNo),
      );
      if (!fresh.length) return 0;
      const now = ctx.clock.now();
      const opened = await insertOpenedCases(
        tx,
        ctx,
        actor,
        fresh.map(({ r, on }) => ({
          title: `12345工单：${titleOf(r)}`,
          on,
          data: {
            ticketNo: r.ticketNo,
            channel: r.channel,
            kind: r.kind,
            ...ticketDates(cal, deadlines, r.kind, on, r.dueOn),
          },
        })),
        now,
      );
      await tx.insert(hotlineTickets).values(
        fresh.map(({ r, on }, k) => ({
          id: newId(),
          caseId: opened[k].caseId,
          departmentId: actor.departmentId,
          orgId: actor.departmentId,
          source,
          ticketNo: r.ticketNo,
          channel: r.channel,
          receivedAt: new Date(r.receivedAt),
          receivedOn: on,
          kind: r.kind,
          title: titleOf(r),
          content: r.content,
          location: blank(r.location),
          citizenName: blank(r.citizen?.name),
          citizenPhone: blank(r.citizen?.phone),
          citizenIdNumber: blank(r.citizen?.idNumber),
          dueOn: opened[k].data.dueOn as string,
          trackingCode: newTrackingCode(),
          publishConsent: !!r.publishConsent,
          createdAt: now,
        })),
      );
      await appendAudit(
        tx,
        {
          actorId: actor.userId ?? null,
          orgId: actor.userId ? actor.orgId : null,
          action: 'hotline.ticket.import',
          entityType: 'hotlineImport',
          entityId: newId(),
          payload: { source, count: fresh.length, ticketNos: fresh.map((c) => c.r.ticketNo) },
        },
        now,
      );
      return fresh.length;
    });
    report.created += created;
  }
  return report;
}

export interface ManualInput {
  ticketNo?: string | null;
  channel: string;
  receivedAt: string;
  kind: Kind;
  title?: string | null;
  content: string;
  location?: string | null;
  citizen?: { name?: string | null; phone?: string | null; idNumber?: string | null } | null;
  dueOn?: string | null;
  publishConsent?: boolean | null;
}

/**
 * One ticket or 网民留言 through openCase (manual entry by staff, or the portal's form). A portal message
 * gets its own number (WY + date + sequence). Returns the row and its tracking code.
 */
export async function receiveTicket(
  ctx: Ctx,
  actor: Actor,
  input: ManualInput,
  source: 'manual' | 'portal',
  tx?: Tx,
): Promise<TicketRow> {
  authorize(actor, 'hotlineTicket', 'intake');
  const on = chinaDate(new Date(input.receivedAt));
  if (on > ctx.clock.today())
    throw new AppError('VALIDATION', '受理时间：不能晚于今天', {
      fields: [{ path: 'receivedAt', message: '受理时间：不能晚于今天' }],
    });
  const run = async (t: Tx) => {
    const deadlines = await loadDeadlines(t, ctx.clock.now().getTime());
    let ticketNo = input.ticketNo?.trim();
    if (!ticketNo) {
      const n = await takeNext(t, {
        kind: 'hotline.message',
        departmentId: actor.departmentId,
        year: Number(on.slice(0, 4)),
      });
      ticketNo = `WY${on.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
    }
    const [dup] = await queryRows<{ id: string }>(
      t,
      sql`select id from hotline_tickets where department_id = ${actor.departmentId} and ticket_no = ${ticketNo}`,
    );
    if (dup)
      throw new AppError('CONFLICT', `工单编号：${ticketNo}已经存在`, {
        fields: [{ path: 'ticketNo', message: `工单编号：${ticketNo}已经存在` }],
      });
    const dates = ticketDates(ctx.calendar.current(), deadlines, input.kind, on, input.dueOn);
    const title = titleOf({ title: input.title, content: input.content });
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'hotlineTicket',
        title: `${source === 'portal' ? '网民留言' : '12345工单'}：${title}`,
        orgId: actor.departmentId,
        first: {
          action: 'receive',
          on,
          data: { ticketNo, channel: input.channel, kind: input.kind, ...dates },
        },
      },
      t,
    );
    const now = ctx.clock.now();
    const [row] = await t
      .insert(hotlineTickets)
      .values({
        id: newId(),
        caseId: c.id,
        departmentId: c.departmentId,
        orgId: c.orgId,
        source,
        ticketNo,
        channel: input.channel,
        receivedAt: new Date(input.receivedAt),
        receivedOn: on,
        kind: input.kind,
        title,
        content: input.content,
        location: blank(input.location),
        citizenName: blank(input.citizen?.name),
        citizenPhone: blank(input.citizen?.phone),
        citizenIdNumber: blank(input.citizen?.idNumber),
        dueOn: dates.dueOn,
        trackingCode: newTrackingCode(),
        publishConsent: !!input.publishConsent,
        createdAt: now,
      })
      .returning();
    await appendAudit(
      t,
      {
        actorId: actor.userId ?? null,
        orgId: actor.userId ? actor.orgId : null,
        action: 'hotline.ticket.receive',
        entityType: 'hotlineTicket',
        entityId: row.id,
        payload: { caseId: c.id, source, ticketNo, kind: input.kind, channel: input.channel },
      },
      now,
    );
    return row;
  };
  return tx ? run(tx) : inTx(ctx, run);
}
