/** Response schemas of the hotline's staff API (routes.ts): they document the replies in the OpenAPI document. */
import { z } from 'zod';
import { hotlineDeadlines } from './settings.ts';
import { fieldReply } from '../../core/http/forms.ts';

// The reply is serialised as the service returns it: nothing is stripped (core/http/schema.ts).
const str = (label: string) => z.string().describe(label);
const orNull = (label: string) => z.string().nullable().describe(label);
const ticketSummary = z
  .looseObject({
    id: z.uuid().describe('编号'),
    ticketNo: str('工单编号'),
    title: str('标题'),
    kind: str('诉求类型'),
    kindLabel: str('诉求类型'),
    channelLabel: str('来源渠道'),
    receivedOn: str('受理日期'),
    dueOn: str('办理时限'),
    repliedOn: orNull('答复日期'),
    late: z.boolean().describe('超期答复'),
    satisfactionLabel: orNull('满意度'),
    citizenName: orNull('诉求人姓名（无权查看个人信息时隐去部分字符）'),
    citizenPhone: orNull('联系电话（无权查看个人信息时隐去部分字符）'),
    status: str('状态'),
    statusLabel: str('状态'),
    orgName: orNull('主办科室'),
    publishedOn: orNull('答复公开日期'),
  })
  .describe('工单');
export const listReply = z.object({
  total: z.number().int().describe('总数'),
  items: z.array(ticketSummary),
});
export const ticketReply = z
  .looseObject({
    ticket: z
      .looseObject({
        id: z.uuid().describe('编号'),
        caseId: z.uuid().describe('案件'),
        ticketNo: str('工单编号'),
        kind: str('诉求类型'),
        kindLabel: str('诉求类型'),
        channel: str('来源渠道'),
        channelLabel: str('来源渠道'),
        title: str('标题'),
        content: str('诉求内容'),
        dueOn: str('办理时限'),
        personalDataMasked: z.boolean().describe('个人信息已隐去部分字符'),
        orgName: str('主办科室'),
        coOrgNames: z.array(z.string()).describe('协办科室'),
      })
      .describe('工单'),
    today: str('今天'),
    status: str('状态'),
    statusLabel: str('状态'),
    clocks: z.array(z.unknown()).describe('期限'),
    openSteps: z.array(z.unknown()).describe('待办步骤'),
    history: z
      .array(
        z.looseObject({
          seq: z.number().int().describe('序号'),
          type: str('办理事项'),
          label: str('办理事项'),
          on: str('办理日期'),
          data: z.unknown().describe('办理内容'),
        }),
      )
      .describe('办理记录'),
    divisions: z.array(z.object({ id: z.uuid(), name: str('科室名称') })).describe('本单位科室'),
    forms: z.record(z.string(), z.array(z.unknown())).describe('各项办理的表单字段'),
    rating: z
      .object({
        score: str('评分'),
        scoreLabel: str('评分'),
        comment: orNull('评价内容'),
        ratedOn: str('评价日期'),
      })
      .nullable()
      .describe('好差评'),
    abilities: z.record(z.string(), z.boolean()).describe('可办理的操作'),
    blocked: z.unknown().describe('暂不能办理的操作及原因'),
  })
  .describe('工单办理页');
export const importReply = z.object({
  received: z.number().int().describe('收到条数'),
  created: z.number().int().describe('新建工单数'),
  duplicates: z.array(z.string()).describe('重复的工单编号'),
  errors: z
    .array(
      z.object({
        index: z.number().int().describe('序号'),
        ticketNo: z.string().nullable().describe('工单编号'),
        message: str('错误'),
      }),
    )
    .describe('未导入的工单及原因'),
});
export const ratingsReply = z.object({
  year: z.number().int().describe('年度'),
  rows: z
    .array(
      z.object({
        orgId: z.string().describe('科室'),
        orgName: str('科室名称'),
        month: str('月份'),
        total: z.number().int().describe('评价数'),
        good: z.number().int().describe('好评数'),
        bad: z.number().int().describe('差评数'),
      }),
    )
    .describe('各科室各月好差评'),
});
export const tokensReply = z.object({
  tokens: z.array(
    z.object({
      id: z.uuid().describe('编号'),
      label: str('令牌名称'),
      createdAt: str('创建时间'),
      revokedAt: orNull('停用时间'),
    }),
  ),
  forms: z
    .object({ create: z.array(fieldReply) })
    .describe('新建令牌的表单字段（ticketForms.ts TOKEN_FORMS）'),
});
export const convertReply = z.object({
  converted: z.object({
    target: str('转入程序'),
    id: z.uuid().describe('转入后的编号'),
    trackingCode: str('查询码').optional(),
  }),
  view: ticketReply,
});
export const settingsReply = hotlineDeadlines.schema;
