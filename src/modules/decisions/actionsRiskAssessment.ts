/**
 * 重大行政决策程序暂行条例 第二章第四节 风险评估 (Arts 22–24): the risk assessment report; and the
 * 公平竞争审查 a draft touching market activity undergoes (公平竞争审查制度) before the legal review.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { flag, gates } from './gates.ts';
import { drafting, long, opts, text, yes } from './actionFields.ts';

export function riskAssessmentActions(): ActionDef[] {
  return [
    {
      // Arts 22–24: report with risk points, countermeasures and a contingency plan; departments heard.
      code: 'riskAssessment',
      label: '风险评估',
      roles: ['staff'],
      statuses: drafting,
      requires: [gates.draft],
      fields: [
        text('assessor', '评估单位', true),
        yes('thirdParty', '是否委托第三方评估'),
        text('methods', '评估方式', false, '舆情跟踪、重点走访、会商分析等'),
        long('departmentsHeard', '听取有关部门意见情况', true),
        long('riskPoints', '风险点', true),
        long('countermeasures', '风险防范措施', true),
        long('contingencyPlan', '处置预案', true),
        {
          name: 'riskLevel',
          label: '风险等级',
          type: 'select',
          required: true,
          options: opts(['low', '低风险'], ['medium', '中风险'], ['high', '高风险']),
        },
        {
          name: 'controllable',
          label: '评估结论',
          type: 'select',
          required: true,
          options: opts(
            ['controllable', '风险可控'],
            ['controllableAfterAdjustment', '调整决策草案后风险可控'],
            ['uncontrollable', '风险不可控'],
          ),
        },
        text(
          'existingAssessment',
          '已按有关规定开展的评估',
          false,
          '已评估的风险不作重复评估（条例第二十二条）',
        ),
      ],
    },
    {
      code: 'fairCompetitionReview',
      label: '公平竞争审查',
      roles: ['staff', 'legalOfficer'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: flag('concernsMarket'),
          code: 'not_market',
          message: '决策草案不涉及市场主体经济活动，无需公平竞争审查',
        },
      ],
      fields: [
        {
          name: 'conclusion',
          label: '审查结论',
          type: 'select',
          required: true,
          options: opts(
            ['pass', '符合公平竞争审查标准'],
            ['passAfterRevision', '修改后符合公平竞争审查标准'],
            ['fail', '不符合公平竞争审查标准'],
          ),
        },
        long('opinion', '审查意见'),
      ],
    },
  ];
}
