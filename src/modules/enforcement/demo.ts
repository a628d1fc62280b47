/**
 * Demo of 行政执法, through the module's services, valid on every day: dates derive from today on the
 * calendar. Small: six officers (one certificate expiring within the notice window, one suspended), three
 * inspection items and the enforcement information published, twelve targets, one published plan drawn,
 * two inspections recorded and one published.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import { addConflict, addDays, createOfficer, recordTraining } from './officers.ts';
import { createItem, publishInfo, publishItems } from './catalogue.ts';
import { importTargets, withCheck } from './targets.ts';
import { advancePlan, createPlan } from './plans.ts';
import { commitDraw, executeDraw } from './draws.ts';
import { listInspections, publishInspection, recordInspection } from './inspections.ts';

/** The last working day strictly before `day`. */
function workdayBefore(cal: Calendar, day: string): string {
  let d = addDays(day, -1);
  while (!cal.isWorkday(d)) d = addDays(d, -1);
  return d;
}

const COMPANIES = [
  '示范高新科技有限公司',
  '示范生物医药有限公司',
  '示范实验动物中心',
  '示范智能装备有限公司',
  '示范新材料股份有限公司',
  '示范软件技术有限公司',
  '示范检测认证有限公司',
  '示范光电科技有限公司',
  '示范电子信息有限公司',
  '示范科技企业孵化器有限公司',
  '示范医疗器械有限公司',
  '示范农业科技有限公司',
];
export const demoCreditCode = (i: number) =>
  withCheck(`9134010${String(7_000_000 + i).padStart(8, '0')}MA`.slice(0, 17));

export const DEMO_INFO = {
  bodies:
    '示范市科学技术局，依据《中华人民共和国科学技术进步法》等法律法规，在法定职权范围内实施行政检查和行政处罚。',
  powers:
    '对科技计划项目承担单位、实验动物生产和使用单位、科技企业孵化器等实施监督检查；对违法行为依法实施行政处罚。',
  procedures:
    '行政检查由两名以上持有效执法证的执法人员实施，出示执法证件，制作检查记录；行政处罚依照《中华人民共和国行政处罚法》规定的程序实施。',
  flowSteps: [
    '制定年度抽查计划',
    '随机抽取检查对象和执法检查人员',
    '实施现场检查并制作检查记录',
    '录入检查结果',
    '检查结束后20个工作日内公示结果',
    '发现违法行为的依法移交立案',
  ],
  discretion:
    '《示范市科学技术局行政处罚裁量基准》（2024年版），按违法情节轻微、一般、严重分档确定处罚幅度。',
  remedies:
    '对行政处罚决定不服的，可以自收到决定书之日起60日内向示范市人民政府申请行政复议，或者自收到决定书之日起6个月内向人民法院提起行政诉讼。',
};

export async function seedDemoEnforcement(
  ctx: Ctx,
  staff: Actor,
  opts: { history: boolean },
): Promise<void> {
  const actor: Actor = {
    ...staff,
    roles: [...new Set([...staff.roles, 'staff', 'leader', 'legalOfficer'] as const)],
  };
  const today = ctx.clock.today();
  const cal = ctx.calendar.current();
  const year = Number(today.slice(0, 4));
  const people: Array<[string, string, number, 'active' | 'suspended']> = [
    ['王明', '3401000101', 1100, 'active'],
    ['李强', '3401000102', 1100, 'active'],
    ['张伟', '3401000103', 900, 'active'],
    ['刘洋', '3401000104', 900, 'active'],
    ['陈静', '3401000105', 45, 'active'],
    ['赵磊', '3401000106', 700, 'suspended'],
  ];
  const officers = [];
  for (const [name, no, days, status] of people) {
    const o = await createOfficer(ctx, actor, {
      name,
      certificateNo: `皖${no}`,
      issuingBody: '示范省人民政府',
      field: '科技',
      validFrom: addDays(today, -800),
      validTo: addDays(today, days),
      status,
    });
    await recordTraining(ctx, actor, o.id, year, name === '张伟' ? 24 : 42);
    officers.push(o);
  }
  await addConflict(ctx, actor, officers[1].id, {
    creditCode: demoCreditCode(0),
    kind: 'relative',
    note: '配偶在该单位任职',
  });
  const items = [
    await createItem(ctx, actor, {
      name: '科技计划项目实施情况检查',
      legalBasis: '《中华人民共和国科学技术进步法》第九十四条',
      method: '现场检查、书面检查',
      subject: '示范市科学技术局',
      ratio: 5,
      kind: 'general',
    }),
    await createItem(ctx, actor, {
      name: '实验动物生产、使用许可事中事后监管',
      legalBasis: '《实验动物管理条例》第二十八条',
      method: '现场检查',
      subject: '示范市科学技术局',
      ratio: 30,
      kind: 'key',
    }),
    await createItem(ctx, actor, {
      name: '科技企业孵化器运营情况检查',
      legalBasis: '《科技企业孵化器管理办法》第十七条',
      method: '现场检查',
      subject: '示范市科学技术局',
      ratio: 10,
      kind: 'general',
    }),
  ];
  await publishItems(ctx, actor);
  await publishInfo(ctx, actor, DEMO_INFO);
  const csv = [
    '统一社会信用代码,名称,地址,行业类别,风险等级',
    ...COMPANIES.map(
      (n, i) =>
        `${demoCreditCode(i)},${n},示范市高新区创新大道${i + 1}号,${i % 3 === 2 ? '实验动物' : '科技服务'},${i % 4 === 0 ? '高' : '低'}`,
    ),
  ].join('\n');
  await importTargets(ctx, actor, { name: '检查对象名录.csv', content: Buffer.from(csv, 'utf8') });

  // This year's plan (the year of 40 days ago, so it has begun whatever today is).
  const planYear = Number(addDays(today, -40).slice(0, 4));
  const plan = await createPlan(ctx, actor, {
    year: planYear,
    name: `${planYear}年度科技领域“双随机、一公开”抽查计划`,
    itemIds: [items[1].id, items[2].id],
    scope: '全市实验动物生产使用单位和科技企业孵化器',
    ratio: 30,
    frequency: '每年1次',
    startOn: `${planYear}-01-01`,
    endOn: `${planYear}-12-31`,
    orgId: staff.orgId,
    stratify: 'category',
  });
  await advancePlan(ctx, actor, plan.id, 'approved');
  await advancePlan(ctx, actor, plan.id, 'published');
  const draw = await commitDraw(ctx, actor, plan.id);
  await executeDraw(ctx, actor, draw.id);
  const { items: drawn } = await listInspections(ctx, actor, {
    drawId: draw.id,
    page: 1,
    pageSize: 50,
  });
  const day = workdayBefore(cal, today);
  if (drawn[0]) {
    await recordInspection(ctx, actor, drawn[0].id, {
      inspectedOn: day,
      endedOn: day,
      findings: '现场检查实验动物设施运行记录、从业人员培训记录，未发现违法违规问题。',
      result: 'noProblem',
    });
    await publishInspection(ctx, actor, drawn[0].id);
  }
  if (drawn[1])
    await recordInspection(ctx, actor, drawn[1].id, {
      inspectedOn: day,
      endedOn: day,
      findings: '孵化器在孵企业台账未及时更新，入驻协议缺少退出条款。',
      result: 'rectify',
    });
  // With history (npm start) nothing more: results of past years could only be published today, i.e. late.
  void opts;
}
