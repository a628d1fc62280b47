/**
 * Facts of 重大行政决策 for the annual report (part 依法科学民主决策): the catalogue, decisions made,
 * each statutory step done among the decisions made in the year (count and share of those it
 * applied to), public comments and their adoption, publication and post-evaluation. Each fact
 * names how it was counted and the staff list that shows its records.
 *
 * The prose: the decisions made carry the procedures they went through (国务院令第713号: 公众参与
 * Art 14, 专家论证 Art 19, 风险评估 Art 22, 合法性审查 Art 25, 集体讨论决定 Art 30); a step's own
 * sentence speaks only when a decision it applied to went without it. 合法性审查 and 集体讨论决定
 * apply to every decision (Art 25: a draft not reviewed may not be put to the meeting; Art 30), so
 * they are never "not applicable". Nothing decided is one plain sentence; other zeros say nothing.
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import {
  cataloguedItems,
  decisionCommentsIn,
  decisionFactCondition,
  type DecisionFactFilter,
} from './factRecords.ts';

export interface DecisionCounts {
  catalogued: number;
  adjusted: number;
  started: number;
  outside: number;
  made: number;
  participation: number;
  participationApplies: number;
  expert: number;
  expertApplies: number;
  risk: number;
  riskApplies: number;
  reviewed: number;
  published: number;
  evaluated: number;
  comments: number;
  adopted: number;
}

const done = (type: string) =>
  sql`exists (select 1 from case_events e where e.case_id = d.case_id and e.type = ${type})`;

export async function decisionCounts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<DecisionCounts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [r] = await queryRows<DecisionCounts>(
    ctx.db,
    sql`with made as (select d.* from major_decisions d where d.department_id = ${departmentId} and d.decided_on between ${start} and ${end})
    select
      (select count(*)::int ${cataloguedItems(departmentId, year)}) as catalogued,
      (select count(*)::int from decision_catalogue_adjustments a join decision_catalogues c on c.id = a.catalogue_id where c.department_id = ${departmentId} and c.year = ${year}) as adjusted,
      (select count(*)::int from major_decisions d where d.department_id = ${departmentId} and d.year = ${year}) as started,
      (select count(*)::int from major_decisions d where d.department_id = ${departmentId} and d.year = ${year} and d.catalogue_item_id is null) as outside,
      (select count(*)::int from made) as made,
      (select count(*)::int from made d where ${done('summarizeParticipation')}) as participation,
      (select count(*)::int from made d where not d.confidential) as "participationApplies",
      (select count(*)::int from made d where ${done('expertAdoption')}) as expert,
      (select count(*)::int from made d where d.technical or ${done('expertOpinion')}) as "expertApplies",
      (select count(*)::int from made d where ${done('riskAssessment')}) as risk,
      (select count(*)::int from made d where d.risk_relevant or ${done('riskAssessment')}) as "riskApplies",
      (select count(*)::int from made d where ${done('concludeLegalReview')}) as reviewed,
      (select count(*)::int from major_decisions d where d.department_id = ${departmentId} and ${decisionFactCondition('published', year)}) as published,
      (select count(*)::int from major_decisions d where d.department_id = ${departmentId} and ${decisionFactCondition('evaluated', year)}) as evaluated,
      (select coalesce(sum(${decisionCommentsIn(year)}), 0)::int from major_decisions d where d.department_id = ${departmentId}) as comments,
      (select coalesce(sum(${decisionCommentsIn(year, true)}), 0)::int from major_decisions d where d.department_id = ${departmentId}) as adopted`,
  );
  return r;
}

/** A statutory step of 国务院令第713号 among the decisions made in the year. */
interface Step {
  key: string;
  label: string;
  action: string;
  count: (c: DecisionCounts) => [done: number, applies: number];
  name: string;
  did: string;
  basis: string;
}

const STEPS: Step[] = [
  {
    key: 'participationShare',
    label: '履行公众参与程序的比例',
    action: 'summarizeParticipation',
    count: (c) => [c.participation, c.participationApplies],
    name: '公众参与',
    did: '履行公众参与程序',
    basis: '第十四条',
  },
  {
    key: 'expertShare',
    label: '履行专家论证程序的比例',
    action: 'expertAdoption',
    count: (c) => [c.expert, c.expertApplies],
    name: '专家论证',
    did: '组织专家论证',
    basis: '第十九条',
  },
  {
    key: 'riskShare',
    label: '履行风险评估程序的比例',
    action: 'riskAssessment',
    count: (c) => [c.risk, c.riskApplies],
    name: '风险评估',
    did: '开展风险评估',
    basis: '第二十二条',
  },
  {
    key: 'reviewShare',
    label: '经合法性审查的比例',
    action: 'concludeLegalReview',
    count: (c) => [c.reviewed, c.made],
    name: '合法性审查',
    did: '经合法性审查',
    basis: '第二十五条',
  },
];

