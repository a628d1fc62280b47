/**
 * Drives a decision through the real services, moving a clock of its own from a start date: the demo
 * data, the archive tests and the archive benchmark share it, so what they hold is what users make.
 */
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { fixedClock } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { submitComment } from '../consultation/index.ts';
import { askSecrecyReview, decideSecrecyReview } from '../disclosure/index.ts';
import { latestFor, listComments } from '../consultation/index.ts';
import { concludeMatter, mattersOfSubject } from '../reviews/index.ts';
import { legalAdvisors, reviewAssignments } from '../reviews/schema.ts';
import { createAdvisor } from '../reviews/advisors.ts';
import { assignReviewers, giveOpinion } from '../reviews/opinions.ts';
import { createMeeting, publishAgenda, recordHeld } from '../meetings/index.ts';
import { startDecision, type StartInput } from './service.ts';
import {
  closeComment,
  dispose,
  formAct,
  openComment,
  publishFeedback,
  saveDraft,
  summarizeParticipation,
} from './workflow.ts';
import { decide, submitLegalReview, submitToMeeting } from './deciding.ts';
import { publishDecision } from './publishing.ts';
import type { DecisionRow } from './evidence.ts';

export interface DecisionActors {
  staff: Actor;
  leader: Actor;
  legal: Actor;
}

export interface KitOptions {
  /** First day (YYYY-MM-DD); the procedure takes about 45 days from it. */
  startOn: string;
  input: Partial<StartInput> & { title: string };
  draftText: string;
  comments?: string[];
  /**
   * Stop after this stage: the comment period opened, participation summarised, the legality review
   * asked for, the review concluded, the draft submitted to a meeting (not yet held), decided (before
   * the party report), published.
   */
  until?:
    | 'commentOpen'
    | 'participated'
    | 'underReview'
    | 'reviewed'
    | 'submitted'
    | 'decided'
    | 'published';
  fileIds?: string[];
  /**
   * The first legality review finds the draft unlawful; this revision is reviewed again and found
   * lawful on the same day (the archive then holds two drafts).
   */
  revisedDraftText?: string;
}

const noon = (d: string) => `${d}T04:00:00.000Z`;

/**
 * The days a driven decision's acts fall on, from its first day (pure: the demo's dates are checked
 * for every day of several years). Comment 30 days (条例 Art 14: 一般不少于30日); review asked for 7
 * working days ahead (Art 26) and concluded in 5; the meeting 2 working days later; published 2 after.
 */
export function decisionTimeline(cal: Calendar, startOn: string) {
  const commentEndOn = cal.addDays(startOn, 30);
  const reviewOn = cal.addDays(commentEndOn, 1);
  const concludeOn = cal.addWorkdays(reviewOn, 5);
  const meetingOn = cal.addWorkdays(concludeOn, 2);
  return {
    startOn,
    commentEndOn,
    reviewOn,
    requestedBy: cal.addWorkdays(reviewOn, 7),
    concludeOn,
    meetingOn,
    publishOn: cal.addWorkdays(meetingOn, 2),
  };
}

/** A 法律顾问 or 公职律师 in term today who gives opinions on paper: the registry's first, or a 公职律师 entered now. */
async function advisorInTerm(ctx: Ctx, legal: Actor): Promise<string> {
  const today = ctx.clock.today();
  const [a] = await ctx.db
    .select({ id: legalAdvisors.id })
    .from(legalAdvisors)
    .where(
      and(
        eq(legalAdvisors.departmentId, legal.departmentId),
        isNull(legalAdvisors.userId),
        lte(legalAdvisors.termStart, today),
        gte(legalAdvisors.termEnd, today),
      ),
    )
    .limit(1);
  if (a) return a.id;
  const year = Number(today.slice(0, 4));
  const created = await createAdvisor(ctx, legal, {
    kind: 'governmentLawyer',
    name: '孙敏',
    affiliation: '示范市科学技术局政策法规科 公职律师',
    licenceNumber: '23416201810000518',
    termStart: `${year}-01-01`,
    termEnd: `${year + 2}-12-31`,
  });
  return created.id;
}

