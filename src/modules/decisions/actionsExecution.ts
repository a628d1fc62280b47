/**
 * 重大行政决策程序暂行条例 第四章 决策执行和调整 (Arts 34–39): execution reports, the
 * post-evaluation, suspension and resumption, adjustment and its result.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { long, opts, text, yes } from './actionFields.ts';

const afterDecision = ['implementing', 'suspended', 'readjusting'];

export function executionActions(): ActionDef[] {
  return [
    {
      // Arts 34–35: the execution unit reports progress, problems and major changes.
      code: 'executionReport',
      label: '报告决策执行情况',
      roles: ['staff'],
      statuses: afterDecision,
      fields: [
        text('unit', '决策执行单位', true),
        long('progress', '执行情况', true),
        long('problems', '存在的问题'),
        yes('majorChange', '是否存在问题或客观情况发生重大变化'),
      ],
    },
    {
      // Art 36 (the same-unit exclusion is checked by the service against the recorded 论证评估 units).
      code: 'postEvaluation',
      label: '决策后评估',
      roles: ['staff', 'leader'],
      statuses: afterDecision,
      fields: [
        {
          name: 'trigger',
          label: '评估情形',
          type: 'select',
          required: true,
          options: opts(
            ['notEffective', '实施后明显未达到预期效果'],
            ['manyObjections', '公民、法人或者其他组织提出较多意见'],
            ['deemedNecessary', '决策机关认为有必要'],
          ),
        },
        text('evaluator', '承担评估具体工作的单位', true),
        yes('thirdParty', '是否委托第三方评估'),
        long('publicHeard', '听取社会公众意见情况', true),
        long('participants', '人大代表、政协委员、人民团体等参与情况'),
        {
          name: 'conclusion',
          label: '评估结论',
          type: 'select',
          required: true,
          options: opts(['continue', '继续执行'], ['adjust', '建议调整'], ['stop', '建议停止执行']),
        },
        long('report', '评估报告摘要', true),
      ],
    },
    {
      // Art 37: only the head may suspend first, and only in an emergency of the Art 35 kind; otherwise a meeting decides.
      code: 'suspend',
      label: '中止执行',
      roles: ['leader'],
      statuses: ['implementing', 'readjusting'],
      fields: [
        long('reason', '中止执行的理由', true),
        yes('emergency', '是否情况紧急，由行政首长先行决定'),
        { ...text('decidedAt', '作出决定的会议'), requiredWhen: { data: 'emergency', eq: false } },
      ],
      effects: [{ status: 'suspended' }],
    },
    {
      code: 'resume',
      label: '恢复执行',
      roles: ['leader'],
      statuses: ['suspended'],
      fields: [long('reason', '恢复执行的理由', true), text('decidedAt', '作出决定的会议', true)],
      effects: [{ status: 'implementing' }],
    },
    {
      // Art 37: no change or stop without the statutory procedure; a major adjustment repeats it (a new decision).
      code: 'adjust',
      label: '决策调整',
      roles: ['leader'],
      statuses: ['implementing', 'suspended'],
      fields: [
        {
          name: 'kind',
          label: '调整类型',
          type: 'select',
          required: true,
          options: opts(
            ['minor', '一般调整'],
            ['major', '重大调整（重新履行决策程序）'],
            ['stop', '停止执行'],
          ),
        },
        long(
          'reason',
          '调整理由及依据',
          true,
          '决策后评估结果应当作为调整的重要依据（条例第三十六条）',
        ),
        text('decidedAt', '作出决定的会议', true),
        text('revisionId', '重新履行程序的决策编号'),
      ],
      effects: [
        { when: { data: 'kind', eq: 'major' }, status: 'readjusting' },
        { when: { data: 'kind', eq: 'stop' }, status: 'stopped', outcome: 'stopped' },
        { when: { data: 'kind', eq: 'minor' }, status: 'implementing' },
      ],
    },
    {
      code: 'revisionResult',
      label: '重大调整结果',
      roles: ['staff', 'leader'],
      statuses: ['readjusting'],
      fields: [
        {
          name: 'outcome',
          label: '结果',
          type: 'select',
          required: true,
          options: opts(
            ['superseded', '调整后的决策已公布，原决策被替代'],
            ['abandoned', '调整程序终止，原决策继续执行'],
          ),
        },
        text('revisionId', '调整后的决策编号', true),
      ],
      effects: [
        {
          when: { data: 'outcome', eq: 'superseded' },
          status: 'superseded',
          outcome: 'superseded',
        },
        { when: { data: 'outcome', eq: 'abandoned' }, status: 'implementing' },
      ],
    },
  ];
}
