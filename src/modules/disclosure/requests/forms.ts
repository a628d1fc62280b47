/**
 * The request page's forms, declared once: the routes derive their bodies from them (fieldsSchema,
 * routes.ts) and the request's view sends them (queries.ts requestDetail `forms`), so the page's
 * modals (web/disclosure/requests/AnswerModals.tsx, Approvals.tsx) keep no copy of a label, a limit or
 * an option.
 */
import { choice, date, long, num, offered, sized, text } from '../../../core/procedure/fields.ts';
import { ANSWER_OUTCOMES, DELIVERY_METHODS, outcomeLabel } from '../outcomes.ts';

/** 送达方式: the answer's (optional: the applicant's asked one) and the delivery's. */
const delivery = <N extends string>(name: N) => ({
  name,
  label: '送达方式',
  type: 'select' as const,
  required: true as const,
  options: DELIVERY_METHODS,
});

export const REQUEST_FORMS = {
  /** 拟定答复并提请审签 (POST …/answer): one table 三 outcome; the service checks the code (not other1/2). */
  answer: [
    date('on', '答复日期'),
    {
      ...offered('outcome', '答复类型（年度报告表三）'),
      options: ANSWER_OUTCOMES.map((o) => ({ value: o.code, label: outcomeLabel(o) })),
    },
    sized(text('legalBasis', '法律依据'), 400),
    sized(long('reasons', '理由（不予公开、部分公开、无法提供、不予处理时必填）'), 4000),
    sized(text('replyLetterNo', '答复书编号'), 60),
    { ...delivery('delivery'), required: false as const },
  ],
  /** 发出收费通知 (POST …/fee-notice): 页数 is asked when charged by the page (按量计收). */
  fee: [
    choice('method', '计收方式', ['perRequest', '按件计收'], ['perPage', '按量计收']),
    num('pages', '页数', { min: 0, max: 1_000_000 }),
    date('on', '通知日期'),
    {
      ...date('deliveredOn', '申请人收到通知之日', false),
      help: '缴费期限为收到通知次日起20个工作日',
    },
  ],
  /** 登记送达 (POST …/delivery), 条例 Art 40. */
  delivery: [date('on', '送达日期'), delivery('method'), sized(text('note', '送达情况'), 400)],
  /** 申请延长答复期限 (POST …/extension), 条例 Art 33 ¶2: taken up by the approver. */
  extension: [
    num('workdays', '延长工作日数', { min: 1, max: 20, integer: true }, true),
    sized(long('reason', '延长理由', true), 2000, 2),
    date('on', '提请日期'),
  ],
  /** The approver's 审批 of an extension or 审签 of an answer: an opinion is required to refuse or return. */
  decision: [sized(long('opinion', '审批意见'), 2000), date('on', '审批日期')],
};
export type RequestForm = keyof typeof REQUEST_FORMS;
