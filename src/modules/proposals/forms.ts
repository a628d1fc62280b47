/**
 * The 建议提案 forms that post to routes of their own, declared once: the routes' bodies are derived
 * from them (fieldsSchema, service.ts), the list page gets LIST_FORMS from GET /api/proposals/forms (the
 * manifest's `forms`) and the proposal page gets PROPOSAL_FORMS with the proposal (service.ts
 * proposalView).
 */
import { choice, date, long, ref, sized, text } from '../../core/procedure/fields.ts';
import { CONTACT_LABELS, FEEDBACK_LABELS, KIND_LABELS, RESULT_LABELS } from './procedure.ts';

const pairs = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

export const LIST_FORMS = {
  // 交办 (代表法 Art 51): the reply is due 3 months after the day of 交办.
  create: [
    choice('kind', '类别', ...pairs(KIND_LABELS)),
    sized(text('number', '建议提案编号', true), 50, 1),
    sized(text('title', '标题', true), 200, 2),
    sized(text('proposer', '代表委员', true), 100, 1),
    sized(text('proposerContact', '代表委员联系方式', false, '仅供办理联系，不公开'), 100),
    sized(text('assignedBy', '交办机关', true), 100, 2),
    date('assignedOn', '交办日期'),
    ref('leadOrgId', '主办单位'),
    // The form offers one 协办单位; the API also takes several (coOrgIds, service.ts).
    { ...ref('coOrgId', '协办单位'), required: false },
    sized(long('content', '建议提案内容'), 50_000),
  ],
};

const on = date('on', '办理日期');
/** The proposal page's forms: the acts the engine records (`/act`), 协办意见 and 复文公开. */
export const PROPOSAL_FORMS = {
  // Art 51: the deputy is contacted before the reply (面商 recorded).
  contact: [
    on,
    choice('method', '沟通方式', ...pairs(CONTACT_LABELS)),
    sized(long('note', '沟通情况', true), 5000, 2),
  ],
  // Art 51: a wide-ranging or difficult item is answered within 6 months, with the reason.
  markDifficult: [on, sized(long('reason', '理由', true, '答复期限延至交办之日起6个月'), 2000, 2)],
  // The reply carries its result code A/B/C/D (local practice).
  reply: [
    on,
    choice('resultCode', '办理结果类别', ...pairs(RESULT_LABELS)),
    sized(long('replyText', '答复内容', true), 50_000, 10),
  ],
  feedback: [
    on,
    choice('feedback', '反馈意见', ...pairs(FEEDBACK_LABELS)),
    sized(text('note', '反馈说明'), 5000),
  ],
  // 协办 opinions go to the lead unit within 1 month of 交办.
  coOpinion: [date('on', '提出日期'), sized(long('opinion', '协办意见', true), 20_000, 2)],
  // 复文公开 (国办发〔2014〕46号): without the deputy's contact details.
  publish: [
    sized(
      long('text', '公开的答复全文', true, '须删除代表委员的联系方式、身份证号码等个人信息'),
      50_000,
      10,
    ),
  ],
};
export type ProposalForm = keyof typeof PROPOSAL_FORMS;
