/** What the staff decision page shows: the decision, its flow chart, steps and timeline, materials, comments, meetings, evidence. */
import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { can } from './policy.ts';
import { caseView } from '../../core/cases/view.ts';
import { fieldView } from '../../core/http/forms.ts';
import { DRAFT_TEXT, STEP_FORMS } from './stepForms.ts';
import { caseState, getCase, loadHistory } from '../../core/cases/service.ts';
import { users } from '../../core/auth/schema.ts';
import { latestFor, listComments } from '../consultation/index.ts';
import { DISPOSITION_OPTIONS, dispositionReport } from '../consultation/index.ts';
import { articles } from '../consultation/index.ts';
import { itemsAbout, meetingName, upcomingMeetings } from '../meetings/index.ts';
import {
  CONCLUSION_LABELS,
  isOpen,
  MATTER_STATUS_LABELS,
  mattersOfSubject,
  type Conclusion,
} from '../reviews/index.ts';
import { decisionCatalogueItems, majorDecisions } from './schema.ts';
import { evidenceOf } from './evidence.ts';
import { loadDecision, scopeOf } from './service.ts';
import { flowChart } from './flow.ts';
import { materialsChecklist } from './materials.ts';
import { FORM_ACTIONS } from './actions.ts';
import { MAJOR_DECISION } from './procedure.ts';

