/**
 * 重大行政决策程序暂行条例 第二章第三节 专家论证 (Arts 19–21): the experts and agencies chosen, their
 * opinions and how the opinions were adopted.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { gates } from './gates.ts';
import { date, drafting, long, opts, text, yes } from './actionFields.ts';

export function expertReviewActions(): ActionDef[] {
  return [
    {
      // Art 20: professional, representative and neutral; never an expert or agency with a direct interest.
      code: 'addExpert',
      label: '遴选论证专家',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: { not: { data: 'hasConflict', eq: true } },
          code: 'expert_conflict',
          message: '不得选择与决策事项有直接利害关系的专家、专业机构（条例第二十条）',
        },
      ],
      fields: [
        text('name', '专家或专业机构名称', true),
        {
          name: 'kind',
          label: '类别',
          type: 'select',
          required: true,
          options: opts(['expert', '专家'], ['agency', '专业机构']),
        },
        text('affiliation', '工作单位或资质', true),
        text('field', '专业领域', true),
        yes('hasConflict', '是否与决策事项有直接利害关系'),
        long('declaration', '无利害关系声明', true),
        date('declaredOn', '声明日期'),
      ],
    },
    {
      code: 'expertOpinion',
      label: '专家论证',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        {
          when: { done: 'addExpert' },
          code: 'no_experts',
          message: '尚未遴选论证专家或专业机构（条例第二十条）',
        },
        // Art 19 ¶2: written opinions are signed (experts) and sealed (agencies).
        {
          when: {
            not: {
              all: [
                { data: 'method', in: ['written', 'commissioned'] },
                { data: 'signedAndSealed', eq: false },
              ],
            },
          },
          code: 'opinion_unsigned',
          message: '提供书面论证意见的，应当署名、盖章（条例第十九条）',
        },
      ],
      fields: [
        {
          name: 'method',
          label: '论证方式',
          type: 'select',
          required: true,
          options: opts(
            ['meeting', '论证会'],
            ['written', '书面咨询'],
            ['commissioned', '委托咨询论证'],
          ),
        },
        date('heldOn', '论证日期'),
        text('organiser', '组织或承担论证的单位', true),
        long('experts', '参加论证的专家、专业机构', true),
        long('opinion', '论证意见（必要性、可行性、科学性）', true),
        yes('signedAndSealed', '书面论证意见已署名、盖章'),
      ],
      dateRules: [
        {
          from: { field: 'heldOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'not_yet_held',
          message: '论证尚未进行，不能记录论证意见',
        },
      ],
    },
    {
      code: 'expertAdoption',
      label: '专家论证意见研究采纳情况',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        {
          when: { done: 'expertOpinion' },
          code: 'no_expert_opinion',
          message: '尚未取得专家论证意见（条例第十九条）',
        },
      ],
      fields: [long('adoptionSummary', '专家论证意见的研究采纳情况', true)],
    },
  ];
}
