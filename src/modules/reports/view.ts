/**
 * What the report screen shows: the document with its figures resolved — live (with what changed
 * since the version was saved) until approval, frozen after — its deadlines, and the acts allowed.
 * The department sees its current version; the oversight body the version submitted to it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize as authorizeCore } from '../../core/auth/policy.ts';
import { authorize, can } from './policy.ts';
import { caseSteps } from '../../core/cases/schema.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { evaluate } from '../../core/procedure/engine.ts';
import { actsOf, engineVerdict } from '../../core/cases/acts.ts';
import { queryRows } from '../../core/db/client.ts';
import { notFound } from '../../core/errors.ts';
import { getOrg, oversightBodyOf } from '../../core/orgs/service.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { getSetting } from '../../core/settings/service.ts';
import { manualCount, referencedKeys, type Figure } from './document.ts';
import { gatherFacts, periodEnd, stepDoneLateIn, stepOverdueAt, toFigure } from './facts.ts';
import { RULE_OF_LAW_REPORT } from './procedure.ts';
import { planReference, type ReportDeps } from './service.ts';
import {
  contentOf,
  findReport,
  redraftable,
  reportScope,
  statusOf,
  submittedVersionId,
  versionById,
  type Figures,
  type ReportStatus,
} from './store.ts';
import { deadlinesOf, reportTemplateSetting } from './template.ts';
import { fieldView } from '../../core/http/forms.ts';
import { reportForms } from './forms.ts';

export type ShownFigure = Figure & { previous?: number; missing?: boolean };
export interface FigureChange {
  key: string;
  label: string;
  unit: string;
  from: number;
  to: number;
}

export const STATUS_LABELS = Object.fromEntries(
  RULE_OF_LAW_REPORT.statuses.map((s) => [s.code, s.label]),
) as Record<ReportStatus, string>;

/**
 * The acts of the report screen: the engine's sign-off acts (procedure.ts) and redrafting. The 保密审查 is
 * asked and decided on the shared panel (/api/cases/:id/secrecy-review), not here.
 */
export const REPORT_ACTS = {
  approve: '审定',
  submit: '报送',
  publish: '公开',
  regenerate: '按最新数据重新生成',
} as const;

async function departmentFor(ctx: Ctx, actor: Actor, departmentId?: string) {
  const own = !departmentId || departmentId === actor.departmentId;
  authorize(actor, 'ruleOfLawReport', own ? 'view' : 'oversee');
  const org = await getOrg(ctx.db, departmentId ?? actor.departmentId);
  return { own, department: { id: org.id, name: org.name, parentId: org.parentId } };
}

/**
 * Where the report goes (RULES §11): the 本级党委和政府 (中共X市委 pairs with X市人民政府), the
 * 上一级主管部门 and the oversight bodies. `known` are names from the org tree; `toName` the kinds of
 * recipient the tree does not know (the 上一级主管部门 always), which staff must name in the dialog.
 */
async function recipientDefaults(
  ctx: Ctx,
  parentId: string | null,
): Promise<{ known: string[]; toName: string[] }> {
  const parent = parentId ? await getOrg(ctx.db, parentId) : null;
  const oversight = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'oversight'))
    .orderBy(organisations.createdAt);
  const government =
    parent?.kind === 'government'
      ? `${parent.name.endsWith('人民政府') ? `中共${parent.name.replace(/人民政府$/, '')}委、` : ''}${parent.name}`
      : null;
  return {
    known: [...(government ? [government] : []), ...oversight.map((o) => o.name)],
    toName: [...(government ? [] : ['本级党委和政府']), '上一级主管部门'],
  };
}

/** The sign-off forms as the screen draws them (forms.ts). */
const servedForms = (year: number, toName: readonly string[]) => {
  const forms = reportForms(year, toName);
  return {
    approve: forms.approve.map((f) => fieldView(f)),
    submit: forms.submit.map((f) => fieldView(f)),
    publish: forms.publish.map((f) => fieldView(f)),
  };
};

