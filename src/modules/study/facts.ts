/**
 * Facts for the annual report, each with the records behind it: part (三) 学法 and 述法 (moved from
 * the reports module, keys unchanged), and 普法 (the 普法责任清单, publicity events), trainings and
 * exams ("组织执法人员参加法律知识考试，参考率、合格率100%"). A count of nothing says nothing.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Fact } from '../../core/facts.ts';
import { getSetting } from '../../core/settings/service.ts';
import { reportTemplateSetting } from '../reports/index.ts';
import { legalDutyStatements, studyPlans, studySessions } from './schema.ts';
import { yearRange } from './sessions.ts';
import { examsOf, trainingHoursByPerson, trainingsOf } from './training.ts';
import { CAMPAIGNS, dutiesOf, eventsOf, type Campaign } from './pufa.ts';

export interface StudyCounts {
  sessions: number;
  minutes: number;
  led: number;
  preMeeting: number;
  statements: number;
  heads: number;
}

function statementSentence(year: number, c: StudyCounts): string {
  if (!c.statements) return `${year}年未记录领导干部述法。`;
  if (c.heads === c.statements)
    return c.heads === 1 ? '主要负责人进行了年度述法。' : `${c.heads}名主要负责人进行了年度述法。`;
  return c.heads
    ? `${c.statements}名领导干部进行了年度述法，其中主要负责人${c.heads}名。`
    : `${c.statements}名领导班子成员进行了年度述法。`;
}

/**
 * Facts for part (三) from the counts (pure): sessions (with the local minimum as the expectation),
 * hours, 述法. No study or no 述法 is one plain sentence (also named in part (二)); other zeros say nothing.
 */
export function studyFactsFrom(year: number, c: StudyCounts, studyPerYear: number): Fact[] {
  const hours = Math.round(c.minutes / 6) / 10;
  const list = (tab: string) => ({ path: '/api/reports/study', query: { year, tab } });
  return [
    {
      key: 'study.sessions',
      label: '组织学法',
      value: c.sessions,
      unit: '次',
      sentence: c.sessions
        ? `${year}年组织领导干部学法${c.sessions}次，累计${hours}小时${c.preMeeting ? `，其中会前学法${c.preMeeting}次` : ''}。`
        : `${year}年未记录领导干部学法活动。`,
      method: '本年度记录的党组理论学习中心组学法、会前学法、法治讲座和培训的次数及时长。',
      records: list('sessions'),
      expect: {
        min: studyPerYear,
        shortfall: `领导干部学法未达到每年${studyPerYear}次的要求`,
        suggestion: '年初制定学法计划，每季度至少安排一次会前学法',
      },
    },
    {
      key: 'study.ledByHead',
      label: '主要负责人主持或讲授学法',
      value: c.led,
      unit: '次',
      sentence: c.led ? `主要负责人主持或讲授法治专题学习${c.led}次。` : '',
      method: '本年度学法记录中由主要负责人主持或讲授的次数。',
      records: { path: '/api/reports/study', query: { year, tab: 'sessions', ledByHead: true } },
    },
    {
      key: 'study.dutyStatements',
      label: '年度述法',
      value: c.statements,
      unit: '人次',
      sentence: statementSentence(year, c),
      method: '本年度记录的主要负责人和领导班子成员述法人次。',
      records: list('statements'),
      expect: {
        min: 1,
        shortfall: '领导干部未进行年度述法',
        suggestion: '将履行推进法治建设第一责任人职责情况列入年终述职内容',
      },
    },
  ];
}

