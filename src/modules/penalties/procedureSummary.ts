/** 行政处罚法 Ch. V §1 (简易程序, Arts 51–52) as the engine's second 行政处罚 procedure. */
import { defineProcedure } from '../../core/procedure/engine.ts';
import { HANDLERS, amountFields } from './procedureGates.ts';

/**
 * 简易程序 (Arts 51–52): 当场作出 a warning or a fine within ¥200 (citizen) / ¥3,000 (organisation) —
 * checked by the service — then 报所属行政机关备案, payment and 结案.
 */
export const PENALTY_SUMMARY = defineProcedure({
  code: 'penaltySummary',
  label: '行政处罚（简易程序）',
  statuses: [
    { code: 'new', label: '待决定' },
    { code: 'decided', label: '已当场处罚' },
    { code: 'closed', label: '已结案', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { officer: '执法人员', staff: '承办科室工作人员', leader: '行政机关负责人' },
  steps: [
    {
      code: 'fileRecord',
      label: '当场处罚决定报所属行政机关备案',
      roles: HANDLERS,
      open: { all: [{ status: 'decided' }, { notDone: 'fileRecord' }] },
    },
    {
      code: 'close',
      label: '结案',
      roles: HANDLERS,
      open: { all: [{ status: 'decided' }, { done: 'fileRecord' }] },
    },
  ],
  actions: [
    {
      code: 'decideOnSpot',
      label: '当场作出行政处罚决定',
      roles: HANDLERS,
      statuses: ['new'],
      fields: [
        ...amountFields,
        { name: 'decisionNo', label: '决定书编号', type: 'text', required: true },
        { name: 'partyName', label: '当事人', type: 'text', required: true },
      ],
      effects: [{ status: 'decided', outcome: 'penalty' }],
    },
    {
      code: 'fileRecord',
      label: '报所属行政机关备案',
      roles: HANDLERS,
      statuses: ['decided'],
      once: { message: '已备案' },
    },
    {
      code: 'close',
      label: '结案',
      roles: HANDLERS,
      statuses: ['decided'],
      requires: [
        {
          when: { done: 'fileRecord' },
          code: 'not_filed',
          message: '当场作出的行政处罚决定应当报所属行政机关备案（行政处罚法第五十二条）',
        },
      ],
      fields: [{ name: 'note', label: '执行情况', type: 'longText', required: true }],
      effects: [{ status: 'closed' }],
    },
  ],
  clocks: [],
  outcomes: [{ code: 'penalty', label: '给予行政处罚' }],
});
