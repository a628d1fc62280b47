/**
 * Demo 学法普法 records (npm start only): last year's 学法计划, trainings, an exam, the 普法责任清单
 * and publicity events, dated inside last year so they are valid whatever the start date. Last year's
 * 学法 sessions and 述法 entries are seeded with the report (reports/demo.ts).
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { savePlan } from './sessions.ts';
import { addExam, addTraining } from './training.ts';
import { addDuty, addEvent, completeDuty } from './pufa.ts';

const OFFICERS = ['王晓明', '李静', '张伟', '刘洋', '陈芳', '赵磊', '孙丽', '周杰'];

export async function seedStudyDemo(ctx: Ctx, staff: Actor, history: boolean): Promise<void> {
  if (!history) return;
  const y = Number(ctx.clock.today().slice(0, 4)) - 1;
  await savePlan(ctx, staff, {
    year: y,
    title: `${y}年度局党组会议会前学法计划`,
    issuedOn: `${y}-02-20`,
    preMeetingTarget: 4,
    trainingHoursTarget: 40,
    topics: [
      { quarter: 1, topic: '《中华人民共和国行政复议法》' },
      { quarter: 2, topic: '《中华人民共和国科学技术进步法》' },
      { quarter: 3, topic: '《重大行政决策程序暂行条例》' },
      { quarter: 4, topic: '《中华人民共和国宪法》' },
    ],
  });
  await addTraining(ctx, staff, {
    heldOn: `${y}-04-16`,
    title: '行政执法人员法律知识专题培训',
    organizer: '示范市司法局',
    hoursPerPerson: 16,
    participants: OFFICERS,
  });
  await addTraining(ctx, staff, {
    heldOn: `${y}-09-22`,
    title: '科技领域行政执法业务培训',
    organizer: '政策法规科',
    hoursPerPerson: 24,
    participants: OFFICERS.slice(0, 6),
  });
  await addExam(ctx, staff, {
    heldOn: `${y}-11-14`,
    title: `${y}年度行政执法人员法律知识考试`,
    maxScore: 100,
    passScore: 60,
    results: OFFICERS.map((person, i) => ({ person, score: 96 - i * 3 })),
  });
  for (const [campaign, heldOn, title, audience] of [
    ['nationalSecurityDay', `${y}-04-15`, '全民国家安全教育日科技安全专题宣传', 320],
    ['sciTechWeek', `${y}-05-20`, '科技活动周科技法律法规宣传', 1200],
    ['constitutionWeek', `${y}-12-04`, '宪法宣传周“宪法进园区”活动', 460],
  ] as const)
    await addEvent(ctx, staff, { campaign, heldOn, title, location: '示范市高新区', audience });
  const duties = [
    { title: '开展《科学技术进步法》宣传解读', owner: '政策法规科', dueOn: `${y}-06-30` },
    { title: '以案释法：科技项目资金违规使用典型案例', owner: '高新技术科', dueOn: `${y}-10-31` },
    { title: '宪法宣传周主题活动', owner: '办公室', dueOn: `${y}-12-10` },
  ];
  for (const d of duties) {
    const id = await addDuty(ctx, staff, { year: y, content: '', assignedOn: `${y}-02-20`, ...d });
    await completeDuty(ctx, staff, id, {
      completedOn: d.dueOn,
      evidence: '活动方案、照片及宣传报道',
    });
  }
}
