/**
 * Demo 信访事项, dated back from today in calendar days (the 条例's periods are 日), so they are valid on
 * every day: one answered in time, one just registered (in 我的待办). `history` adds a few more.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerPetition } from './intake.ts';
import { actOnPetition } from './service.ts';

export const addDaysIso = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPetitions(ctx: Ctx, staff: Actor, opts: { history: boolean }): Promise<void> {
  const today = ctx.clock.today();
  const answered = async (daysAgo: number, name: string, content: string) => {
    const received = addDaysIso(today, -daysAgo);
    const p = await registerPetition(ctx, staff, { channel: 'letter', source: 'direct', receivedOn: received, petitioner: { name, phone: '13800138000', address: '示范市示范区人民路1号' }, content });
    await actOnPetition(ctx, staff, p.id, { action: 'accept', on: addDaysIso(received, 3), noticeText: '你的信访事项已收悉，本机关依法受理，将在60日内办理并书面答复。' });
    await actOnPetition(ctx, staff, p.id, { action: 'classify', on: addDaysIso(received, 3), category: 'suggestion' });
    await actOnPetition(ctx, staff, p.id, {
      action: 'answer',
      on: addDaysIso(received, 20),
      decision: 'explain',
      facts: '经调查核实，所反映的问题已纳入年度工作计划统筹推进。',
      opinion: '感谢你对本机关工作的关心和支持，相关建议已转有关科室研究。',
      basis: '《信访工作条例》第三十二条',
      servedOn: addDaysIso(received, 21),
    });
  };
  await answered(30, '王五', '建议在政务服务大厅增设老年人办事专窗。');
  await registerPetition(ctx, staff, { channel: 'visit', source: 'direct', receivedOn: addDaysIso(today, -2), petitioner: { name: '赵六', phone: '13900139000' }, content: '反映小区周边道路施工噪声扰民问题，请求依法处理。' });
  if (opts.history) {
    for (let i = 0; i < 6; i++) await answered(60 + i * 45, `信访人${i + 1}`, `关于第${i + 1}项便民服务的意见建议。`);
  }
}