/**
 * The legal office has the review's open matter given a 公职律师's opinion (on paper, entered by the
 * office): Art 28 asks for it before the conclusion. Returns the matter.
 */
async function advise(ctx: Ctx, legal: Actor, caseId: string): Promise<string> {
  const matter = (await mattersOfSubject(ctx.db, caseId)).at(-1)!;
  const advisorId = await advisorInTerm(ctx, legal);
  await assignReviewers(ctx, legal, matter.id, { advisorIds: [advisorId] });
  const [assignment] = await ctx.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(eq(reviewAssignments.matterId, matter.id), eq(reviewAssignments.advisorId, advisorId)),
    );
  await giveOpinion(ctx, legal, matter.id, {
    body: '决策事项属于本机关法定权限，草案履行了公众参与程序，内容未发现与上位法相抵触。',
    assignmentId: assignment.id,
  });
  return matter.id;
}

export async function driveDecision(
  base: Ctx,
  who: DecisionActors,
  o: KitOptions,
): Promise<DecisionRow> {
  const clock = fixedClock(noon(o.startOn));
  const ctx: Ctx = { ...base, clock };
  const cal = ctx.calendar.current();
  const go = (d: string) => clock.set(noon(d));
  const input: StartInput = {
    proposer: '高新技术科',
    proposerKind: 'department',
    undertakingUnit: '高新技术科',
    problem: '需要解决的主要问题',
    reasonsAndBasis: '《中华人民共和国科学技术进步法》',
    initialPlan: '初步方案',
    necessity: '必要且可行',
    confidential: false,
    technical: false,
    riskRelevant: false,
    concernsMarket: false,
    hearingPlanned: false,
    partyReportRequired: false,
    outsideCatalogueReason: '年度目录公布后新增的事项',
    startApprovedBy: '局长办公会',
    ...o.input,
  };
  let d = await startDecision(ctx, who.staff, input);
  d = await saveDraft(ctx, who.staff, d.id, {
    draftText: o.draftText,
    legalSort: '梳理了科学技术进步法、促进科技成果转化法及本市有关政策',
    fileIds: o.fileIds,
  });
  const when = decisionTimeline(cal, o.startOn);
  await openComment(ctx, who.staff, d.id, { startOn: o.startOn, endOn: when.commentEndOn });
  const c = (await latestFor(ctx.db, 'majorDecision', d.id))!;
  for (const body of o.comments ?? []) await submitComment(ctx, c.id, { body });
  if (o.until === 'commentOpen') return d;
  go(when.reviewOn);
  const today = when.reviewOn;
  await closeComment(ctx, who.staff, d.id);
  for (const k of await listComments(ctx.db, c.id))
    await dispose(
      ctx,
      who.staff,
      d.id,
      k.id,
      k.seq % 2
        ? { disposition: 'adopted' }
        : { disposition: 'partlyAdopted', reason: '部分内容已在配套细则中规定' },
    );
  await publishFeedback(ctx, who.staff, d.id);
  await summarizeParticipation(ctx, who.staff, d.id, {
    adoptionSummary: '对收到的意见逐条研究，合理意见已吸收到决策草案中。',
  });
  if (o.until === 'participated') return d;
  if (input.technical) {
    await formAct(ctx, who.staff, d.id, 'addExpert', today, {
      name: '张教授',
      kind: 'expert',
      affiliation: '示范大学',
      field: '科技管理',
      hasConflict: false,
      declaration: '本人与决策事项无直接利害关系',
      declaredOn: today,
    });
    await formAct(ctx, who.staff, d.id, 'expertOpinion', today, {
      method: 'meeting',
      heldOn: today,
      organiser: '示范市科技咨询中心',
      experts: '张教授等5位专家',
      opinion: '方案必要、可行、科学',
      signedAndSealed: true,
    });
    await formAct(ctx, who.staff, d.id, 'expertAdoption', today, {
      adoptionSummary: '专家意见全部采纳',
    });
  }
  if (input.riskRelevant) {
    await formAct(ctx, who.staff, d.id, 'riskAssessment', today, {
      assessor: '示范市社会稳定风险评估中心',
      thirdParty: true,
      departmentsHeard: '已听取财政、市场监管部门意见',
      riskPoints: '资金使用风险',
      countermeasures: '分期拨付、绩效评价',
      contingencyPlan: '暂停拨付预案',
      riskLevel: 'low',
      controllable: 'controllable',
    });
  }
  await submitLegalReview(ctx, who.staff, d.id, {
    materials: '决策草案、制定依据、履行决策程序的说明',
    requestedBy: when.requestedBy,
  });
  if (o.until === 'underReview') return d;
  go(when.concludeOn);
  const matterId = await advise(ctx, who.legal, d.caseId);
  if (o.revisedDraftText) {
    await concludeMatter(ctx, who.legal, matterId, {
      conclusion: 'unlawful',
      opinion: '决策草案设定的条件缺乏法律依据。',
    });
    await saveDraft(ctx, who.staff, d.id, {
      draftText: o.revisedDraftText,
      legalSort: '同上',
      revisionNote: '根据合法性审查意见修改',
    });
    await submitLegalReview(ctx, who.staff, d.id, {
      materials: '修改后的决策草案',
      requestedBy: cal.addWorkdays(when.concludeOn, 7),
    });
    await concludeMatter(ctx, who.legal, await advise(ctx, who.legal, d.caseId), {
      conclusion: 'lawful',
      opinion: '修改后的决策草案符合法定权限和程序，内容合法。',
    });
  } else
    await concludeMatter(ctx, who.legal, matterId, {
      conclusion: 'lawful',
      opinion: '决策草案符合法定权限和程序，内容合法。',
    });
  if (o.until === 'reviewed') return d;
  const { meetingOn } = when;
  const m = await createMeeting(ctx, who.staff, {
    kind: 'directorsOffice',
    meetingOn,
    location: '局第一会议室',
    chair: '局长',
  });
  await submitToMeeting(ctx, who.staff, d.id, {
    meetingId: m.id,
    isPublic: true,
    publicSummary: `研究${d.title}`,
  });
  await publishAgenda(ctx, who.staff, m.id);
  if (o.until === 'submitted') return d;
  go(meetingOn);
  await recordHeld(ctx, who.staff, m.id, {
    attendees: '局长、副局长、各科室负责人',
    publicAttendees: [{ name: '赵某', identity: '企业代表' }],
    minutes: `会议研究了${d.title}，同意实施。`,
  });
  await decide(ctx, who.leader, d.id, {
    meetingId: m.id,
    discussion: '与会人员充分发表意见，一致同意',
    headOpinion: '同意实施',
    differsFromMajority: false,
    dissent: '无',
    decision: 'adopted',
    executionUnit: input.undertakingUnit,
  });
  if (o.until === 'decided') return d;
  if (input.partyReportRequired)
    await formAct(ctx, who.leader, d.id, 'partyReport', meetingOn, {
      reportedTo: '中共示范市科学技术局党组',
      reportedOn: meetingOn,
      reply: '同意',
    });
  go(when.publishOn);
  // 条例第十七条: the legal office's officer, named by the drafter, reviews the decision for secrets.
  await askSecrecyReview(ctx, who.staff, d.caseId, { reviewerId: who.legal.userId });
  await decideSecrecyReview(ctx, who.legal, d.caseId, {
    approve: true,
    opinion: '不涉及国家秘密、工作秘密，同意公开。',
  });
  // The meeting adopted the draft as consulted on; the published text drops the 征求意见稿 marking (Art 32).
  const adoptedText = (o.revisedDraftText ?? o.draftText).replace(/（征求意见稿）|征求意见稿/g, '');
  return publishDecision(ctx, who.staff, d.id, {
    adoptedText,
    adoptionExplanation: '公众意见和专家论证意见的采纳情况已随决策一并公布。',
    interpretation: `${d.title}的出台背景、主要内容和政策要点解读：本决策旨在进一步激发创新活力。`,
  });
}
