/**
 * Demo 信访事项, dated back from today in calendar days (the 条例's periods are 日), so they are valid on
 * every day: one answered in time, one just registered (in 我的待办). `history` adds a few more. They are
 * registered oldest first, so that each year's 信〔年〕N号 follow the dates of receipt.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerPetition } from './intake.ts';
import { actOnPetition } from './service.ts';

export const addDaysIso = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPetitions(
  ctx: Ctx,
  staff: Actor,
  opts: { history: boolean },
): Promise<void> {
  const today = ctx.clock.today();
  const answered = async (daysAgo: number, name: string, content: string) => {
    const received = addDaysIso(today, -daysAgo);
    const p = await registerPetition(ctx, staff, {
      channel: 'letter',
      source: 'direct',
      receivedOn: received,
      petitioner: { name, phone: '13800138000', address: '示范市示范区人民路1号' },
      content,
    });
    await actOnPetition(ctx, staff, p.id, {
      action: 'accept',
      on: addDaysIso(received, 3),
      noticeText: '你的信访事项已收悉，本机关依法受理，将在60日内办理并书面答复。',
    });
    await actOnPetition(ctx, staff, p.id, {
      action: 'classify',
      on: addDaysIso(received, 3),
      category: 'suggestion',
    });
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
  if (opts.history) {
    for (let i = 5; i >= 0; i--) await answered(60 + i * 45, HISTORY[i].name, HISTORY[i].content);
  }
  await answered(30, '王五', '建议在科技项目申报服务窗口增设老年人和残疾人办事绿色通道。');
  await registerPetition(ctx, staff, {
    channel: 'visit',
    source: 'direct',
    receivedOn: addDaysIso(today, -2),
    petitioner: { name: '赵六', phone: '13900139000' },
    content: '反映所在单位未按规定兑现职务科技成果转化奖励，请求督促落实。',
  });
}

/** Letters a 科技局 receives in a year. */
const HISTORY = [
  { name: '孙某', content: '建议简化市级科技计划项目验收材料，减少重复提交。' },
  { name: '周某', content: '反映科技创新券兑付周期较长，请求加快办理。' },
  { name: '吴某', content: '建议在县区设立科技成果转化服务站点。' },
  { name: '郑某', content: '反映某孵化器入驻企业遴选程序不公开，请求核查。' },
  { name: '冯某', content: '建议加大对科技型小微企业研发费用的补助力度。' },
  { name: '陈某', content: '反映高新技术企业认定申报系统操作指引不清晰，建议完善。' },
];
