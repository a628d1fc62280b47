/**
 * Demo 权责清单 (npm start only): a few items of a 科技局 list added at the start of last year, one
 * adjusted and one cancelled during it, and last year's monthly counts (外国人来华工作许可 429宗);
 * every date is inside last year, so the demo is valid whatever the start date.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { PowerInput } from './categories.ts';
import { addPower, adjustPower, cancelPower } from './service.ts';
import { recordCount } from './counts.ts';

const BODY = '示范市科学技术局';
const common = {
  implementingBody: BODY,
  hotline: '0000-12345678',
  accountability:
    '因不履行或不正确履行职责，有下列情形的，行政机关及相关工作人员应承担相应责任：对符合条件的申请不予受理、不予批准或者不在法定期限内作出决定的；违反法定程序实施的；其他违反法律法规规章规定的。',
};
export const DEMO_POWERS: PowerInput[] = [
  {
    ...common,
    code: '000105001000',
    name: '外国人来华工作许可',
    category: 'licensing',
    basis:
      '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件第373项；《外国人在中国就业管理规定》第五条',
    handlingOrg: '外国专家服务科',
    duties: '1.受理责任；2.审查责任；3.决定责任；4.送达责任；5.事后监管责任',
    timeLimit: '10个工作日',
  },
  {
    ...common,
    code: '000105002000',
    name: '技术合同认定登记',
    category: 'confirmation',
    basis: '《中华人民共和国促进科技成果转化法》第三十六条；《技术合同认定登记管理办法》第三条',
    handlingOrg: '成果转化科',
    duties: '1.受理责任；2.审查责任；3.登记责任',
    timeLimit: '5个工作日',
  },
  {
    ...common,
    code: '000101003000',
    name: '对科学技术活动违规行为的行政处罚',
    category: 'penalty',
    basis: '《中华人民共和国科学技术进步法》第一百一十二条',
    handlingOrg: '政策法规科',
    duties: '1.立案责任；2.调查责任；3.审查责任；4.告知责任；5.决定责任；6.执行责任',
    timeLimit: '立案之日起90日',
  },
  {
    ...common,
    code: '000108004000',
    name: '科学技术奖励',
    category: 'reward',
    basis: '《国家科学技术奖励条例》第二条；《示范市科学技术奖励办法》第三条',
    handlingOrg: '高新技术科',
    duties: '1.组织责任；2.评审责任；3.公示责任；4.授奖责任',
    timeLimit: '按年度评审安排',
  },
  {
    ...common,
    code: '000106005000',
    name: '对科技计划项目实施情况的检查',
    category: 'inspection',
    basis: '《中华人民共和国科学技术进步法》第九十五条',
    handlingOrg: '高新技术科',
    duties: '1.检查责任；2.处置责任；3.信息公开责任',
    timeLimit: '按年度检查计划',
  },
];

export async function seedPowersDemo(ctx: Ctx, staff: Actor, history: boolean): Promise<void> {
  if (!history) return;
  const y = Number(ctx.clock.today().slice(0, 4)) - 1;
  const ids: string[] = [];
  for (const p of DEMO_POWERS)
    ids.push(
      await addPower(ctx, staff, p, {
        basis: `示范市人民政府办公室关于公布${y}年市级部门权责清单的通知`,
        effectiveOn: `${y}-01-10`,
      }),
    );
  await adjustPower(
    ctx,
    staff,
    ids[0],
    { timeLimit: '5个工作日' },
    { basis: '优化营商环境，压缩审批时限', effectiveOn: `${y}-06-18` },
  );
  await cancelPower(ctx, staff, ids[4], {
    basis: '并入“双随机、一公开”监管事项',
    effectiveOn: `${y}-09-01`,
  });
  const monthly = [31, 28, 39, 36, 35, 38, 40, 33, 37, 36, 34, 42]; // 429 in all
  for (const [i, count] of monthly.entries())
    await recordCount(ctx, staff, ids[0], { year: y, month: i + 1, count });
  await recordCount(ctx, staff, ids[1], { year: y, month: 0, count: 186 }, '年度导入');
}