export async function reportView(
  ctx: Ctx,
  deps: ReportDeps,
  actor: Actor,
  year: number,
  departmentId?: string,
) {
  const { own, department } = await departmentFor(ctx, actor, departmentId);
  const template = await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime());
  const r = await findReport(ctx.db, department.id, year);
  const canEdit = own && can(actor, 'ruleOfLawReport', 'edit');
  if (!r) {
    if (!own) throw notFound(`${year}年度法治政府建设年度报告`);
    return {
      exists: false as const,
      today: ctx.clock.today(),
      year,
      department: { id: department.id, name: department.name },
      deadlines: deadlinesOf(template, year),
      canGenerate: canEdit,
    };
  }
  const scope = {
    ...reportScope(r),
    overseenBy: (await oversightBodyOf(ctx.db, r.departmentId))?.id ?? null,
  };
  authorize(actor, 'ruleOfLawReport', 'read', scope);
  const status = await statusOf(ctx.db, r.caseId);
  const v = await versionById(ctx.db, own ? r.currentVersionId : submittedVersionId(r)!);
  const document = contentOf(v);
  const keys = referencedKeys(document);
  const figures: Record<string, ShownFigure> = {};
  const changes: FigureChange[] = [];
  let available: Figure[] = [];
  let unavailable: string[] = [];
  if (v.frozen) {
    const frozen = v.frozen as Figures;
    for (const k of keys) if (frozen[k]) figures[k] = frozen[k];
  } else {
    const facts = await gatherFacts(ctx, deps.providers, department.id, year);
    unavailable = facts.unavailable;
    const saved = v.figures as Figures;
    for (const k of keys) {
      const live = facts.byKey.get(k);
      const before = saved[k];
      if (!live) {
        figures[k] = { ...before, missing: true };
        continue;
      }
      figures[k] = {
        ...toFigure(live),
        ...(before && before.value !== live.value ? { previous: before.value } : {}),
      };
      if (before && before.value !== live.value)
        changes.push({
          key: k,
          label: live.label,
          unit: live.unit,
          from: before.value,
          to: live.value,
        });
    }
    if (canEdit) available = facts.figures.map(toFigure);
  }
  const steps = await ctx.db
    .select()
    .from(caseSteps)
    .where(eq(caseSteps.caseId, r.caseId))
    .orderBy(asc(caseSteps.step));
  const today = ctx.clock.today();
  // What this actor may do now: the engine's acts for the actor's roles, for those who keep the report.
  const { def } = ctx.procedures.get(RULE_OF_LAW_REPORT.code);
  const history = await loadHistory(ctx.db, r.caseId);
  const engine = engineVerdict(evaluate(def, history, ctx.calendar.current(), today), actor.roles);
  const recipients = canEdit
    ? await recipientDefaults(ctx, department.parentId)
    : { known: [], toName: [] };
  const acts = actsOf(REPORT_ACTS, (a) =>
    !canEdit ? false : a === 'regenerate' ? redraftable(status) : engine(a),
  );
  return {
    exists: true as const,
    today: ctx.clock.today(),
    year,
    department: { id: department.id, name: department.name },
    own,
    status,
    statusLabel: STATUS_LABELS[status],
    caseId: own ? r.caseId : null,
    version: {
      id: v.id,
      seq: v.seq,
      origin: v.origin,
      createdAt: v.createdAt.toISOString(),
      frozen: !!v.frozen,
    },
    document,
    figures,
    changes,
    manualFigures: manualCount(document),
    available,
    unavailable,
    deadlines: {
      ...deadlinesOf(template, year),
      steps: steps.map((s) => ({
        step: s.step,
        label: s.label,
        dueDate: s.dueDate,
        status: s.status,
        doneOn: s.doneOn,
        overdue: s.status === 'open' && !!s.dueDate && s.dueDate < today,
        explanation: s.explanation,
      })),
    },
    review: r.review,
    approval: r.approval,
    submission: r.submission,
    submittedOn: r.submittedOn,
    publishedOn: r.publishedOn,
    approvedVersionId: r.approvedVersionId,
    publishedVersionId: r.publishedVersionId,
    editable: canEdit,
    recipients,
    // The sign-off forms, declared once (forms.ts), for those who keep the report.
    forms: canEdit ? servedForms(year, recipients.toName) : null,
    // Last year's part (四): shown beside this year's, inserted only where staff choose to.
    planReference:
      canEdit && status === 'drafting' ? await planReference(ctx.db, department.id, year) : null,
    ...acts,
  };
}

/** The records behind a timeliness fact (late or overdue steps), scoped to the actor's department. */
export async function stepRecords(
  ctx: Ctx,
  actor: Actor,
  q: { procedure: string; step: string; kind: 'late' | 'overdue'; year: number },
) {
  authorizeCore(actor, 'case', 'list');
  // The same conditions as the facts (facts.ts): a figure lists exactly the records it counts.
  const cond =
    q.kind === 'late'
      ? stepDoneLateIn(q.year)
      : stepOverdueAt(periodEnd(q.year, ctx.clock.today()));
  const rows = await queryRows<{
    id: string;
    title: string;
    label: string;
    dueDate: string;
    doneOn: string | null;
    total: number;
  }>(
    ctx.db,
    sql`select c.id, c.title, s.label, s.due_date::text as "dueDate", s.done_on::text as "doneOn", (count(*) over ())::int as total
        from case_steps s join cases c on c.id = s.case_id
        where s.department_id = ${actor.departmentId} and c.procedure = ${q.procedure} and s.step = ${q.step} and ${cond}
        order by s.due_date, c.id limit 500`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, ...i }) => ({ ...i, href: `/cases/${i.id}` })),
  };
}
