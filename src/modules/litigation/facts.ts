/**
 * Facts of 行政复议 and 行政应诉 for the 法治政府建设年度报告 (area 行政复议和行政应诉): cases received,
 * 复议 decisions and the 纠错率, suits concluded and the 败诉率, the 负责人出庭率 (行政诉讼法 Art 3) and
 * answers within the statutory period. Each names the list of records behind it; a count of nothing
 * says nothing (an empty sentence).
 */
import type { Fact } from '../../core/facts.ts';
import { pct } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { categoryOf } from './labels.ts';
import { asOfFor, departmentRows, filterRows, hearings, type HearingRow } from './records.ts';
import type { LitigationRow } from './service.ts';

const LIST = '/api/litigation';
/** A target only when there is something to measure (a rate of nothing is no shortfall). */
const when = (n: number, expect: NonNullable<Fact['expect']>) => (n ? { expect } : {});

/** The facts from the department's cases and hearings (pure). */
export function litigationFactsFrom(
  year: number,
  today: string,
  rows: LitigationRow[],
  hearingRows: HearingRow[],
): Fact[] {
  const q = (query: Record<string, string | number | boolean>) => ({ path: LIST, query });
  const f = (query: Parameters<typeof filterRows>[1]) => filterRows(rows, query, today);
  const recon = f({ kind: 'reconsideration', year });
  const suits = f({ kind: 'lawsuit', year });
  const decided = f({ kind: 'reconsideration', decidedIn: year });
  const byCat = (list: LitigationRow[], c: string) =>
    list.filter((r) => categoryOf(r.firstResult!) === c).length;
  const corrected = byCat(decided, 'corrected');
  const concluded = f({ kind: 'lawsuit', concludedIn: year });
  const lost = f({ kind: 'lawsuit', concludedIn: year, category: 'corrected' }).length;
  const answered = f({ answeredIn: year });
  const late = answered.filter((r) => r.answerLate).length;
  const appeared = hearingRows.filter((h) => h.headAppeared).length;
  const asOf = asOfFor(year, today);
  return [
    {
      key: 'litigation.reconsideration.received',
      label: '行政复议案件',
      value: recon.length,
      unit: '件',
      sentence: recon.length ? `本机关作为被申请人的行政复议案件${recon.length}件。` : '',
      method: '本年度收到行政复议申请书副本的案件数。',
      records: q({ kind: 'reconsideration', year }),
    },
    {
      key: 'litigation.lawsuit.received',
      label: '行政诉讼案件',
      value: suits.length,
      unit: '件',
      sentence: suits.length ? `本机关作为被告的行政诉讼案件${suits.length}件。` : '',
      method: '本年度收到起诉状副本的案件数。',
      records: q({ kind: 'lawsuit', year }),
    },
    {
      key: 'litigation.reconsideration.decided',
      label: '作出行政复议决定',
      value: decided.length,
      unit: '件',
      sentence: decided.length
        ? `行政复议机关作出复议决定${decided.length}件，其中维持${byCat(decided, 'maintained')}件、纠正${corrected}件、其他${byCat(decided, 'other')}件。`
        : '',
      method:
        '本年度作出复议决定的案件数，按决定类型分为维持（含驳回复议申请）、纠正（撤销、变更、确认违法、确认无效、责令履行）和其他（调解、和解、终止）。',
      records: q({ kind: 'reconsideration', decidedIn: year }),
    },
    {
      key: 'litigation.reconsideration.correctionRate',
      label: '行政复议纠错率',
      value: pct(corrected, decided.length),
      unit: '%',
      sentence: decided.length ? `行政复议纠错率${pct(corrected, decided.length)}%。` : '',
      method: '本年度被复议决定纠正的案件数除以作出复议决定的案件数。',
      records: q({ kind: 'reconsideration', decidedIn: year, category: 'corrected' }),
    },
    {
      key: 'litigation.lawsuit.lossRate',
      label: '行政诉讼败诉率',
      value: pct(lost, concluded.length),
      unit: '%',
      sentence: concluded.length
        ? `行政诉讼审结${concluded.length}件，败诉${lost}件，败诉率${pct(lost, concluded.length)}%。`
        : '',
      method: `截至${asOf}，本年度审结（裁判生效或二审审结）案件中判决撤销、变更、确认违法、确认无效或责令履行的案件数除以审结案件数。`,
      records: q({ kind: 'lawsuit', concludedIn: year, category: 'corrected' }),
      ...when(concluded.length, {
        max: 0,
        shortfall: '存在行政诉讼败诉案件',
        suggestion: '深入分析败诉原因，提升依法行政水平',
      }),
    },
    {
      key: 'litigation.headAppearanceRate',
      label: '行政机关负责人出庭应诉率',
      value: pct(appeared, hearingRows.length),
      unit: '%',
      sentence: hearingRows.length
        ? `行政诉讼开庭${hearingRows.length}次，负责人出庭应诉${appeared}次，出庭应诉率${pct(appeared, hearingRows.length)}%。`
        : '',
      method: '本年度开庭审理中本机关负责人出庭的次数除以开庭次数（行政诉讼法第三条）。',
      records: { path: `${LIST}/hearings`, query: { year } },
      ...when(hearingRows.length, {
        min: 100,
        shortfall: '行政机关负责人未全部出庭应诉',
        suggestion: '落实行政机关负责人出庭应诉制度',
      }),
    },
    {
      key: 'litigation.answersOnTime',
      label: '按期答复答辩率',
      value: pct(answered.length - late, answered.length),
      unit: '%',
      sentence: answered.length
        ? `提交复议答复和行政诉讼答辩状${answered.length}件${late ? `，其中逾期${late}件` : '，均在法定期限内提交'}。`
        : '',
      method:
        '本年度提交的书面答复和答辩状中在法定期限内提交的比例（复议法第四十八条、第五十四条，行政诉讼法第六十七条）。',
      records: q({ answeredIn: year }),
      ...when(answered.length, {
        min: 100,
        shortfall: '复议答复或应诉答辩未全部按期提交',
        suggestion: '严格落实答复答辩期限',
      }),
    },
    {
      key: 'litigation.answersLate',
      label: '逾期答复答辩',
      value: late,
      unit: '件',
      sentence: '',
      method: '本年度超过法定期限提交的书面答复和答辩状件数。',
      records: q({ answeredIn: year, late: true }),
    },
  ];
}

export async function litigationFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const [rows, hs] = await Promise.all([
    departmentRows(ctx.db, departmentId),
    hearings(ctx.db, departmentId, year),
  ]);
  return litigationFactsFrom(year, ctx.clock.today(), rows, hs);
}
