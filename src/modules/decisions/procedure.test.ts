import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/procedure/engine.ts';
import { MAJOR_DECISION as P } from './procedure.ts';
import {
  cal,
  ROLE,
  history,
  start,
  drafted,
  participated,
  submitted,
  advised,
  lawful,
  meeting,
  onAgenda,
  decided,
  published,
  type Step,
} from './procedureTestkit.ts';

const refusals: Array<{ name: string; steps: Step[]; next: Step; code: string; message?: RegExp }> =
  [
    {
      name: 'outside the catalogue without a reason',
      steps: [],
      next: ['start', '2025-03-03', { ...start()[2], inCatalogue: false }],
      code: 'field_required',
      message: /目录外启动的理由/,
    },
    {
      name: 'comment before the draft',
      steps: [start()],
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      code: 'draft_missing',
    },
    {
      name: 'comment shorter than 30 days without a reason',
      steps: drafted(),
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-03' }],
      code: 'comment_too_short',
      message: /不少于30日.*第十五条.*2025年4月4日/,
    },
    {
      name: 'confidential matter is not put out for comment',
      steps: [
        [
          'start',
          '2025-03-03',
          { ...start()[2], confidential: true, confidentialReason: '涉及国家秘密' },
        ],
        ['draftPlan', '2025-03-04', { legalSort: '梳理' }],
      ],
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      code: 'confidential_matter',
    },
    {
      name: 'skipping public participation',
      steps: drafted(),
      next: ['submitLegalReview', '2025-03-05', { materials: '草案', requestedBy: '2025-03-20' }],
      code: 'participation_missing',
      message: /第十四条/,
    },
    // Issue 13 item 16: the 意见采纳情况 of a closed comment period is published before the summary (Art 18).
    {
      name: 'summary before the feedback is published',
      steps: participated.slice(0, -2),
      next: ['summarizeParticipation', '2025-04-07', { adoptionSummary: 'x' }],
      code: 'feedback_unpublished',
      message: /逐条处理.*第十八条/,
    },
    // Issue 13 item 9: the draft on the meeting's agenda is not put out for comment again.
    {
      name: 'comment on a draft already before the meeting',
      steps: [...lawful, ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }]],
      next: ['openComment', '2025-04-17', { startOn: '2025-04-17', endOn: '2025-05-17' }],
      code: 'on_agenda',
      message: /已提请集体讨论/,
    },
    {
      name: 'summary while the comment window is open',
      steps: [
        ...drafted(),
        ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      ],
      next: ['summarizeParticipation', '2025-03-10', { adoptionSummary: 'x' }],
      code: 'comment_running',
    },
    {
      name: 'hearing materials sent 6 days before',
      steps: drafted({ hearingPlanned: true }),
      next: [
        'hearing',
        '2025-03-20',
        {
          announcedOn: '2025-03-05',
          place: '局会议室',
          heldOn: '2025-03-20',
          participantListPublishedOn: '2025-03-10',
          participants: '甲、乙',
          materialsSentOn: '2025-03-14',
          recordConfirmed: true,
          summary: '意见',
        },
      ],
      code: 'hearing_materials_late',
      message: /7日前送达/,
    },
    {
      name: 'hearing record not signed',
      steps: drafted({ hearingPlanned: true }),
      next: [
        'hearing',
        '2025-03-20',
        {
          announcedOn: '2025-03-05',
          place: '局会议室',
          heldOn: '2025-03-20',
          participantListPublishedOn: '2025-03-10',
          participants: '甲',
          materialsSentOn: '2025-03-12',
          recordConfirmed: false,
          summary: '意见',
        },
      ],
      code: 'record_unconfirmed',
    },
    {
      name: 'planned hearing skipped',
      steps: [
        ...drafted({ hearingPlanned: true }),
        [
          'otherParticipation',
          '2025-03-06',
          { method: 'symposium', heldOn: '2025-03-06', summary: '座谈' },
        ],
      ],
      next: ['summarizeParticipation', '2025-03-07', { adoptionSummary: 'x' }],
      code: 'hearing_missing',
    },
    {
      name: 'an expert with a conflict of interest',
      steps: drafted({ technical: true }),
      next: [
        'addExpert',
        '2025-03-05',
        {
          name: '张教授',
          kind: 'expert',
          affiliation: '某大学',
          field: '科技管理',
          hasConflict: true,
          declaration: '本人系申报企业股东',
          declaredOn: '2025-03-05',
        },
      ],
      code: 'expert_conflict',
      message: /直接利害关系.*第二十条/,
    },
    {
      name: 'technical matter without expert review',
      steps: [...participated.map((s) => (s[0] === 'start' ? start({ technical: true }) : s))],
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-16' }],
      code: 'expert_review_missing',
    },
    {
      name: 'risk matter without a risk report',
      steps: [...participated.map((s) => (s[0] === 'start' ? start({ riskRelevant: true }) : s))],
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-16' }],
      code: 'risk_assessment_missing',
    },
    {
      name: 'review time below 7 working days',
      steps: participated,
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-15' }],
      code: 'review_time_too_short',
      message: /不少于7个工作日.*2025年4月16日/,
    },
    {
      name: 'discussion before the review',
      steps: participated,
      next: ['collectiveDecision', '2025-04-18', meeting],
      code: 'not_reviewed',
      message: /未经合法性审查/,
    },
    {
      name: 'discussion during the review',
      steps: submitted,
      next: ['submitToMeeting', '2025-04-08', { meetingId: 'm1' }],
      code: 'not_reviewed',
    },
    {
      name: 'review concluded without a 法律顾问 or 公职律师 opinion',
      steps: submitted,
      next: ['concludeLegalReview', '2025-04-15', { conclusion: 'lawful', opinion: '合法' }],
      code: 'advisor_opinion_missing',
      message: /法律顾问、公职律师.*第二十八条/,
    },
    {
      name: "a second review with only the first review's advisor opinion",
      steps: [
        ...advised,
        ['concludeLegalReview', '2025-04-15', { conclusion: 'unlawful', opinion: '超越法定权限' }],
        ['draftPlan', '2025-04-16', { legalSort: '重新梳理', revisionNote: '按审查意见修改' }],
        ['submitLegalReview', '2025-04-16', { materials: '修改稿', requestedBy: '2025-04-25' }],
      ],
      next: ['concludeLegalReview', '2025-04-24', { conclusion: 'lawful', opinion: '修改后合法' }],
      code: 'advisor_opinion_missing',
    },
    {
      name: 'an advisor opinion with no review running',
      steps: participated,
      next: [
        'advisorOpinion',
        '2025-04-07',
        { advisor: '周文（公职律师）', advisorKind: 'governmentLawyer' },
      ],
      code: 'no_review_pending',
    },
    {
      name: 'discussion after an unlawful finding',
      steps: [
        ...advised,
        ['concludeLegalReview', '2025-04-15', { conclusion: 'unlawful', opinion: '超越法定权限' }],
      ],
      next: ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }],
      code: 'found_unlawful',
      message: /不合法/,
    },
    {
      name: 'decision without being on a meeting agenda',
      steps: lawful,
      next: ['collectiveDecision', '2025-04-18', meeting],
      code: 'not_on_agenda',
    },
    {
      name: 'head overrides the majority without a reason',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', { ...meeting, differsFromMajority: true }],
      code: 'field_required',
      message: /在会上说明的理由/,
    },
    {
      name: 'dissent not recorded',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', { ...meeting, dissent: '' }],
      code: 'field_required',
      message: /不同意见/,
    },
    {
      name: 'publication before the party report',
      steps: decided.map((s) => (s[0] === 'start' ? start({ partyReportRequired: true }) : s)),
      next: ['publish', '2025-04-21', { channel: '门户网站', adoptionExplanation: 'x' }],
      code: 'party_report_missing',
      message: /第三十一条/,
    },
    {
      name: 'publication before the 保密审查 has passed (条例第十七条)',
      steps: decided,
      next: ['publish', '2025-04-21', { channel: '门户网站', adoptionExplanation: 'x' }],
      code: 'secrecy_review_missing',
      message: /须经保密审查通过后方可公开/,
    },
    {
      name: 'a public decision cannot be left unpublished',
      steps: decided,
      next: ['exemptPublication', '2025-04-21', { reason: '不想公布' }],
      code: 'must_publish',
    },
    {
      name: 'suspension without emergency needs a meeting',
      steps: published,
      next: ['suspend', '2025-05-06', { reason: '情况变化', emergency: false }],
      code: 'field_required',
      message: /会议/,
    },
    {
      name: 'the generic staff cannot decide',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', meeting, ['staff']],
      code: 'role_forbidden',
    },
  ];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const h = history(r.steps);
    const [type, on, data, roles] = r.next;
    const res = check(P, h, { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] }, cal);
    assert.equal(res.ok, false, `${r.name} should be refused`);
    if (!res.ok) {
      assert.equal(res.code, r.code, res.message);
      if (r.message) assert.match(res.message, r.message);
    }
  });
}
