/**
 * Receiving a 依申请公开 request (条例 Arts 28–31): from the portal or entered by staff. A request
 * lacking identity or description is received all the same and goes down the 补正 path (Art 30).
 */
import { createHash } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import { inTx } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { openCase } from '../../../core/cases/service.ts';
import { newId } from '../../../core/clock.ts';
import { AppError } from '../../../core/errors.ts';
import { disclosureRequests } from './schema.ts';
import { systemActor } from '../../../core/auth/actor.ts';
import { receiptOf, type Receipt, type ReceiptInput } from './receipt.ts';
import { newTrackingCode } from '../../../portal/trackingCode.ts';

export type RequestRow = typeof disclosureRequests.$inferSelect;

export interface ApplicantInput {
  applicantKind: 'naturalPerson' | 'legalPerson';
  orgType?: string; // business | research | publicInterest | legalService | other
  name?: string;
  idType?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  description?: string;
  form?: string;
  delivery?: string;
}

export interface IntakeResult {
  request: RequestRow;
  trackingCode: string;
  duplicate: boolean;
}

const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

const norm = (s?: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
/** What the applicant wrote, exactly (trimmed): full-width punctuation stays; only matching keys are normalised. */
const blankToNull = (s?: string) => (s?.trim() ? s.trim() : null);

/** Table 三 column of an applicant. */
export const reportColumnOf = (a: Pick<ApplicantInput, 'applicantKind' | 'orgType'>) =>
  a.applicantKind === 'naturalPerson' ? 'naturalPerson' : (a.orgType ?? 'other');

/** Who the applicant is, for the per-month fee count: ID number, credit code, or name + phone. */
export function applicantKeyOf(a: ApplicantInput): string | null {
  const id = norm(a.applicantKind === 'legalPerson' ? a.creditCode : a.idNumber).toUpperCase();
  if (id) return `${a.applicantKind}:${id}`;
  const name = norm(a.name);
  return name ? `${a.applicantKind}:${name}:${norm(a.phone)}` : null;
}

/** What the request lacks under 条例 Art 29 (the items of a 补正 notice). */
export function missingItems(
  r: Pick<
    RequestRow,
    | 'name'
    | 'idNumber'
    | 'creditCode'
    | 'phone'
    | 'email'
    | 'address'
    | 'description'
    | 'applicantKind'
  >,
): string[] {
  const out: string[] = [];
  if (!r.name) out.push('申请人姓名或者名称');
  if (!(r.applicantKind === 'legalPerson' ? r.creditCode : r.idNumber))
    out.push('身份证明（证件号码或统一社会信用代码）');
  if (!r.phone && !r.email && !r.address) out.push('联系方式');
  if (!r.description || r.description.length < 4)
    out.push('申请公开的政府信息的名称、文号或者便于查询的其他特征性描述');
  return out;
}

/** The portal's online channel acts for the disclosure office; events and audit record no user (系统). */
export function portalActor(departmentId: string): Actor {
  return systemActor({
    departmentId,
    roles: ['staff'],
    username: 'portal',
    displayName: '网上申请',
  });
}

export interface IntakeInput {
  applicant: ApplicantInput;
  /** The channel and what fixes the 条例 Art 31 receipt date for it (receipt.ts); the portal: online, today (both sides confirm online). */
  receipt: ReceiptInput;
  /** The org that handles it (the actor's 科室, or the department for portal requests). */
  orgId: string;
}

/**
 * Registers a request and opens its case, in one transaction. The same applicant submitting the same
 * content within 10 minutes gets the earlier request back (`duplicate`), not a second one.
 */
export async function receiveRequest(
  ctx: Ctx,
  actor: Actor,
  input: IntakeInput,
): Promise<IntakeResult> {
  authorize(actor, 'disclosureRequest', 'intake');
  const a = input.applicant;
  if (a.applicantKind === 'legalPerson' && !a.orgType)
    throw new AppError('VALIDATION', '法人或其他组织：请选择类型', {
      fields: [{ path: 'orgType', message: '法人或其他组织类型：必填' }],
    });
  const receipt = receiptOf(input.receipt, ctx.clock.today());
  const description = blankToNull(a.description);
  const key = applicantKeyOf(a);
  const dedupeHash = createHash('sha256')
    .update(
      JSON.stringify([
        actor.departmentId,
        key ?? norm(a.name),
        norm(a.phone),
        norm(a.email),
        description ?? '',
      ]),
    )
    .digest('hex');
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    // Serialises concurrent submissions of the same content (double clicks, retries).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${dedupeHash}))`);
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
    const [dup] = await tx
      .select()
      .from(disclosureRequests)
      .where(
        and(
          eq(disclosureRequests.departmentId, actor.departmentId),
          eq(disclosureRequests.dedupeHash, dedupeHash),
          gte(disclosureRequests.createdAt, since),
        ),
      )
      .limit(1);
    if (dup) return { request: dup, trackingCode: dup.trackingCode, duplicate: true };
    return create(tx, ctx, actor, input, { description, key, dedupeHash, now, receipt });
  });
}

async function create(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: IntakeInput,
  d: {
    description: string | null;
    key: string | null;
    dedupeHash: string;
    now: Date;
    receipt: Receipt;
  },
): Promise<IntakeResult> {
  const a = input.applicant;
  const { channel } = input.receipt;
  const { receivedOn, details } = d.receipt;
  const column = reportColumnOf(a);
  const short = d.description
    ? d.description.length > 40
      ? `${d.description.slice(0, 40)}…`
      : d.description
    : '（申请内容不明确，待补正）';
  // The case carries no personal data (the whole department sees cases); the applicant's data stays in disclosure_requests.
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'disclosureRequest',
      title: `政府信息公开申请：${short}`,
      orgId: input.orgId,
      first: {
        action: 'receive',
        on: receivedOn,
        data: {
          channel,
          applicantType: column,
          ...(d.description ? { content: d.description } : {}),
          ...details,
        },
      },
    },
    tx,
  );
  const trackingCode = newTrackingCode();
  const [request] = await tx
    .insert(disclosureRequests)
    .values({
      id: newId(),
      caseId: c.id,
      departmentId: c.departmentId,
      trackingCode,
      applicantKind: a.applicantKind,
      orgType: a.applicantKind === 'legalPerson' ? (a.orgType ?? 'other') : null,
      reportColumn: column,
      name: blankToNull(a.name),
      idType: blankToNull(a.idType),
      idNumber: blankToNull(a.idNumber),
      creditCode: blankToNull(a.creditCode),
      phone: blankToNull(a.phone),
      email: blankToNull(a.email),
      address: blankToNull(a.address),
      description: d.description,
      form: blankToNull(a.form),
      delivery: blankToNull(a.delivery),
      channel,
      receivedOn,
      applicantKey: d.key,
      dedupeHash: d.dedupeHash,
      createdAt: d.now,
      updatedAt: d.now,
    })
    .returning();
  await appendAudit(
    tx,
    {
      actorId: actor.userId ?? null,
      orgId: actor.userId ? actor.orgId : null,
      action: 'disclosure.request.receive',
      entityType: 'disclosureRequest',
      entityId: request.id,
      payload: {
        caseId: c.id,
        channel,
        column,
        receivedOn,
        ...details,
        incomplete: missingItems(request),
      },
    },
    d.now,
  );
  return { request, trackingCode, duplicate: false };
}
