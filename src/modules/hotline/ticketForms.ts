/**
 * The fields of the hotline's forms that post to routes of their own, declared once: the routes derive
 * their bodies from them (fieldsSchema), the ticket view sends the ticket page's forms, the manifest
 * serves the list page's 录入工单 form (GET /api/hotline/forms), the tokens' list sends the 新建令牌
 * form (GET /api/hotline/tokens), and the OpenAPI document and the
 * field-named error messages take their labels and limits from them. (The engine's record of each act,
 * procedure.ts, keeps its own fields: what the case history stores, not what the form asks.)
 */
import { choice, date, long, ref, sized, text } from '../../core/procedure/fields.ts';
import { CHANNELS, KINDS, SATISFACTION } from './labels.ts';

const pairs = <V extends string>(list: ReadonlyArray<{ value: V; label: string }>) =>
  list.map((x): [V, string] => [x.value, x.label]);

/** The date the act is done on: every act on a ticket starts with it. */
const on = date('on', '办理日期');
/** A reason of at least 2 characters (退单, 延期, 重办). */
const reason = <L extends string>(label: L) => sized(long('reason', label, true), 2000, 2);

/** The ticket page's acts (POST /api/hotline/tickets/:id/act, /convert, /publish). */
export const TICKET_FORMS = {
  sign: [on],
  // 2025 意见: a ticket wrongly dispatched is returned (派单异议) within the platform's window.
  dispute: [on, reason('退单理由')],
  // The divisions offered are the department's own (filled in by the view).
  assign: [
    on,
    ref('orgId', '主办科室'),
    { ...ref('coOrgId', '协办科室'), required: false as const },
  ],
  requestExtension: [on, date('dueOn', '申请延长至'), reason('延期理由')],
  approveExtension: [
    on,
    choice('decision', '审批意见', ['approved', '同意'], ['rejected', '不同意']),
    sized(long('reason', '审批说明'), 2000),
  ],
  reply: [on, sized(long('text', '答复内容', true), 20_000, 2)],
  visit: [
    on,
    choice('satisfaction', '满意度', ...pairs(SATISFACTION)),
    sized(long('note', '回访情况'), 2000),
  ],
  reopen: [on, reason('重新办理原因')],
  merge: [on, sized(text('intoTicketNo', '并入工单编号', true), 40, 3)],
  convert: [
    on,
    choice('target', '转入程序', ['disclosure', '政府信息公开申请'], ['petition', '信访事项']),
  ],
  publish: [
    sized(
      long('text', '公开的答复内容', true, '公开前请删除诉求人的姓名、电话、证件号码等个人信息'),
      20_000,
      2,
    ),
  ],
};
export type TicketForm = keyof typeof TICKET_FORMS;

/** The list page's 录入工单 (POST /api/hotline/tickets): a ticket taken down by hand. */
export const CREATE_TICKET = [
  sized(text('ticketNo', '工单编号', false, '不填则自动编号'), 40, 3),
  choice('channel', '来源渠道', ...pairs(CHANNELS)),
  choice('kind', '诉求类型', ...pairs(KINDS)),
  date('receivedOn', '受理日期'),
  sized(text('title', '标题'), 200),
  sized(long('content', '诉求内容', true), 20_000, 2),
  sized(text('location', '发生地点'), 300),
  sized(text('name', '诉求人姓名'), 50),
  sized(text('phone', '联系电话'), 30),
  {
    ...date('dueOn', '热线规定的办理时限', false),
    help: '不填则按诉求类型的办理时限计算',
  },
];

/**
 * The 系统管理员's 新建12345平台接口令牌 (POST /api/hotline/tokens), sent with the tokens
 * (GET /api/hotline/tokens): the tokens' keepers are not the tickets' readers of GET /api/hotline/forms.
 */
export const TOKEN_FORMS = {
  create: [sized(text('label', '令牌名称', true), 100, 2)],
};
