/**
 * Facts of 重大行政决策 for the annual report (part 依法科学民主决策): the catalogue, decisions made,
 * each statutory step done among the decisions made in the year (count and share of those it
 * applied to), public comments and their adoption, publication and post-evaluation. Each fact
 * names how it was counted and the staff list that shows its records.
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';

interface Counts {
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

const done = (type: string) => sql`exists (select 1 from case_events e where e.case_id = d.case_id and e.type = ${type})`;

export async function decisionCounts(ctx: Ctx, departmentId: string, year: number): Promise<Counts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [r] = await queryRows<Counts>(
    ctx.db,
    sql`with made as (select d.* from major_decisions d where d.department_id = ${departmentId} and d.decided_on between ${start} and ${end})
    select
      (select count(*)::int from decision_catalogue_items i join decision_catalogues c on c.id = i.catalogue_id where c.department_id = ${departmentId} and c.year = ${year} and c.status = 'published' and i.status = 'listed') as catalogued,
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
      (select count(*)::int from major_decisions d where d.department_id = ${departmentId} and d.published_on between ${start} and ${end}) as published,
      (select count(distinct d.id)::int from major_decisions d join case_events e on e.case_id = d.case_id and e.type = 'postEvaluation' where d.department_id = ${departmentId} and e.on_date between ${start} and ${end}) as evaluated,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'majorDecision' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date) as comments,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'majorDecision' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date and k.disposition in ('adopted','partlyAdopted')) as adopted`,
  );
  return r;
}

export async function decisionFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const c = await decisionCounts(ctx, departmentId, year);
  const list = (query: Record<string, string | number | boolean>) => ({ path: '/api/decisions', query });
  const made = { decidedIn: year };
  const stepFact = (key: string, label: string, n: number, of: number, action: string, what: string): Fact => ({
    key: `decisions.${key}`,
    label,
    value: pct(n, of),
    unit: '%',
    sentence: of ? `${n === of ? '全部' : `${of}项中${n}项`}${what}。` : `本年度作出的重大行政决策均不适用${label.replace('的比例', '')}。`,
    method: `本年作出的重大行政决策中，按规定适用该程序的${of}项中已完成${n}项（依据决策启动时确定的适用范围及实际履行情况）。`,
    records: list({ ...made, done: action }),
  });
  return [
    { key: 'decisions.catalogued', label: '年度决策事项目录事项', value: c.catalogued, unit: '项', sentence: `公布${year}年度重大行政决策事项目录，列入决策事项${c.catalogued}项${c.adjusted ? `，年内调整${c.adjusted}次并向社会公布` : ''}。`, method: '本年度已公布目录中未被调出的事项数；调整次数为已公布的目录调整公告数。', records: { path: '/api/decision-catalogues', query: { year } } },
    { key: 'decisions.made', label: '作出重大行政决策', value: c.made, unit: '项', sentence: `作出重大行政决策事项${c.made}项${c.outside ? `（年内启动目录外事项${c.outside}项，均记录了启动理由）` : ''}。`, method: '集体讨论决定日期在本年度内且决定通过（含原则通过）的决策数。', records: list(made) },
    stepFact('participationShare', '履行公众参与程序的比例', c.participation, c.participationApplies, 'summarizeParticipation', '履行公众参与程序'),
    stepFact('expertShare', '履行专家论证程序的比例', c.expert, c.expertApplies, 'expertAdoption', '组织专家论证'),
    stepFact('riskShare', '履行风险评估程序的比例', c.risk, c.riskApplies, 'riskAssessment', '开展风险评估'),
    stepFact('reviewShare', '经合法性审查的比例', c.reviewed, c.made, 'concludeLegalReview', '经合法性审查'),
    { key: 'decisions.collective', label: '集体讨论决定', value: c.made, unit: '项', sentence: `${c.made}项决策均经局长办公会或党组会集体讨论决定。`, method: '本年作出的决策均记录了会议、出席人员、行政首长意见和不同意见（系统不允许未经集体讨论作出决策）。', records: list({ ...made, done: 'collectiveDecision' }) },
    { key: 'decisions.comments', label: '决策草案公开征求意见收到与采纳', value: c.comments, unit: '条', sentence: `重大行政决策草案公开征求意见收到意见建议${c.comments}条，采纳（含部分采纳）${c.adopted}条。`, method: '本年度通过门户网站收到的决策草案意见建议及其处理意见。', records: list({ done: 'openComment' }) },
    { key: 'decisions.published', label: '公布决策并解读', value: c.published, unit: '项', sentence: `公布重大行政决策${c.published}项，同步说明公众意见、专家论证意见的采纳情况并进行解读。`, method: '公布日期在本年度内的决策数（公布时须附采纳情况说明和解读）。', records: list({ published: true, done: 'publish' }) },
    { key: 'decisions.evaluated', label: '决策后评估', value: c.evaluated, unit: '项', sentence: `对${c.evaluated}项重大行政决策开展决策后评估。`, method: '本年度记录了决策后评估的决策数。', records: list({ done: 'postEvaluation' }) },
  ];
}
