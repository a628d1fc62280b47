/**
 * 行政复议 / 行政应诉 cases: registration from the 复议机构's or the court's copy, and every act on the
 * case (one transaction each: the module row, the engine act, the audit event). The challenged act is
 * a typed reference to the bureau's own record, checked to exist in the department.
 */
import { eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import type { CaseState } from '../../core/procedure/types.ts';
import { authorize } from './policy.ts';
import { litigationCases } from './schema.ts';
import { ACT_MODULES, type ActModule } from './labels.ts';
import { actRecordTitle } from './targets.ts';
import { ANSWER_ACTIONS } from './forms.ts';

export type LitigationRow = typeof litigationCases.$inferSelect;
export type Kind = LitigationRow['kind'];
export interface Evidence {
  title: string;
  gatheredOn: string;
}

export interface RegisterInput {
  caseNo: string;
  applicant: string;
  body: string;
  actModule?: ActModule | null;
  actRecordId?: string | null;
  actTitle?: string;
  filedOn?: string | null;
  receivedOn: string;
  /** 复议 only. */
  procedureType?: 'ordinary' | 'simple';
  /** 复议 only: the day the 复议机关 accepted the application, when the copy says (Art 62's anchor). */
  acceptedOn?: string | null;
  /** 诉讼 only: 复议后起诉. */
  afterReconsideration?: boolean;
}

export interface ActRequest {
  action: string;
  on: string;
  data?: Record<string, unknown>;
  evidence?: Evidence[];
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

export async function loadLitigation(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LitigationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('案件');
  const q = db.select().from(litigationCases).where(eq(litigationCases.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('案件');
  authorize(actor, 'litigationCase', 'read', row);
  return row;
}

/** Registers a case from the copy the bureau received; the answer clock starts at `receivedOn`. */
export async function registerCase(
  ctx: Ctx,
  actor: Actor,
  kind: Kind,
  input: RegisterInput,
): Promise<LitigationRow> {
  authorize(actor, 'litigationCase', 'register');
  if (input.filedOn && input.filedOn > input.receivedOn)
    invalid('filedOn', `${kind === 'lawsuit' ? '立案日期' : '申请日期'}：不能晚于收到副本的日期`);
  const acceptedOn = kind === 'reconsideration' ? (input.acceptedOn ?? null) : null;
  // 受理 follows the application and precedes sending the copy (行政复议法 Arts 30, 48, 54).
  if (acceptedOn && acceptedOn > input.receivedOn)
    invalid('acceptedOn', '受理日期：不能晚于收到复议申请书副本的日期');
  if (acceptedOn && input.filedOn && acceptedOn < input.filedOn)
    invalid('acceptedOn', '受理日期：不能早于申请日期');
  return inTx(ctx, async (tx) => {
    let actTitle = input.actTitle?.trim() ?? '';
    if (input.actModule) {
      if (!input.actRecordId)
        invalid('actRecordId', '被复议（诉讼）的行政行为：请选择本机关的记录');
      const title = await actRecordTitle(tx, actor, input.actModule, input.actRecordId);
      if (!actTitle) actTitle = `${ACT_MODULES[input.actModule].label}：${title}`;
    }
    if (!actTitle) invalid('actTitle', '被复议（诉讼）的行政行为：必填');
    const [dup] = await tx
      .select({ id: litigationCases.id })
      .from(litigationCases)
      .where(
        sql`${litigationCases.departmentId} = ${actor.departmentId} and ${litigationCases.kind} = ${kind} and ${litigationCases.caseNo} = ${input.caseNo}`,
      );
    if (dup)
      throw new AppError('CONFLICT', `案号：${input.caseNo}已经登记`, {
        fields: [{ path: 'caseNo', message: '已经登记' }],
      });
    const first =
      kind === 'lawsuit'
        ? 'receive'
        : input.procedureType === 'simple'
          ? 'receiveSimple'
          : 'receive';
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: kind === 'lawsuit' ? 'adminLitigation' : 'reconsideration',
        title: `${kind === 'lawsuit' ? '行政应诉' : '行政复议'}：${input.caseNo}（${input.applicant}）`,
        orgId: actor.orgId,
        first: {
          action: first,
          on: input.receivedOn,
          data: acceptedOn ? { acceptedOn } : undefined,
        },
      },
      tx,
    );
    const [row] = await tx
      .insert(litigationCases)
      .values({
        id: newId(),
        caseId: c.id,
        departmentId: actor.departmentId,
        orgId: actor.orgId,
        kind,
        caseNo: input.caseNo,
        applicant: input.applicant,
        body: input.body,
        procedureType: kind === 'lawsuit' ? null : (input.procedureType ?? 'ordinary'),
        actModule: input.actModule ?? null,
        actRecordId: input.actModule ? input.actRecordId! : null,
        actTitle,
        filedOn: input.filedOn ?? null,
        receivedOn: input.receivedOn,
        afterReconsideration: kind === 'lawsuit' && !!input.afterReconsideration,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'litigation.register',
      { type: 'litigationCase', id: row.id },
      {
        kind,
        caseNo: row.caseNo,
        receivedOn: row.receivedOn,
        act: row.actModule ? { module: row.actModule, recordId: row.actRecordId } : null,
      },
    );
    return row;
  });
}

const ANSWER_CLOCKS = new Set(['answer', 'answerSimple', 'defence']);

/**
 * Evidence the bureau gathered itself after the case started is not evidence (行政复议法 Art 46: 行政复议
 * 期间被申请人不得自行向申请人和其他有关单位或者个人收集证据; 行政诉讼法 Art 35): the answer is refused.
 */
export function checkEvidence(
  row: Pick<LitigationRow, 'kind' | 'filedOn' | 'receivedOn'>,
  items: Evidence[],
  today: string,
): void {
  const started = row.filedOn ?? row.receivedOn;
  items.forEach((e, i) => {
    if (e.gatheredOn > today)
      invalid(`evidence.${i}.gatheredOn`, `证据“${e.title}”：收集日期不能晚于今天`);
    if (e.gatheredOn > started) {
      const basis =
        row.kind === 'lawsuit'
          ? '《中华人民共和国行政诉讼法》第三十五条'
          : '《中华人民共和国行政复议法》第四十六条';
      invalid(
        `evidence.${i}.gatheredOn`,
        `证据“${e.title}”：收集于${formatDateZh(e.gatheredOn)}，晚于案件开始之日（${formatDateZh(started)}），被申请人（被告）在案件期间自行收集的证据不能作为证据提交（${basis}）`,
      );
    }
  });
}

/** Any act on the case, with the module's records kept in step (answer date and lateness, results, appeal). */
export async function actOnCase(
  ctx: Ctx,
  actor: Actor,
  id: string,
  req: ActRequest,
): Promise<CaseState> {
  return inTx(ctx, async (tx) => {
    const row = await loadLitigation(tx, actor, id, true);
    authorize(actor, 'litigationCase', 'act', row);
    const evidence = req.evidence ?? [];
    if (ANSWER_ACTIONS.has(req.action)) checkEvidence(row, evidence, ctx.clock.today());
    const state = await recordAction(
      ctx,
      actor,
      row.caseId,
      { action: req.action, on: req.on, data: req.data },
      tx,
    );
    const set: Partial<LitigationRow> = {};
    if (ANSWER_ACTIONS.has(req.action)) {
      const clock = state.clocks.find((c) => ANSWER_CLOCKS.has(c.clock) && c.state === 'stopped');
      Object.assign(set, {
        answeredOn: req.on,
        answerDue: clock?.due ?? null,
        answerLate: !!clock?.late,
        evidence,
        answerText: String(req.data?.summary ?? ''),
      });
    } else if (req.action === 'decide')
      Object.assign(set, { firstResult: String(req.data?.decision), firstResultOn: req.on });
    else if (req.action === 'judgment' || req.action === 'ruling')
      Object.assign(set, { firstResult: String(req.data?.result), firstResultOn: req.on });
    else if (req.action === 'appeal') set.appealedOn = req.on;
    else if (req.action === 'appealResult')
      Object.assign(set, { finalResult: String(req.data?.result), finalResultOn: req.on });
    if (Object.keys(set).length)
      await tx.update(litigationCases).set(set).where(eq(litigationCases.id, row.id));
    await audit(
      tx,
      ctx,
      actor,
      audit.code(`litigation.${req.action}`),
      { type: 'litigationCase', id: row.id },
      {
        on: req.on,
        late: set.answerLate ?? undefined,
      },
    );
    return state;
  });
}
