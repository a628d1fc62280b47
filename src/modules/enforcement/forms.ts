/**
 * The fields of 行政执法's forms that post to routes of their own (执法人员名录, 随机抽查事项清单, 执法信息,
 * 年度抽查计划, 检查结果, 作废抽取), declared once: each route's body is derived from them
 * (apiSchemas.ts, fieldsSchema), the manifest serves them at GET /api/enforcement/forms for the web
 * forms, and the OpenAPI document and the field-named error messages take their labels and limits
 * from them. The engine's acts (procedure.ts) keep their own fields.
 */
import { choice, date, long, num, ref, sized, text, yes } from '../../core/procedure/fields.ts';
import type { FieldSpec } from '../../core/procedure/types.ts';
import { CONFLICT_LABELS, RESULT_LABELS } from './labels.ts';

const pairs = <K extends string>(labels: Record<K, string>) =>
  Object.entries(labels) as Array<[K, string]>;
// A ratio is a percentage above 0 (重点检查事项 are not capped below 100 %).
const RATIO = num('ratio', '抽查比例（%）', { min: 0.01, max: 100 }, true);
const YEAR = num('year', '年度', { min: 2000, max: 2100, integer: true }, true);

export const ENFORCEMENT_FORMS = {
  // 执法人员名录 (RULES §8.1 资格管理): the certificate and its validity.
  officer: [
    sized(text('name', '姓名', true), 50, 1),
    sized(text('certificateNo', '执法证号', true), 50, 1),
    sized(text('issuingBody', '发证机关'), 100),
    sized(text('field', '执法领域'), 100),
    date('validFrom', '有效期起'),
    date('validTo', '有效期至'),
    choice('status', '状态', ['active', '在岗'], ['suspended', '暂停'], ['revoked', '注销']),
  ],
  training: [YEAR, num('hours', '培训学时', { min: 0, max: 2000 }, true)],
  // 回避: an officer is not drawn for a target he has an interest in.
  conflict: [
    sized(text('creditCode', '统一社会信用代码', true), 18, 18),
    choice('kind', '回避情形', ...pairs(CONFLICT_LABELS)),
    sized(text('note', '说明'), 500),
  ],
  // 随机抽查事项清单 (事前公开).
  item: [
    sized(text('name', '事项名称', true), 200, 2),
    sized(long('legalBasis', '检查依据', true), 2000, 2),
    sized(text('method', '检查方式', true), 200, 1),
    sized(text('subject', '检查主体', true), 200, 1),
    RATIO,
    choice('kind', '事项类别', ['general', '一般检查事项'], ['key', '重点检查事项']),
  ],
  // 执法主体、职责、程序和救济途径 (事前公开); the flow chart is sent as its steps, one a line.
  info: [
    sized(long('bodies', '执法主体', true), 5000, 2),
    sized(long('powers', '职责权限', true), 10_000, 2),
    sized(long('procedures', '执法程序', true), 10_000, 2),
    long('flowSteps', '执法流程图', true, '每行一个步骤，每步不超过200字'),
    sized(long('discretion', '裁量基准', true), 10_000, 2),
    sized(long('remedies', '救济途径', true), 5000, 2),
  ],
  // 年度抽查计划: the items, the ratio or quantity, the period, how the draw is stratified.
  plan: [
    sized(text('name', '计划名称', true), 200, 2),
    YEAR,
    ref('itemIds', '抽查事项'),
    sized(text('scope', '检查范围'), 2000),
    text('categories', '行业类别', false, '多个用顿号分隔，空为全部'),
    RATIO,
    {
      ...num('quantity', '计划抽查数量', { min: 1, max: 1_000_000, integer: true }),
      nullable: true as const,
    },
    sized(text('frequency', '抽查频次'), 100),
    date('startOn', '开始日期'),
    date('endOn', '结束日期'),
    num('perTarget', '每户检查人员数', { min: 2, max: 10, integer: true }),
    {
      ...choice(
        'stratify',
        '分层方式',
        ['none', '不分层'],
        ['category', '按行业类别分层'],
        ['risk', '按风险等级分层'],
      ),
      required: false as const,
    },
    { ...yes('excludeLastYear', '回避上年度对同一对象的检查人员'), required: false as const },
  ],
  // 检查结果: recorded once the inspection ended; published within 20个工作日 (procedure.ts).
  record: [
    date('inspectedOn', '检查日期'),
    date('endedOn', '检查结束日期'),
    choice('result', '检查结果', ...pairs(RESULT_LABELS)),
    sized(long('findings', '检查情况', true), 20_000, 2),
  ],
  cancel: [sized(long('reason', '作废理由', true), 2000, 4)],
};

export type EnforcementForm = keyof typeof ENFORCEMENT_FORMS;
