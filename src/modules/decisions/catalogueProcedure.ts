/**
 * 决策事项目录 as a procedure (《重大行政决策程序暂行条例》第三条第三款: 决策机关可以根据本条第一款的规定，
 * 结合职责权限和本地实际，确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整):
 * drafted (items edited freely) → agreed by the 同级党委 → published; once published it changes only
 * by an adjustment, itself agreed and then published. Each publication waits for its 保密审查 (《政府信息
 * 公开条例》第十七条), the reviewer's own act. The engine is the state machine; the catalogue tables hold
 * the record.
 */
import type { ActionDef, Cond, Gate, ProcedureDef } from '../../core/procedure/engine.ts';
import {
  SECRECY_REVIEW_ACTIONS,
  SECRECY_REVIEW_GATE,
  withSecrecyReview,
} from '../disclosure/index.ts';

const ROLES = ['staff', 'leader'];
const ART_3 = '条例第三条';

/** A catalogue is changed directly only while it is drafted (Art 3 ¶3: after publication, by an adjustment). */
const DRAFT_ONLY: Gate[] = [
  {
    when: { not: { status: 'approved' } },
    code: 'catalogue_approved',
    message: `目录已经同意，待公布，不能直接修改；公布后如需调整，请办理目录调整并公布（${ART_3}）`,
  },
  {
    when: { not: { status: 'published' } },
    code: 'catalogue_published',
    message: `目录已公布，不能直接修改；公布后如需调整，请办理目录调整并公布（${ART_3}）`,
  },
];

const CATALOGUE: ProcedureDef = {
  code: 'decisionCatalogue',
  label: '重大行政决策事项目录',
  statuses: [
    { code: 'draft', label: '草拟中' },
    { code: 'approved', label: '已经同意，待公布' },
    // Not final: adjusted in the year (Art 3 ¶3 根据实际情况调整).
    { code: 'published', label: '已公布' },
  ],
  initialStatus: 'draft',
  roleLabels: { staff: '工作人员', leader: '局领导' },
  steps: [],
  actions: [
    {
      code: 'draft',
      label: '草拟目录',
      roles: ROLES,
      once: { message: '目录已经草拟' },
      fields: [{ name: 'year', label: '年度', type: 'number', required: true }],
    },
    {
      // hasItems: whether the catalogue, after this edit, lists any item.
      code: 'editItems',
      label: '修改目录事项',
      roles: ROLES,
      requires: DRAFT_ONLY,
      fields: [{ name: 'hasItems', label: '目录中有事项', type: 'boolean', required: true }],
    },
    {
      code: 'approve',
      label: '登记同意情况',
      roles: ROLES,
      requires: [
        ...DRAFT_ONLY,
        {
          when: { last: 'editItems', field: 'hasItems', eq: true },
          code: 'no_items',
          message: '目录中还没有决策事项',
        },
      ],
      fields: [
        { name: 'approvedOn', label: '同意日期', type: 'date', required: true },
        { name: 'approvedBy', label: '同意机关', type: 'text', required: true },
        { name: 'approvalRef', label: '同意文件或会议', type: 'text' },
      ],
      effects: [{ status: 'approved' }],
    },
    {
      code: 'publish',
      label: '公布目录',
      roles: ROLES,
      requires: [
        {
          when: { not: { status: 'draft' } },
          code: 'not_approved',
          message: `决策事项目录须经同级党委同意后向社会公布（${ART_3}）；请先登记同意情况`,
        },
        { when: { notDone: 'publish' }, code: 'already_published', message: '目录已经公布' },
      ],
      effects: [{ status: 'published' }],
    },
    {
      // An adjustment is agreed like the catalogue itself (Art 3 ¶3) …
      code: 'approveAdjustment',
      label: '登记目录调整的同意情况',
      roles: ROLES,
      requires: [
        {
          when: { status: 'published' },
          code: 'not_published',
          message: '目录公布前可直接修改，无需办理调整',
        },
        {
          when: {
            not: { latest: ['approveAdjustment', 'publishAdjustment'], is: 'approveAdjustment' },
          },
          code: 'adjustment_pending',
          message: '上一次调整尚未公布',
        },
      ],
      fields: [
        { name: 'reason', label: '调整理由', type: 'text', required: true },
        { name: 'approvedOn', label: '同意日期', type: 'date', required: true },
        { name: 'approvedBy', label: '同意机关', type: 'text', required: true },
      ],
    },
    {
      // … and published in its own right, once reviewed for secrets.
      code: 'publishAdjustment',
      label: '公布目录调整',
      roles: ROLES,
      requires: [
        {
          when: { latest: ['approveAdjustment', 'publishAdjustment'], is: 'approveAdjustment' },
          code: 'adjustment_not_approved',
          message: `目录调整须经同级党委同意后向社会公布（${ART_3}）；请先登记同意情况`,
        },
      ],
    },
  ],
  clocks: [],
};

/** Something agreed awaits publication: the catalogue, or its latest adjustment. */
const awaitingPublication: Gate = {
  when: {
    any: [
      { status: 'approved' },
      { latest: ['approveAdjustment', 'publishAdjustment'], is: 'approveAdjustment' },
    ],
  },
  code: 'nothing_to_publish',
  message: '目录或目录调整经同意后、公布前提请保密审查',
};
/**
 * A review passed since what is published was agreed: the catalogue's review does not cover a later
 * adjustment, which is reviewed in its own right.
 */
const passedSinceAgreed: Cond = {
  latest: ['approve', 'approveAdjustment', ...SECRECY_REVIEW_ACTIONS],
  is: 'passSecrecyReview',
};
const REVIEW_GATE: Gate = { ...SECRECY_REVIEW_GATE, when: passedSinceAgreed };

const reviewed = withSecrecyReview(CATALOGUE, {
  drafters: ROLES,
  publishAction: 'publish',
  requires: [awaitingPublication],
});
const gated = (a: ActionDef): ActionDef => {
  const requires = (a.requires ?? []).filter((g) => g.code !== SECRECY_REVIEW_GATE.code);
  if (a.code === 'publish' || a.code === 'publishAdjustment')
    return { ...a, requires: [...requires, REVIEW_GATE] };
  if (a.code === 'requestSecrecyReview')
    return {
      ...a,
      requires: requires.map((g) =>
        g.code === 'secrecy_review_passed' ? { ...g, when: { not: passedSinceAgreed } } : g,
      ),
    };
  return a;
};

export const DECISION_CATALOGUE: ProcedureDef = {
  ...reviewed,
  actions: reviewed.actions.map(gated),
};

/** Every act goes through the catalogue service (it writes the catalogue and its publication with the act). */
export const CATALOGUE_MODULE_ACTIONS = DECISION_CATALOGUE.actions.map((a) => a.code);

/** The status labels, from the procedure (the web shows the server's). */
export const CATALOGUE_STATUS_LABELS = Object.fromEntries(
  DECISION_CATALOGUE.statuses.map((s) => [s.code, s.label]),
) as Record<'draft' | 'approved' | 'published', string>;
