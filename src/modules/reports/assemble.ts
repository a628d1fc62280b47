/**
 * Drafts a 法治政府建设年度报告 from facts (pure): the five parts of 厅字〔2019〕28号 (RULES §11) in
 * the template's order. (一) one section per area in REPORT_AREAS order, in it one paragraph per
 * provider (a module's facts read as one account of its work, seed 004's "2023年度，我局共出台3件
 * 行政规范性文件，全部按规定程序进行合法性审核…"), each the facts' sentences as live references;
 * (二) the facts outside their expected range (late and overdue steps, late filings, low adoption …)
 * with the improvements they suggest; (三) the 第一责任人 facts (meetings, 学法, 述法); (四) next year's
 * plans, written afresh (last year's plans are offered beside the editor as a reference, never put into
 * this year's text: they are last year's words for this year); (五) prose. Empty paragraphs carry a hint for staff and
 * are never exported.
 *
 * A fact with an empty sentence has nothing to add to the prose (a zero: "召开局长办公会0期" is not a
 * sentence; or a detail another sentence of its provider already says) and is left out; an area
 * with nothing to say has no section. A zero that matters is the provider's one plain sentence
 * ("本年度未作出重大行政决策。").
 */
import { REPORT_AREAS, REPORT_AREA_LABELS, type ReportArea } from '../../core/facts.ts';
import {
  cnNumber,
  heading2,
  para,
  sentence,
  text,
  type Block,
  type Part,
  type PartCode,
  type ReportDocument,
} from './document.ts';
import { missesExpectation, type AreaFigure } from './facts.ts';
import { fillTemplate, type ReportTemplate } from './template.ts';

export interface AssembleInput {
  year: number;
  department: string;
  template: ReportTemplate;
  facts: AreaFigure[];
  /** The year of the report whose part (四) is offered as a reference beside the editor, if any. */
  referenceYear?: number;
}

/** The facts that say something, grouped by provider in the order they came (a fact without one: its key's first segment). */
function paragraphs(facts: AreaFigure[]): Block[] {
  const groups = new Map<string, AreaFigure[]>();
  for (const f of facts) {
    if (!f.sentence) continue;
    const by = f.module ?? f.key.split('.')[0];
    groups.set(by, [...(groups.get(by) ?? []), f]);
  }
  return [...groups.values()].map((g) => para(g.map((f) => sentence(f.key))));
}

function measures(facts: AreaFigure[]): Block[] {
  const blocks: Block[] = [];
  for (const area of REPORT_AREAS) {
    if (area === 'firstResponsible') continue;
    const paras = paragraphs(facts.filter((f) => f.area === area));
    if (!paras.length) continue;
    blocks.push(heading2(REPORT_AREA_LABELS[area as ReportArea]), ...paras);
    blocks.push(
      para([], `补充${REPORT_AREA_LABELS[area as ReportArea]}方面的主要举措、做法和成效`),
    );
  }
  if (!blocks.length) blocks.push(para([], '本年度系统中尚无业务记录，请填写主要举措和成效'));
  return blocks;
}

function shortcomings(year: number, facts: AreaFigure[]): Block[] {
  const misses = facts.filter(missesExpectation);
  if (!misses.length) {
    return [
      para([text(`经对照${year}年度办理记录，未发现超期办理、逾期未办等问题。`)]),
      para([], '结合工作实际，写明存在的不足'),
    ];
  }
  const suggestions = misses.map((f) => f.expect?.suggestion).filter((s): s is string => !!s);
  return [
    para([text(`经对照${year}年度办理记录，主要存在以下不足：`)]),
    ...misses.map((f, i) =>
      para([text(`${cnNumber(i + 1)}是${f.expect!.shortfall}。`), sentence(f.key)]),
    ),
    para([], '分析存在不足的原因（思想认识、制度机制、队伍能力等）'),
    ...(suggestions.length
      ? [
          para([
            text(`改进措施：${suggestions.map((s, i) => `${cnNumber(i + 1)}是${s}`).join('；')}。`),
          ]),
        ]
      : []),
  ];
}

function firstResponsible(facts: AreaFigure[]): Block[] {
  return [
    ...paragraphs(facts.filter((f) => f.area === 'firstResponsible')),
    para(
      [],
      '补充主要负责人对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办的情况',
    ),
  ];
}

function plans(year: number, referenceYear?: number): Block[] {
  const reference = referenceYear ? `（可参考${referenceYear}年度报告所列安排，见编辑页右侧）` : '';
  return [para([], `写明${year + 1}年度推进法治政府建设的主要安排${reference}`)];
}

export function assemble(input: AssembleInput): ReportDocument {
  const { year, template, facts } = input;
  const build: Record<PartCode, () => Block[]> = {
    measures: () => measures(facts),
    shortcomings: () => shortcomings(year, facts),
    firstResponsible: () => firstResponsible(facts),
    plans: () => plans(year, input.referenceYear),
    other: () => [para([], '其他需要报告的情况（没有的可不填）')],
  };
  const vars = { year, department: input.department };
  const parts: Part[] = template.parts.map((p) => ({
    code: p.code,
    heading: fillTemplate(p.heading, vars),
    blocks: build[p.code](),
  }));
  return {
    title: fillTemplate(template.title, vars),
    preface: [para([], '导语（可选）：概述本年度法治政府建设的总体情况')],
    parts,
  };
}
