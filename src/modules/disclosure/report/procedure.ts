/**
 * The annual report's deadline (条例 Art 49, RULES §5.5): a department submits last year's
 * 政府信息公开工作年度报告 to the 本级主管部门 and publishes it by 1月31日. A case with a date clock.
 */
import type { ProcedureDef } from '../../../core/procedure/engine.ts';
import { withSecrecyReview } from '../secrecyReview.ts';

const REPORT: ProcedureDef = {
  code: 'disclosureAnnualReport',
  label: '政府信息公开工作年度报告',
  statuses: [
    { code: 'new', label: '待编制' },
    { code: 'drafting', label: '编制中' },
    { code: 'submitted', label: '已报送' },
    { code: 'published', label: '已公开', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { staff: '工作人员', leader: '负责人' },
  steps: [
    {
      code: 'submit',
      label: '报送并公开年度报告',
      roles: ['staff', 'leader'],
      open: { status: ['drafting', 'submitted'] },
      clock: 'submission',
    },
  ],
  actions: [
    {
      code: 'open',
      label: '开始编制',
      roles: ['staff', 'leader'],
      statuses: ['new'],
      fields: [
        { name: 'year', label: '报告年度', type: 'number', required: true },
        { name: 'dueOn', label: '报送期限', type: 'date', required: true },
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      code: 'submit',
      label: '报送主管部门',
      roles: ['staff', 'leader'],
      statuses: ['drafting'],
      fields: [{ name: 'submittedTo', label: '报送单位', type: 'text' }],
      effects: [{ status: 'submitted' }],
    },
    {
      code: 'publish',
      label: '公开年度报告',
      roles: ['staff', 'leader'],
      statuses: ['submitted'],
      fields: [{ name: 'publicationId', label: '公开信息编号', type: 'text' }],
      effects: [{ status: 'published' }],
    },
  ],
  clocks: [
    {
      code: 'submission',
      label: '年度报告报送和公开期限',
      unit: 'day',
      dueField: 'dueOn', // 1月31日 of the following year
      legalBasis: '《中华人民共和国政府信息公开条例》第四十九条',
      start: [{ action: 'open' }],
      stop: ['publish'],
    },
  ],
};

/** The submitted report (its text and tables frozen) is reviewed before it is published (条例第十七条). */
export const DISCLOSURE_ANNUAL_REPORT: ProcedureDef = withSecrecyReview(REPORT, {
  drafters: ['staff', 'leader'],
  publishAction: 'publish',
  statuses: ['submitted'],
});
