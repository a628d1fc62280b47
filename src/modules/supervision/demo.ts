/** Demo 督办 tasks: one open (due in 30 days), one closed on time. Dates from today, valid every day. */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { actOnTask, assignTask } from './service.ts';

const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoSupervision(ctx: Ctx, staff: Actor): Promise<void> {
  const today = ctx.clock.today();
  await assignTask(ctx, staff, {
    title: '完善行政执法“三项制度”配套文件',
    sourceKind: 'instruction',
    assignedBy: '局主要负责人',
    orgId: staff.orgId,
    ownerName: '王晓明',
    dueOn: plus(today, 30),
    description: '梳理执法公示、全过程记录、法制审核制度并报局长办公会审议。',
  });
  const done = await assignTask(ctx, staff, {
    title: '整改巡察反馈的合同管理问题',
    sourceKind: 'inspection',
    assignedBy: '市委第三巡察组',
    orgId: staff.orgId,
    dueOn: plus(today, 10),
  });
  await actOnTask(ctx, staff, done.id, {
    action: 'progress',
    on: today,
    percent: 60,
    text: '已完成合同台账清理。',
  });
  await actOnTask(ctx, staff, done.id, {
    action: 'close',
    on: today,
    result: '已建立合同合法性审查台账，整改完成。',
  });
}