export async function decisionView(ctx: Ctx, actor: Actor, id: string) {
  const d = await loadDecision(ctx.db, actor, id);
  const proc = await caseView(ctx, actor, d.caseId);
  const history = await loadHistory(ctx.db, d.caseId);
  const state = await caseState(ctx, await getCase(ctx, actor, d.caseId), history);
  const [item] = d.catalogueItemId
    ? await ctx.db
        .select({ title: decisionCatalogueItems.title })
        .from(decisionCatalogueItems)
        .where(eq(decisionCatalogueItems.id, d.catalogueItemId))
    : [];
  const c = await latestFor(ctx.db, 'majorDecision', d.id);
  const comments = c ? await listComments(ctx.db, c.id) : [];
  const evidence = await evidenceOf(ctx.db, d.id);
  const adders = [...new Set(evidence.map((e) => e.addedBy).filter((x): x is string => !!x))];
  const names = new Map(
    (adders.length
      ? await ctx.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, adders))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const superseded = new Set(evidence.map((e) => e.supersedesId).filter(Boolean));
  const agenda = await itemsAbout(ctx.db, 'majorDecision', d.id);
  const reviews = (await mattersOfSubject(ctx.db, d.caseId)).map((m) => ({
    id: m.id,
    status: m.status,
    submittedOn: m.submittedOn,
    dueOn: m.dueOn,
    conclusion: m.conclusion,
    /** Still before the 法制机构 (its conclusion may yet come). */
    underReview: isOpen(m),
    /** What the page shows of it: the conclusion, 已撤回, or 审查中 while the review runs. */
    stateLabel: m.conclusion
      ? CONCLUSION_LABELS[m.conclusion as Conclusion]
      : m.status === 'withdrawn'
        ? MATTER_STATUS_LABELS.withdrawn
        : MATTER_STATUS_LABELS.reviewing,
  }));
  const [original] = d.revisionOf
    ? await ctx.db
        .select({ title: majorDecisions.title })
        .from(majorDecisions)
        .where(eq(majorDecisions.id, d.revisionOf))
    : [];
  const revisions = await ctx.db
    .select({ id: majorDecisions.id, title: majorDecisions.title })
    .from(majorDecisions)
    .where(eq(majorDecisions.revisionOf, d.id));
  const canAct = can(actor, 'majorDecision', 'act', scopeOf(d));
  const mine = new Set(proc.actions.map((a) => a.action));
  const today = ctx.clock.today();
  const heldWithAgenda = agenda.filter((x) => x.meeting.status === 'held' && !x.item.outcome);
  const meetingChoice = (m: { id: string; meetingOn: string }, name: string) => ({
    value: m.id,
    label: `${name}（${m.meetingOn}）`,
  });
  const upcoming = (await upcomingMeetings(ctx.db, d.departmentId, today)).map((m) =>
    meetingChoice(m, m.name),
  );
  const held = heldWithAgenda.map((x) => meetingChoice(x.meeting, meetingName(x.meeting)));
  return {
    decision: {
      ...d,
      catalogueItemTitle: item?.title ?? null,
      revisionOfTitle: original?.title ?? null,
      revisions,
    },
    procedure: proc,
    flow: flowChart(MAJOR_DECISION, history, state),
    materials: materialsChecklist(history),
    consultation: c
      ? {
          ...c,
          articles: articles(c.draftText),
          comments: comments.map((x) => ({
            ...x,
            submittedAt: x.submittedAt.toISOString(),
            disposedAt: x.disposedAt?.toISOString() ?? null,
          })),
          report: dispositionReport(c, comments),
          dispositions: DISPOSITION_OPTIONS,
        }
      : null,
    evidence: evidence.map((e) => ({
      ...e,
      addedAt: e.addedAt.toISOString(),
      addedByName: e.addedBy ? (names.get(e.addedBy) ?? '') : '系统',
      superseded: superseded.has(e.id),
      body: e.body.length > 2000 ? `${e.body.slice(0, 2000)}…` : e.body,
    })),
    legalReviews: reviews,
    agenda: agenda.map((x) => ({
      meetingId: x.meeting.id,
      meetingName: meetingName(x.meeting),
      meetingOn: x.meeting.meetingOn,
      held: x.meeting.status === 'held',
      itemId: x.item.id,
      outcome: x.item.outcome,
      materials: x.item.materials,
    })),
    // What this actor may do here (the UI never re-implements the rules).
    abilities: {
      saveDraft: canAct && mine.has('draftPlan'),
      openComment: canAct && mine.has('openComment'),
      // The engine: a comment period running whose end has come (结束征求意见).
      closeComment: canAct && mine.has('closeComment'),
      dispose: canAct && !!c?.closedOn && !c.reportPublishedOn,
      publishFeedback: canAct && mine.has('publishFeedback'),
      summarizeParticipation: canAct && mine.has('summarizeParticipation'),
      submitLegalReview: canAct && mine.has('submitLegalReview'),
      submitToMeeting: canAct && mine.has('submitToMeeting'),
      decide: canAct && mine.has('collectiveDecision') && heldWithAgenda.length > 0,
      publish: canAct && mine.has('publish'),
      postEvaluation: canAct && mine.has('postEvaluation'),
      adjust: canAct && mine.has('adjust'),
      addEvidence: canAct,
      formActions: canAct
        ? proc.actions.filter((a) => (FORM_ACTIONS as readonly string[]).includes(a.action))
        : [],
    },
    // The step forms' fields as declared once (stepForms.ts), the meetings offered filled in.
    forms: {
      draftText: fieldView(DRAFT_TEXT),
      comment: STEP_FORMS.comment.map((f) => fieldView(f)),
      participation: STEP_FORMS.participation.map((f) => fieldView(f)),
      legalReview: STEP_FORMS.legalReview.map((f) => fieldView(f)),
      meeting: STEP_FORMS.meeting.map((f) =>
        f.name === 'meetingId'
          ? {
              ...fieldView(f, upcoming),
              help: upcoming.length ? undefined : '没有待召开的会议，请先在“会议议题”中安排会议',
            }
          : fieldView(f),
      ),
      decide: STEP_FORMS.decide.map((f) => fieldView(f, f.name === 'meetingId' ? held : undefined)),
      publish: STEP_FORMS.publish.map((f) => fieldView(f)),
      adjust: STEP_FORMS.adjust.map((f) => fieldView(f)),
      disposition: STEP_FORMS.disposition.map((f) => fieldView(f)),
      evidence: STEP_FORMS.evidence.map((f) => fieldView(f)),
    },
  };
}

export type DecisionView = Awaited<ReturnType<typeof decisionView>>;
