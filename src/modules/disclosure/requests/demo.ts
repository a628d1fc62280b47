/** Demo 依申请公开 requests, received through the request service like real ones (online applications entered by staff). */
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { receiveRequest, type ApplicantInput } from './intake.ts';

/** Requests received 22, 18, 10 and 2 working days ago: one overdue, one due soon, two running. */
export async function seedDemoRequests(ctx: Ctx, staff: Actor, orgId: string): Promise<void> {
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const list: Array<{ ago: number; channel: string; applicant: ApplicantInput }> = [
    {
      ago: 22,
      channel: 'online',
      applicant: {
        applicantKind: 'legalPerson',
        orgType: 'business',
        name: '某科技有限公司',
        creditCode: '91341600MA2XXXXX1A',
        phone: '0558-5000001',
        address: '示范市高新区创新大道1号',
        description: '申请公开2024年度市级科技计划项目立项清单及资助金额',
        form: 'paper',
        delivery: 'post',
      },
    },
    {
      ago: 18,
      channel: 'online',
      applicant: {
        applicantKind: 'naturalPerson',
        name: '周某',
        idType: 'idCard',
        idNumber: '341600199001010011',
        phone: '13800000001',
        description: '申请公开本人申报的高新技术企业认定材料的评审意见',
        form: 'electronic',
        delivery: 'email',
        email: 'zhou@example.cn',
      },
    },
    {
      ago: 10,
      channel: 'online',
      applicant: {
        applicantKind: 'legalPerson',
        orgType: 'research',
        name: '某大学科研院',
        creditCode: '12341600MB1XXXXX2B',
        phone: '0558-5000002',
        description: '申请公开市重点实验室绩效评估办法及评估结果',
        form: 'paper',
        delivery: 'pickup',
      },
    },
    {
      ago: 2,
      channel: 'online',
      applicant: {
        applicantKind: 'naturalPerson',
        name: '孙某',
        idType: 'idCard',
        idNumber: '341600198505050022',
        phone: '13800000002',
        description: '申请公开科技型中小企业评价入库名单',
        form: 'electronic',
        delivery: 'online',
      },
    },
  ];
  for (const r of list) {
    await receiveRequest(ctx, staff, {
      applicant: r.applicant,
      receipt: { channel: r.channel, receivedOn: cal.addWorkdays(today, -r.ago) },
      orgId,
    });
  }
}
