/**
 * The acts after the collective deliberation (RULES §2.3 steps 6–9): 统一登记编号, 公开发布, 报送备案
 * and the oversight body's 备案审查 with its 纠错 (国办发〔2018〕37号 有备必审、有错必纠).
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { adopted } from './procedureGates.ts';

export function publicationActions(): ActionDef[] {
  return [
    {
      code: 'assignNumber',
      label: '统一登记编号',
      roles: ['staff'],
      requires: [{ when: adopted, code: 'not_adopted', message: '未经集体审议通过，不得登记编号' }],
      once: { message: '文件已统一登记编号' },
      fields: [
        {
          name: 'docNumber',
          label: '文号',
          type: 'text',
          required: true,
          help: '如：科规〔2025〕3号',
        },
        { name: 'registrationNumber', label: '统一登记号', type: 'text' },
      ],
    },
    {
      code: 'publish',
      label: '公开发布',
      roles: ['staff'],
      // 优化营商环境条例 Art 64 ¶2: unpublished documents cannot be a basis for administration.
      requires: [
        {
          when: { done: 'assignNumber' },
          code: 'not_numbered',
          message: '未统一登记编号，不得印发（“三统一”）',
        },
      ],
      once: { message: '文件已公开发布' },
      fields: [
        {
          name: 'channel',
          label: '发布渠道',
          type: 'text',
          required: true,
          help: '政府公报、政府网站或政务新媒体',
        },
        { name: 'effectiveOn', label: '施行日期', type: 'date' },
        { name: 'interpretation', label: '同步发布政策解读', type: 'boolean' },
        { name: 'filingDueOn', label: '备案期限', type: 'date' },
      ],
      effects: [{ status: 'published' }],
    },
    {
      code: 'file',
      label: '报送备案',
      roles: ['staff'],
      statuses: ['published'],
      fields: [
        { name: 'filedWith', label: '备案机关', type: 'text', required: true },
        { name: 'filingNo', label: '备案登记号', type: 'text' },
      ],
      // Filed is not yet 已备案: that is the oversight body's decision (acceptFiling).
      effects: [{ status: 'filed' }],
    },
    {
      code: 'acceptFiling',
      label: '准予备案',
      roles: ['oversight'],
      statuses: ['filed'],
      fields: [{ name: 'opinion', label: '审查意见', type: 'longText' }],
      effects: [{ status: 'accepted', outcome: 'filed' }],
    },
    {
      code: 'requestCorrection',
      label: '退回纠错',
      roles: ['oversight'],
      statuses: ['filed'],
      fields: [
        { name: 'correctionRequest', label: '纠错意见', type: 'longText', required: true },
        { name: 'answerDueOn', label: '纠错期限', type: 'date' },
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'answerDueOn' },
          min: { count: 1, unit: 'day' },
          code: 'correction_due_past',
          message: '纠错期限应晚于退回日期',
        },
      ],
      effects: [{ status: 'correcting' }],
    },
    {
      code: 'answerCorrection',
      label: '报告纠错情况',
      roles: ['staff'],
      statuses: ['correcting'],
      fields: [
        { name: 'answer', label: '纠错情况', type: 'longText', required: true },
        // The corrected text is a new version of the document (the filed text never changes).
        {
          name: 'correctedVersionId',
          label: '纠正后的文本（新版本）',
          type: 'text',
          required: true,
        },
      ],
      effects: [{ status: 'filed' }],
    },
  ];
}
