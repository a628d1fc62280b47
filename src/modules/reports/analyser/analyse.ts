/**
 * The analysis of one report's text: normalise, find the structure, the figures and the metadata,
 * and raise what a reviewer would raise. Pure and synchronous (the benchmark times exactly this).
 */
import { normalise } from './normalise.ts';
import { findParts, headingTree, partByLine } from './structure.ts';
import { figuresOfLine, sentencesOfLine } from './figures.ts';
import { classify } from './indicators.ts';
import { findMeta } from './meta.ts';
import {
  ANALYSER_VERSION,
  PART_CODES,
  PART_LABELS,
  type Analysis,
  type Figure,
  type Flag,
  type PartCode,
} from './types.ts';

/**
 * Above this share of sentences without a concrete fact the report reads as 形式主义 (seed 003 names
 * the problem in itself). Even the most concrete seeds (001, 004) state no fact in ~70% of their sentences.
 */
export const FORMALISM_THRESHOLD = 80;
/** Parts whose figures describe the year's work (plans and shortcomings are not results). */
const RESULT_PARTS = new Set<PartCode | null>(['measures', 'firstResponsible', null]);

/** A prose report states tens of figures; this many means a table, not a report (and bounds the work). */
export const MAX_FIGURES = 1000;

export interface AnalysisResult {
  analysis: Analysis;
  /** The normalised text: one paragraph per line; figure and heading offsets point into it. */
  text: string;
}

export function analyseText(raw: string): AnalysisResult {
  const norm = normalise(raw);
  const { lines } = norm;
  const { roots, info } = headingTree(lines);
  const parts = findParts(roots);
  const partOfLine = partByLine(roots, lines.length);
  const meta = findMeta(lines, roots, norm.meta);

  const figures: Figure[] = [];
  const sentences: { text: string; concrete: boolean }[] = [];
  lines.forEach((line, i) => {
    // The title, the addressee and the date line are not sentences of the report.
    if (line === meta.title || line === `${meta.addressee}：`) return;
    // A statistics table pasted as text has thousands of numbers: past the cap it is refused (notAReport).
    const found = figuresOfLine(line, i, info.offsets[i], MAX_FIGURES - figures.length);
    for (const f of found) {
      const { indicator, area } = classify(f, partOfLine[i] === 'firstResponsible');
      figures.push({
        text: f.text,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        subject: f.subject,
        sentence: f.sentence,
        line: i,
        start: f.start,
        end: f.end,
        part: partOfLine[i],
        area,
        indicator,
      });
    }
    // 形式主义 is judged on the account of the year's work: plans and shortcomings state no results by nature.
    if (partOfLine[i] === 'measures' || partOfLine[i] === 'firstResponsible') {
      sentences.push(
        ...sentencesOfLine(
          line,
          info.headingLength[i],
          found.map((f) => f.start - info.offsets[i]),
        ),
      );
    }
  });

  const indicators: Record<string, number> = {};
  for (const f of figures) {
    if (f.indicator && RESULT_PARTS.has(f.part) && !(f.indicator in indicators))
      indicators[f.indicator] = f.value;
  }
  const withFact = sentences.filter((s) => s.concrete).length;
  const emptyShare = sentences.length
    ? Math.round(((sentences.length - withFact) / sentences.length) * 1000) / 10
    : 0;
  const partsPresent = parts.map((p) => p.code);
  const partsMissing = PART_CODES.filter((c) => !partsPresent.includes(c));

  const flags: Flag[] = [];
  for (const code of partsMissing) {
    if (code === 'firstResponsible') {
      flags.push({
        code: 'missingFirstResponsible',
        severity: 'warning',
        message: `缺少第一责任人部分：未见${PART_LABELS.firstResponsible}（厅字〔2019〕28号规定的必报内容）`,
      });
    } else {
      // (五) 其他需要报告的情况 is often legitimately empty: worth a note, not a warning.
      flags.push({
        code: 'missingPart',
        severity: code === 'other' ? 'info' : 'warning',
        message: `缺少法定部分：${PART_LABELS[code]}`,
      });
    }
  }
  const nested = parts.find((p) => p.code === 'firstResponsible' && p.nested);
  if (nested)
    flags.push({
      code: 'firstResponsibleNested',
      severity: 'info',
      message: `第一责任人履职情况未单列为一部分，而是写在“${nested.headings[0].title.slice(0, 30)}”小标题下`,
    });
  if (emptyShare > FORMALISM_THRESHOLD) {
    flags.push({
      code: 'formalism',
      severity: 'warning',
      message: `${emptyShare}%的句子没有具体数字、日期或制定的文件（高于${FORMALISM_THRESHOLD}%），内容偏于原则表述`,
    });
  }
  if (!meta.orgName)
    flags.push({
      code: 'orgUnknown',
      severity: 'info',
      message: '未能从报告中识别出报告单位，请导入后更正',
    });
  if (!meta.year)
    flags.push({
      code: 'yearUnknown',
      severity: 'info',
      message: '未能从报告中识别出报告年度，请导入后更正',
    });

  const samples = sentences.filter((s) => !s.concrete).map((s) => s.text);
  return {
    text: norm.text,
    analysis: {
      version: ANALYSER_VERSION,
      ...meta,
      headings: roots,
      parts,
      partsPresent,
      partsMissing,
      figures,
      indicators,
      sentences: {
        total: sentences.length,
        withFact,
        emptyShare,
        emptySamples: samples.slice(0, 5),
      },
      flags,
      normalisation: norm.report,
    },
  };
}

/** Longer than any annual report (they run to 5,000–30,000 characters): refused before analysis. */
export const MAX_TEXT_CHARS = 200_000;

/** Why a text is not a 法治政府建设年度报告 at all, in Chinese; null when it reads as one. */
export function notAReport(result: AnalysisResult): string | null {
  const { text, analysis } = result;
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  if (!text.trim()) return '文件中没有文字内容';
  if (cjk < 200) return `内容过短（${cjk}个汉字），不像一份年度报告`;
  if (!/法治|依法行政/.test(text))
    return '未见“法治政府建设”或“依法行政”相关内容，不像法治政府建设年度报告';
  if (analysis.figures.length >= MAX_FIGURES)
    return `数字过多（${MAX_FIGURES}项以上），像是统计表而不是文字报告`;
  if (!analysis.partsPresent.length)
    return '未找到年度报告的任何部分（如“主要举措和成效”“存在的不足”“下一年度安排”等一级标题）';
  return null;
}