export async function studyFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [s] = await ctx.db
    .select({
      sessions: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${studySessions.durationMinutes}), 0)::int`,
      led: sql<number>`count(*) filter (where ${studySessions.ledByHead})::int`,
      preMeeting: sql<number>`count(*) filter (where ${studySessions.kind} = 'preMeeting')::int`,
    })
    .from(studySessions)
    .where(
      and(
        eq(studySessions.departmentId, departmentId),
        between(studySessions.heldOn, ...yearRange(year)),
      ),
    );
  const [d] = await ctx.db
    .select({
      statements: sql<number>`count(*)::int`,
      heads: sql<number>`count(*) filter (where ${legalDutyStatements.rank} = 'head')::int`,
    })
    .from(legalDutyStatements)
    .where(
      and(eq(legalDutyStatements.departmentId, departmentId), eq(legalDutyStatements.year, year)),
    );
  const { studyPerYear } = await getSetting(
    ctx.db,
    reportTemplateSetting,
    ctx.clock.now().getTime(),
  );
  const [plan] = await ctx.db
    .select()
    .from(studyPlans)
    .where(and(eq(studyPlans.departmentId, departmentId), eq(studyPlans.year, year)));
  return [
    ...studyFactsFrom(year, { ...s, ...d }, studyPerYear),
    ...(plan ? [planFact(year, s.preMeeting, plan.preMeetingTarget)] : []),
  ];
}

/** 会前学法 against the year's 学法计划 (the figure in the sentence of study.sessions; the plan sets the expectation). */
export function planFact(year: number, preMeeting: number, target: number): Fact {
  return {
    key: 'study.preMeeting',
    label: '局党组会议会前学法',
    value: preMeeting,
    unit: '次',
    sentence: '',
    method: `本年度学法记录中形式为会前学法的次数；年度学法计划确定${target}次。`,
    records: { path: '/api/reports/study', query: { year, tab: 'sessions', kind: 'preMeeting' } },
    expect: {
      min: target,
      shortfall: `会前学法未达到年度学法计划确定的${target}次`,
      suggestion: '按季度安排会前学法，每次不少于30分钟',
    },
  };
}

export interface EducationCounts {
  trainings: number;
  trainees: number;
  traineeHours: number;
  /** People trained fewer hours than the plan's target (none without a plan). */
  belowTarget?: { target: number; people: number };
  exams: number;
  expected: number;
  took: number;
  passed: number;
  duties: number;
  dutiesDone: number;
  dutiesLate: number;
  events: number;
  audience: number;
  campaigns: string[];
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/** Trainings, exams, the 普法责任清单 and publicity events as facts (pure). */
export function educationFactsFrom(year: number, c: EducationCounts): Fact[] {
  const list = (kind: string) => ({ path: `/api/study/${kind}`, query: { year } });
  const part = rate(c.took, c.expected);
  const pass = rate(c.passed, c.took);
  const rates = part === pass ? `参考率、合格率均为${part}%` : `参考率${part}%、合格率${pass}%`;
  const avg = c.trainees ? Math.round((c.traineeHours / c.trainees) * 10) / 10 : 0;
  return [
    {
      key: 'study.trainings',
      label: '组织法治培训',
      value: c.trainings,
      unit: '期',
      area: 'enforcement',
      sentence: c.trainings
        ? `组织法治培训${c.trainings}期，参训${c.trainees}人次，人均${avg}学时。`
        : '',
      method: '本年度记录的法治培训期数；参训人次为各期参训人员之和，学时按每期人均学时累计。',
      records: list('trainings'),
    },
    ...(c.belowTarget
      ? [
          {
            key: 'study.trainingBelowTarget',
            label: '培训学时未达标人数',
            value: c.belowTarget.people,
            unit: '人',
            area: 'enforcement' as const,
            sentence: '',
            method: `参训人员本年度培训学时合计低于学法计划确定的${c.belowTarget.target}学时的人数。`,
            records: { path: '/api/study/hours', query: { year, below: c.belowTarget.target } },
            expect: {
              max: 0,
              shortfall: `部分人员年度法治培训学时未达到${c.belowTarget.target}学时`,
              suggestion: '统筹安排执法人员培训，确保年度培训学时',
            },
          },
        ]
      : []),
    {
      key: 'study.exams',
      label: '组织法律知识考试',
      value: c.exams,
      unit: '场',
      area: 'enforcement',
      sentence: c.exams
        ? `组织执法人员参加法律知识考试${c.exams > 1 ? `${c.exams}场` : ''}，应考${c.expected}人次，${rates}。`
        : '',
      method:
        '本年度考试记录；参考率=实际参考人次÷应考人次，合格率=达到合格分数人次÷实际参考人次。',
      records: list('exams'),
    },
    {
      key: 'study.examPassRate',
      label: '法律知识考试合格率',
      value: pass,
      unit: '%',
      area: 'enforcement',
      sentence: '',
      method: '达到合格分数人次÷实际参考人次（由考试记录计算）。',
      records: list('exams'),
    },
    {
      key: 'study.pufaDuties',
      label: '普法责任清单事项',
      value: c.duties,
      unit: '项',
      sentence: c.duties
        ? `落实“谁执法谁普法”普法责任制，制定普法责任清单${c.duties}项，已完成${c.dutiesDone}项${c.dutiesLate ? `，其中逾期完成或逾期未完成${c.dutiesLate}项` : ''}。`
        : '',
      method: '本年度普法责任清单事项数；完成以登记的完成日期和佐证为准。',
      records: list('duties'),
    },
    {
      key: 'study.pufaDutiesLate',
      label: '普法责任清单事项逾期',
      value: c.dutiesLate,
      unit: '项',
      sentence: '',
      method: '完成日期晚于完成期限，或期限已过仍未完成的事项数。',
      records: { path: '/api/study/duties', query: { year, late: true } },
      expect: {
        max: 0,
        shortfall: '部分普法责任清单事项未按期完成',
        suggestion: '对普法责任清单事项实行台账管理，到期前提醒督办',
      },
    },
    {
      key: 'study.publicity',
      label: '开展普法宣传活动',
      value: c.events,
      unit: '场',
      sentence: c.events
        ? `开展${c.campaigns.slice(0, 3).join('、')}${c.campaigns.length > 1 ? '等' : ''}普法宣传活动${c.events}场，覆盖群众${c.audience}人次。`
        : '',
      method: '本年度登记的普法宣传活动场次及受众人次。',
      records: list('events'),
    },
  ];
}

export async function educationFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const [trainings, exams, duties, events, hours, [plan]] = await Promise.all([
    trainingsOf(ctx.db, departmentId, year),
    examsOf(ctx.db, departmentId, year),
    dutiesOf(ctx.db, departmentId, year, ctx.clock.today()),
    eventsOf(ctx.db, departmentId, year),
    trainingHoursByPerson(ctx.db, departmentId, year),
    ctx.db
      .select()
      .from(studyPlans)
      .where(and(eq(studyPlans.departmentId, departmentId), eq(studyPlans.year, year))),
  ]);
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
  return educationFactsFrom(year, {
    trainings: trainings.length,
    trainees: sum(trainings, (t) => t.participants.length),
    belowTarget:
      plan && plan.trainingHoursTarget > 0
        ? {
            target: plan.trainingHoursTarget,
            people: hours.filter((h) => h.hours < plan.trainingHoursTarget).length,
          }
        : undefined,
    traineeHours: sum(trainings, (t) => t.participants.length * t.hoursPerPerson),
    exams: exams.length,
    expected: sum(exams, (e) => e.expected),
    took: sum(exams, (e) => e.took),
    passed: sum(exams, (e) => e.passed),
    duties: duties.length,
    dutiesDone: duties.filter((d) => d.completedOn).length,
    dutiesLate: duties.filter((d) => d.overdue || d.onTime === false).length,
    events: events.length,
    audience: sum(events, (e) => e.audience),
    campaigns: [...new Set(events.map((e) => e.campaign))]
      .filter((k) => k !== 'other')
      .map((k) => CAMPAIGNS[k as Campaign] ?? k),
  });
}
