/**
 * 启动重大行政决策 (条例第十条、第十一条), declared once: POST /api/decisions derives its body from it
 * (routes.ts startBody), and the new-decision page draws it from GET /api/decisions/forms (the
 * manifest's `forms`, as `start`), filling the 年度决策事项目录 with the published catalogues' items.
 * The start act records these and what the service adds (procedure: actionsStart.ts).
 */
import { choice, long, ref, sized, text, yes } from '../../core/procedure/fields.ts';

export const START_FORM = [
  sized(text('title', '决策事项名称', true), 200, 4),
  {
    ...ref('catalogueItemId', '年度决策事项目录'),
    required: false as const,
    nullable: true as const,
    help: '目录外的事项可以启动，但须记录理由',
    placeholder: '不在目录中（目录外事项）',
  },
  // Asked (and required by the start act) only when no catalogue item is chosen.
  { ...sized(long('outsideCatalogueReason', '目录外启动的理由'), 2000), nullable: true as const },
  sized(text('proposer', '建议提出方', true), 100, 2),
  {
    ...choice(
      'proposerKind',
      '建议来源',
      ['leader', '决策机关领导人员'],
      ['department', '所属部门或内设机构'],
      ['lowerGov', '下一级人民政府'],
      ['deputy', '人大代表、政协委员'],
      ['public', '公民、法人或者其他组织'],
    ),
    required: false as const,
    default: 'department',
  },
  sized(text('undertakingUnit', '决策承办单位（牵头）', true), 100, 2),
  sized(text('coUnits', '协办单位'), 200),
  sized(long('problem', '拟解决的主要问题', true), 5000, 2),
  sized(long('reasonsAndBasis', '建议理由和依据', true), 5000, 2),
  sized(long('initialPlan', '解决问题的初步方案', true), 10_000, 2),
  sized(long('necessity', '必要性、可行性', true), 5000, 2),
  {
    ...yes(
      'confidential',
      '是否依法不予公开的决策事项',
      '依法不予公开的，不向社会公开征求意见，决策不予公布（条例第十四条、第三十二条）',
    ),
    required: false as const,
    default: false,
  },
  // Asked (and required by the start act) only for a confidential matter.
  { ...sized(text('confidentialReason', '不予公开的依据'), 2000), nullable: true as const },
  yes('technical', '是否专业性、技术性较强', '是的，应当组织专家论证（条例第十九条）'),
  yes(
    'riskRelevant',
    '是否可能对社会稳定、公共安全等造成不利影响',
    '是的，应当开展风险评估（条例第二十二条）',
  ),
  yes('concernsMarket', '是否涉及市场主体经济活动', '是的，应当进行公平竞争审查（条例第二十九条）'),
  {
    ...yes(
      'hearingPlanned',
      '是否召开听证会',
      '决策事项直接涉及切身利益或者存在较大分歧的，可以召开听证会（条例第十六条）',
    ),
    required: false as const,
    default: false,
  },
  {
    ...yes('partyReportRequired', '出台前是否需向同级党委请示报告', '条例第三十一条'),
    required: false as const,
    default: false,
  },
  {
    ...sized(
      text(
        'startApprovedBy',
        '决定启动的领导或会议',
        false,
        '决策机关决定启动决策程序（条例第十一条）；局领导本人启动的可不填',
      ),
      200,
    ),
    nullable: true as const,
  },
];
