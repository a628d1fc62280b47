/**
 * 重大行政决策程序暂行条例 第二章第一节 决策启动 (Arts 10–13): the decision to start, the 决策承办单位
 * and the draft it prepares.
 */
import type { ActionDef, FieldSpec } from '../../core/procedure/engine.ts';
import { drafting, long, opts, text, yes } from './actionFields.ts';

/**
 * The fields of a saved 决策草案 (Arts 12–13), declared once: the draftPlan act records them, the
 * /draft route's body is derived from them and the web form is rendered from them.
 */
export const DRAFT_PLAN_FIELDS: FieldSpec[] = [
  {
    ...long(
      'legalSort',
      '有关法律、法规、规章和政策梳理情况',
      true,
      '条例第十二条：全面梳理与决策事项有关的法律、法规、规章和政策',
    ),
    minLength: 2,
    maxLength: 20_000,
  },
  { ...long('costBenefit', '成本效益分析'), maxLength: 20_000 },
  {
    ...long('alternatives', '备选方案', false, '有关方面存在较大分歧的，可以提出两个以上方案'),
    maxLength: 20_000,
  },
  { ...long('coordination', '与有关单位协商情况'), maxLength: 20_000 },
  { ...long('revisionNote', '修改说明'), maxLength: 5000 },
];

export function startActions(): ActionDef[] {
  return [
    {
      // Arts 10–11: the proposal (problem, reasons and basis, initial plan, necessity and feasibility),
      // the decision to start and the 决策承办单位; the scope flags decide which steps apply.
      code: 'start',
      label: '决策启动',
      roles: ['staff', 'leader'],
      statuses: ['new'],
      fields: [
        text('title', '决策事项名称', true),
        text('proposer', '建议提出方', true),
        {
          name: 'proposerKind',
          label: '建议来源',
          type: 'select',
          required: true,
          options: opts(
            ['leader', '决策机关领导人员'],
            ['department', '所属部门或内设机构'],
            ['lowerGov', '下一级人民政府'],
            ['deputy', '人大代表、政协委员'],
            ['public', '公民、法人或者其他组织'],
          ),
        },
        text('undertakingUnit', '决策承办单位（牵头）', true),
        text('coUnits', '协办单位'),
        long('problem', '拟解决的主要问题', true),
        long('reasonsAndBasis', '建议理由和依据', true),
        long('initialPlan', '解决问题的初步方案', true),
        long('necessity', '必要性、可行性', true),
        yes('inCatalogue', '是否列入年度决策事项目录'),
        {
          ...long('outsideCatalogueReason', '目录外启动的理由'),
          requiredWhen: { data: 'inCatalogue', eq: false },
        },
        yes(
          'confidential',
          '是否依法不予公开的决策事项',
          '依法不予公开的，不向社会公开征求意见，决策不予公布（条例第十四条、第三十二条）',
        ),
        {
          ...long('confidentialReason', '不予公开的依据'),
          requiredWhen: { data: 'confidential', eq: true },
        },
        yes('technical', '是否专业性、技术性较强（需专家论证）'),
        yes('riskRelevant', '是否可能对社会稳定、公共安全等造成不利影响（需风险评估）'),
        yes('concernsMarket', '是否涉及市场主体经济活动（需公平竞争审查）'),
        yes('hearingPlanned', '是否召开听证会'),
        yes('partyReportRequired', '出台前是否需向同级党委请示报告'),
        { ...text('startApprovedBy', '决定启动的领导或会议'), requiredUnlessRole: ['leader'] },
        text('revisionOf', '重大调整的原决策'),
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      // Art 12: research, a full sort of the applicable laws and policies, cost-benefit analysis as
      // needed, two or more options when views diverge; Art 13: consult the units concerned. Repeatable (revisions).
      code: 'draftPlan',
      label: '拟订决策草案',
      roles: ['staff'],
      statuses: drafting,
      fields: [
        ...DRAFT_PLAN_FIELDS,
        { name: 'version', label: '草案版本', type: 'number', min: 1 },
      ],
    },
  ];
}