/** "作出重大行政决策2项，均履行了公众参与、合法性审查和集体讨论决定程序，其中1项组织了专家论证。" */
function madeSentence(c: DecisionCounts): string {
  if (!c.made) return '本年度未作出重大行政决策。';
  const outside = c.outside ? `（年内启动目录外事项${c.outside}项，均记录了启动理由）` : '';
  const all = [...STEPS.filter((s) => s.count(c)[0] === c.made).map((s) => s.name), '集体讨论决定'];
  const some = STEPS.map((s) => [s, s.count(c)[0]] as const)
    .filter(([, n]) => n > 0 && n < c.made)
    .map(([s, n]) => `${n}项${s.did}`);
  const names = all.length > 1 ? `${all.slice(0, -1).join('、')}和${all[all.length - 1]}` : all[0];
  return `作出重大行政决策${c.made}项${outside}，${c.made > 1 ? '均' : ''}履行了${names}程序${some.length ? `，其中${some.join('、')}` : ''}。`;
}

/** The facts from the counts (pure: the sentence families are tested on their own). */
export function decisionFactsFrom(year: number, c: DecisionCounts): Fact[] {
  const list = (query: Record<string, string | number | boolean>) => ({
    path: '/api/decisions',
    query,
  });
  const made = { decidedIn: year };
  const records = (fact: DecisionFactFilter) => ({
    path: '/api/decisions/records',
    query: { fact, year },
  });
  const stepFact = (s: Step): Fact => {
    const [n, of] = s.count(c);
    const missed = of > 0 && n < of;
    return {
      key: `decisions.${s.key}`,
      label: s.label,
      value: pct(n, of),
      unit: '%',
      // All done: the decisions' sentence says so. Not applicable (of = 0): nothing to say.
      sentence: !missed
        ? ''
        : n
          ? `应当${s.did}的${of}项决策中，${n}项${s.did}，占${pct(n, of)}%。`
          : `应当${s.did}的${of}项决策${of > 1 ? '均' : ''}未${s.did}。`,
      method: `本年作出的重大行政决策中，按规定适用该程序的${of}项中已完成${n}项（依据决策启动时确定的适用范围及实际履行情况；合法性审查适用于全部决策）。`,
      records: list({ ...made, done: s.action }),
      ...(of > 0
        ? {
            expect: {
              min: 100,
              shortfall: `重大行政决策未全部${s.did}`,
              suggestion: `严格执行《重大行政决策程序暂行条例》${s.basis}，未${s.did}的决策草案不提交集体讨论`,
            },
          }
        : {}),
    };
  };
  return [
    {
      key: 'decisions.catalogued',
      label: '年度决策事项目录事项',
      value: c.catalogued,
      unit: '项',
      sentence: c.catalogued
        ? `公布${year}年度重大行政决策事项目录，列入决策事项${c.catalogued}项${c.adjusted ? `，年内调整${c.adjusted}次并向社会公布` : ''}。`
        : '',
      method: '本年度已公布目录中未被调出的事项数；调整次数为已公布的目录调整公告数。',
      records: records('catalogued'),
    },
    {
      key: 'decisions.made',
      label: '作出重大行政决策',
      value: c.made,
      unit: '项',
      sentence: madeSentence(c),
      method: '集体讨论决定日期在本年度内且决定通过（含原则通过）的决策数。',
      records: list(made),
    },
    ...STEPS.map(stepFact),
    // Every decision made was decided collectively (the system refuses otherwise): the decisions' sentence says so.
    {
      key: 'decisions.collective',
      label: '集体讨论决定',
      value: c.made,
      unit: '项',
      sentence: '',
      method:
        '本年作出的决策均记录了会议、出席人员、行政首长意见和不同意见（系统不允许未经集体讨论作出决策）。',
      records: list({ ...made, done: 'collectiveDecision' }),
    },
    {
      key: 'decisions.comments',
      label: '决策草案公开征求意见收到与采纳',
      value: c.comments,
      unit: '条',
      sentence: c.comments
        ? `重大行政决策草案公开征求意见，收到意见建议${c.comments}条${c.adopted ? `，采纳（含部分采纳）${c.adopted}条` : ''}。`
        : '',
      method: '本年度通过门户网站收到的决策草案意见建议及其处理意见。',
      records: { ...records('comments'), sum: 'commentsReceived' },
    },
    {
      key: 'decisions.published',
      label: '公布决策并解读',
      value: c.published,
      unit: '项',
      sentence: c.published
        ? `公布重大行政决策${c.published}项，同步说明公众意见、专家论证意见的采纳情况并进行解读。`
        : '',
      method: '公布日期在本年度内的决策数（公布时须附采纳情况说明和解读）。',
      records: records('published'),
    },
    {
      key: 'decisions.evaluated',
      label: '决策后评估',
      value: c.evaluated,
      unit: '项',
      sentence: c.evaluated ? `对${c.evaluated}项重大行政决策开展决策后评估。` : '',
      method: '本年度记录了决策后评估的决策数。',
      records: records('evaluated'),
    },
  ];
}

export async function decisionFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  return decisionFactsFrom(year, await decisionCounts(ctx, departmentId, year));
}
