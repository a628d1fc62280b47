/**
 * The 保密审查 before a module publishes its record (《政府信息公开条例》第十七条: 行政机关应当依照《中华人民共和国保守国家
 * 秘密法》以及其他法律、法规和国家有关规定对拟公开的政府信息进行审查; issue 13 item 11), as one procedure fragment any
 * publishing procedure carries: the drafter asks and names the reviewer — another account of the department, never
 * the drafter (publications/reviewers.ts) — the step waits in that account's 我的待办 (case_assignees), the reviewer
 * passes or returns it in their own session (secrecyReviewService.ts), and the publishing act is gated on the pass.
 * Neither the 条例 nor RULES.md sets a period: the days are the department's setting (disclosure.approval: reviewDays),
 * carried by the request as its due date.
 */
import type {
  ActionDef,
  ClockDef,
  Cond,
  Gate,
  ProcedureDef,
  StepDef,
} from '../../core/procedure/engine.ts';
import { REVIEWER } from './publications/reviewProcedure.ts';

/** The procedure role of the named reviewer (no account holds it; the service checks the account named). */
export const SECRECY_REVIEWER = REVIEWER;

/** The fragment's acts: recorded by secrecyReviewService.ts only (the procedure entry's moduleActions). */
export const SECRECY_REVIEW_ACTIONS = [
  'requestSecrecyReview',
  'passSecrecyReview',
  'returnSecrecyReview',
] as const;
export type SecrecyReviewAction = (typeof SECRECY_REVIEW_ACTIONS)[number];

const latestIs = (is: SecrecyReviewAction): Cond => ({ latest: [...SECRECY_REVIEW_ACTIONS], is });
/** A review asked and not yet decided. */
export const secrecyReviewPending: Cond = latestIs('requestSecrecyReview');
/** The latest review passed (a return, or a new request after it, undoes it). */
export const secrecyReviewPassed: Cond = latestIs('passSecrecyReview');

const BASIS = '《政府信息公开条例》第十七条；《中华人民共和国保守国家秘密法》';

/** The gate of the publishing act. */
export const SECRECY_REVIEW_GATE: Gate = {
  when: secrecyReviewPassed,
  code: 'secrecy_review_missing',
  message: '须经保密审查通过后方可公开（《政府信息公开条例》第十七条）',
};

export interface SecrecyReviewOptions {
  /** The roles that ask for the review (the record's drafters). */
  drafters: string[];
  /** The action that publishes the record: it gets the gate. */
  publishAction: string;
  /** Statuses in which the review may be asked (default: any non-final one). */
  statuses?: string[];
  /** What must be done before the text is final enough to review (e.g. the 文号 assigned). */
  requires?: Gate[];
}

/** The fragment's actions, step and clock. */
export function secrecyReviewParts(o: Omit<SecrecyReviewOptions, 'publishAction'>): {
  actions: ActionDef[];
  steps: StepDef[];
  clocks: ClockDef[];
} {
  const actions: ActionDef[] = [
    {
      code: 'requestSecrecyReview',
      label: '提请保密审查',
      roles: o.drafters,
      ...(o.statuses ? { statuses: o.statuses } : {}),
      requires: [
        ...(o.requires ?? []),
        {
          when: { not: secrecyReviewPending },
          code: 'secrecy_review_pending',
          message: '已提请保密审查，正在等待审查人审查',
        },
        {
          when: { not: secrecyReviewPassed },
          code: 'secrecy_review_passed',
          message: '已通过保密审查',
        },
      ],
      fields: [
        { name: 'reviewer', label: '保密审查人', type: 'text', required: true },
        { name: 'reviewerId', label: '保密审查人账号', type: 'text', required: true },
        { name: 'dueOn', label: '审查期限', type: 'date', required: true },
      ],
    },
    {
      code: 'passSecrecyReview',
      label: '保密审查通过',
      roles: [SECRECY_REVIEWER],
      requires: [
        {
          when: secrecyReviewPending,
          code: 'secrecy_review_none',
          message: '没有待审查的保密审查',
        },
      ],
      fields: [{ name: 'opinion', label: '审查意见', type: 'longText' }],
    },
    {
      code: 'returnSecrecyReview',
      label: '保密审查退回',
      roles: [SECRECY_REVIEWER],
      requires: [
        {
          when: secrecyReviewPending,
          code: 'secrecy_review_none',
          message: '没有待审查的保密审查',
        },
      ],
      fields: [{ name: 'reason', label: '退回理由', type: 'longText', required: true }],
    },
  ];
  const steps: StepDef[] = [
    {
      code: 'secrecyReview',
      label: '保密审查',
      roles: [SECRECY_REVIEWER],
      open: secrecyReviewPending,
      clock: 'secrecyReview',
    },
  ];
  const clocks: ClockDef[] = [
    {
      code: 'secrecyReview',
      label: '保密审查期限',
      unit: 'workday',
      dueField: 'dueOn',
      legalBasis: BASIS,
      start: [{ action: 'requestSecrecyReview' }],
      stop: ['passSecrecyReview', 'returnSecrecyReview'],
    },
  ];
  return { actions, steps, clocks };
}

/**
 * A publishing procedure with the 保密审查 spread into it: the fragment's actions, step and clock, the reviewer's
 * role label, and the gate on `publishAction`. The procedure's registry entry lists SECRECY_REVIEW_ACTIONS among
 * its moduleActions, so only the shared service records them.
 */
export function withSecrecyReview(def: ProcedureDef, o: SecrecyReviewOptions): ProcedureDef {
  if (!def.actions.some((a) => a.code === o.publishAction))
    throw new Error(`procedure ${def.code}: no action ${o.publishAction} to gate`);
  const parts = secrecyReviewParts(o);
  return {
    ...def,
    roleLabels: { ...def.roleLabels, [SECRECY_REVIEWER]: '保密审查人' },
    actions: [
      ...def.actions.map((a) =>
        a.code === o.publishAction
          ? { ...a, requires: [...(a.requires ?? []), SECRECY_REVIEW_GATE] }
          : a,
      ),
      ...parts.actions,
    ],
    steps: [...def.steps, ...parts.steps],
    clocks: [...def.clocks, ...parts.clocks],
  };
}

/** Whether a procedure carries the fragment (the shared routes serve only such cases). */
export const carriesSecrecyReview = (def: ProcedureDef): boolean =>
  def.actions.some((a) => a.code === 'requestSecrecyReview');
