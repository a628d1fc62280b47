/**
 * What the analyser finds in a 法治政府建设年度报告 written elsewhere (RULES §11): the shape shared by
 * the pure analysis, the stored import and the workbench.
 */
import type { ReportArea } from '../../../core/facts.ts';

/**
 * The five required parts (法治政府建设与责任落实督察工作规定, 厅字〔2019〕28号), in the regulation's order,
 * with the codes the generated reports use (document.ts), so imported and generated reports compare.
 */
export { PART_CODES, type PartCode } from '../document.ts';
import type { PartCode } from '../document.ts';
export const PART_LABELS: Record<PartCode, string> = {
  measures: '（一）上一年度推进法治政府建设的主要举措和成效',
  shortcomings: '（二）存在的不足和原因',
  firstResponsible:
    '（三）党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  plans: '（四）下一年度推进法治政府建设的主要安排',
  other: '（五）其他需要报告的情况',
};

/** Heading levels: 一、 / （一） / 1. / （1） / 一是… (inline, inside a paragraph). */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

export interface Heading {
  level: HeadingLevel;
  marker: string;
  title: string;
  /** Paragraph (line of the normalised text) the heading is on. */
  line: number;
  /** Offsets of the title in the normalised text. */
  start: number;
  end: number;
  /** The official part a first-level heading (or a nested 第一责任人 heading) stands for. */
  part: PartCode | null;
  children: Heading[];
}

export interface PartFound {
  code: PartCode;
  /** The headings that carry the part (a report may spread one part over two headings, seed 002). */
  headings: { title: string; level: HeadingLevel; line: number }[];
  /** True when the part is a sub-heading of another part (seeds 001, 002 put 第一责任人 under 一、). */
  nested: boolean;
}

export interface Figure {
  /** The figure as written: "429宗", "660多件", "13.9%". */
  text: string;
  value: number;
  unit: string;
  /** 多 / 余 / 近 / 约 / 超过 …: the value is approximate. */
  qualifier: string | null;
  /** What is counted, from the clause (and the clause before it when the clause alone says too little). */
  subject: string;
  sentence: string;
  line: number;
  start: number;
  end: number;
  part: PartCode | null;
  area: ReportArea | null;
  /** The Fact key Fazhi computes itself for the same thing (core/facts.ts), when there is one. */
  indicator: string | null;
}

export type FlagCode =
  | 'missingPart'
  | 'missingFirstResponsible'
  | 'firstResponsibleNested'
  | 'formalism'
  | 'repeated'
  | 'orgUnknown'
  | 'yearUnknown';

export interface Flag {
  code: FlagCode;
  severity: 'warning' | 'info';
  message: string;
}

export interface Normalisation {
  /** Characters converted from traditional to simplified. */
  traditional: number;
  /** Pinyin insertions removed (`習(xí)近平` → `习近平`). */
  pinyin: number;
  /** Web-page lines removed (navigation, 政务公开 metadata block, footer, share links). */
  chromeLines: number;
  /** Hard line breaks inside sentences joined. */
  joinedLines: number;
  /** Word artefacts removed (`[bookmark: _GoBack]`). */
  artefacts: number;
}

export interface SentenceStats {
  total: number;
  withFact: number;
  /** Share of sentences without a concrete fact, in per cent with one decimal (形式主义, seed 003). */
  emptyShare: number;
  /** A few of them, for the reviewer. */
  emptySamples: string[];
}

export interface Analysis {
  version: number;
  title: string | null;
  orgName: string | null;
  city: string | null;
  year: number | null;
  reportDate: string | null;
  addressee: string | null;
  headings: Heading[];
  parts: PartFound[];
  partsPresent: PartCode[];
  partsMissing: PartCode[];
  figures: Figure[];
  /** Figures of the year's work that match Fazhi's own facts, by Fact key. */
  indicators: Record<string, number>;
  sentences: SentenceStats;
  flags: Flag[];
  normalisation: Normalisation;
}

/** Bumped when the analysis changes meaning; stored with each import. */
export const ANALYSER_VERSION = 1;
