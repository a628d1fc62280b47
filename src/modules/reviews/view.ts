/** The matter page: materials, reviewers, numbered opinions with adoption, conclusion, timeline, and what the actor may do. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { can } from './policy.ts';
import { users } from '../../core/auth/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { caseEvents, caseSteps, cases } from '../../core/cases/schema.ts';
import { files } from '../../core/files/schema.ts';
import { daysLeft } from '../../core/calendar/calendar.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { evaluate } from '../../core/procedure/engine.ts';
import { legalOpinions, reviewMaterials } from './schema.ts';
import { isOpen, loadMatter, scopeOfMatter } from './matters.ts';
import { matterLabels, reviewersOf } from './queue.ts';
import { LEGAL_REVIEW } from './procedure.ts';
import { ADOPTION_LABELS, CONCLUSION_LABELS, type Adoption, type Conclusion } from './labels.ts';

interface TimelineEntry {
  on: string;
  at: string;
  label: string;
  actorName: string;
  detail: string;
}

export async function matterView(ctx: Ctx, actor: Actor, id: string) {
  const { matter: m, assigned } = await loadMatter(ctx.db, actor, id);
  const scope = scopeOfMatter(m, assigned);
  const [org] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, m.orgId));
  const materials = await ctx.db
    .select({
      fileId: files.id,
      name: files.name,
      size: files.size,
      mime: files.mime,
      addedAt: reviewMaterials.createdAt,
      addedBy: reviewMaterials.addedBy,
    })
    .from(reviewMaterials)
    .innerJoin(files, eq(files.id, reviewMaterials.fileId))
    .where(eq(reviewMaterials.matterId, m.id))
    .orderBy(asc(reviewMaterials.createdAt));
  const { reviewers } = await reviewersOf(ctx.db, [m.id]);
  const assignments = reviewers.get(m.id) ?? [];
  const opinions = await ctx.db
    .select()
    .from(legalOpinions)
    .where(eq(legalOpinions.matterId, m.id))
    .orderBy(asc(legalOpinions.seq));
  const events = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, m.caseId))
    .orderBy(asc(caseEvents.seq));
  const [step] = await ctx.db
    .select()
    .from(caseSteps)
    .where(eq(caseSteps.caseId, m.caseId))
    .orderBy(asc(caseSteps.openedOn))
    .limit(1);
  const [subject] = m.subjectCaseId
    ? await ctx.db
        .select({
          id: cases.id,
          title: cases.title,
          module: cases.module,
          procedure: cases.procedure,
        })
        .from(cases)
        .where(eq(cases.id, m.subjectCaseId))
    : [];
  const people = [
    ...new Set(
      [
        m.submittedBy,
        ...events.map((e) => e.actorId),
        ...opinions.flatMap((o) => [o.enteredBy, o.adoptionBy]),
        ...materials.map((x) => x.addedBy),
      ].filter((x): x is string => !!x),
    ),
  ];
  const names = people.length
    ? await ctx.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const nameOf = (uid: string | null) =>
    uid ? (names.find((n) => n.id === uid)?.name ?? '') : '系统';
  const byAssignment = new Map(assignments.map((a) => [a.assignmentId, a]));

  const labelOf = new Map(LEGAL_REVIEW.actions.map((a) => [a.code, a.label]));
  const timeline: TimelineEntry[] = [
    ...events.map((e) => {
      const d = e.data as Record<string, unknown>;
      const detail =
        e.type === 'assign'
          ? `审查人员：${String(d.reviewers ?? '')}`
          : e.type === 'conclude'
            ? `审查结论：${CONCLUSION_LABELS[d.conclusion as Conclusion] ?? ''}`
            : e.type === 'withdraw'
              ? `理由：${String(d.reason ?? '')}`
              : `审查期限：${m.dueOn}`;
      return {
        on: e.on,
        at: e.at.toISOString(),
        label: labelOf.get(e.type) ?? e.type,
        actorName: nameOf(e.actorId),
        detail,
      };
    }),
    ...materials
      .filter((x) => x.addedAt.getTime() > m.createdAt.getTime())
      .map((x) => ({
        on: x.addedAt.toISOString().slice(0, 10),
        at: x.addedAt.toISOString(),
        label: '补充送审材料',
        actorName: nameOf(x.addedBy),
        detail: x.name,
      })),
    ...opinions.map((o) => ({
      on: o.givenOn,
      at: o.createdAt.toISOString(),
      label: `提出法审意见第${o.seq}条`,
      actorName: byAssignment.get(o.assignmentId)?.name ?? '',
      detail:
        o.enteredBy && byAssignment.get(o.assignmentId)?.userId !== o.enteredBy
          ? `由${nameOf(o.enteredBy)}录入`
          : '',
    })),
    ...opinions
      .filter((o) => o.adoption)
      .map((o) => ({
        on: o.adoptionOn!,
        at: `${o.adoptionOn}T23:59:59.999Z`,
        label: `反馈第${o.seq}条意见采纳情况`,
        actorName: nameOf(o.adoptionBy),
        detail: ADOPTION_LABELS[o.adoption as Adoption],
      })),
  ].sort((a, b) => (a.on === b.on ? a.at.localeCompare(b.at) : a.on.localeCompare(b.on)));

  const open = isOpen(m);
  const manage = can(actor, 'reviewMatter', 'manage', scope);
  const respond = can(actor, 'reviewMatter', 'respond', scope);
  const mine = assignments.find((a) => a.userId === actor.userId);
  const today = ctx.clock.today();
  // What may be done comes from the engine (the matter's case, its allowed acts) and the policy. An
  // advisor is no case worker, so the engine's acts are judged whatever the actor's roles: the policy
  // decides who. Opinions, materials and the conclusion belong to the review while it can conclude.
  const state = evaluate(
    LEGAL_REVIEW,
    await loadHistory(ctx.db, m.caseId),
    ctx.calendar.current(),
    today,
  );
  const allowed = new Set(state.allowed.map((a) => a.action));
  const reviewing = allowed.has('conclude');
  const advisorView =
    hasRole(actor, 'legalAdvisor') && !hasRole(actor, 'legalOfficer', 'leader', 'staff');
  return {
    matter: {
      ...matterLabels(m),
      caseId: m.caseId,
      summary: m.summary,
      orgName: org?.name ?? '',
      submittedByName: nameOf(m.submittedBy),
      conclusionOpinion: m.conclusionOpinion,
      concludedByName: m.concludedBy ? nameOf(m.concludedBy) : null,
      overdue: open && m.dueOn < today,
      daysLeft: open ? daysLeft(ctx.calendar.current(), today, m.dueOn, 'workday') : null,
      provisional: step?.provisional ?? false,
      // An advisor sees the matter, not the rest of the department's business.
      subject:
        subject && !advisorView
          ? {
              caseId: subject.id,
              title: subject.title,
              moduleLabel: ctx.procedures.get(subject.procedure).moduleLabel,
            }
          : null,
    },
    today,
    materials: materials.map((x) => ({
      fileId: x.fileId,
      name: x.name,
      size: x.size,
      addedAt: x.addedAt.toISOString(),
      addedByName: nameOf(x.addedBy),
    })),
    reviewers: assignments,
    opinions: opinions.map((o) => ({
      id: o.id,
      seq: o.seq,
      body: o.body,
      givenOn: o.givenOn,
      reviewerName: byAssignment.get(o.assignmentId)?.name ?? '',
      reviewerKind: byAssignment.get(o.assignmentId)?.kindLabel ?? '',
      adoption: o.adoption,
      adoptionLabel: o.adoption ? ADOPTION_LABELS[o.adoption as Adoption] : null,
      adoptionReason: o.adoptionReason,
      adoptionOn: o.adoptionOn,
    })),
    timeline,
    abilities: {
      assign: manage && allowed.has('assign'),
      conclude: manage && allowed.has('conclude'),
      opine: reviewing && !!mine,
      // Opinions the legal office may enter for assigned advisors without an account.
      enterFor:
        reviewing && hasRole(actor, 'legalOfficer')
          ? assignments.filter((a) => a.advisorId && !a.userId)
          : [],
      // Opinions stay to be answered after the conclusion, not once the matter was withdrawn.
      markAdoption: respond && state.outcome !== 'withdrawn',
      withdraw: respond && allowed.has('withdraw'),
      addMaterials: respond && reviewing,
    },
  };
}
