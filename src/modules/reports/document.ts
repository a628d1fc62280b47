/**
 * The 法治政府建设年度报告 as structured blocks, not HTML: parts (the regulation's five, RULES §11)
 * hold headings and paragraphs; a paragraph is text with fact references. A reference shows a
 * fact's value (`value`) or its whole sentence (`sentence`); a hand-typed figure is `manual` and is
 * marked as such wherever the report is edited. Pure functions only (shared by server and workbench).
 */
import type { Fact } from '../../core/facts.ts';

export const PART_CODES = [
  'measures',
  'shortcomings',
  'firstResponsible',
  'plans',
  'other',
] as const;
export type PartCode = (typeof PART_CODES)[number];

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'fact'; key: string; form: 'value' | 'sentence' }
  | { t: 'manual'; text: string };

export interface Block {
  id: string;
  kind: 'h2' | 'p';
  inlines: Inline[];
  /** What to write here (shown in the editor while the block is empty; never exported). */
  hint?: string;
}

export interface Part {
  code: PartCode;
  heading: string;
  blocks: Block[];
}
export interface ReportDocument {
  title: string;
  preface: Block[];
  parts: Part[];
}

/** A fact as a report keeps it (without its expectation): enough to show, explain and list the records. */
export type Figure = Omit<Fact, 'expect' | 'area'> & { area?: string };

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 20 → 二十 (headings never go past 99). */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** Figures print as Chinese reports write them: 3, 95.5, 12,000 → 12000 (no grouping in 公文). */
export const formatValue = (v: number) =>
  Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);

export type Resolve = (key: string) => Figure | undefined;

export function inlineText(i: Inline, resolve: Resolve): string {
  if (i.t === 'text' || i.t === 'manual') return i.text;
  const f = resolve(i.key);
  if (!f) return i.form === 'value' ? '—' : '';
  return i.form === 'value' ? formatValue(f.value) : f.sentence;
}

export const blockText = (b: Block, resolve: Resolve) =>
  b.inlines.map((i) => inlineText(i, resolve)).join('');
export const isEmptyBlock = (b: Block) => b.inlines.every((i) => i.t === 'text' && !i.text.trim());
/** Nothing to print: empty, or only sentences that now say nothing (a count that fell back to zero). */
export const isBlankBlock = (b: Block, resolve: Resolve) =>
  isEmptyBlock(b) || !blockText(b, resolve).trim();

/** Headings as printed: 一、… for parts (by position), （一）… for second-level headings within a part. */
export function numberedParts(
  doc: ReportDocument,
): Array<{ part: Part; heading: string; blocks: Array<{ block: Block; label?: string }> }> {
  return doc.parts.map((part, i) => {
    let h2 = 0;
    return {
      part,
      heading: `${cnNumber(i + 1)}、${part.heading}`,
      blocks: part.blocks.map((block) =>
        block.kind === 'h2' ? { block, label: `（${cnNumber(++h2)}）` } : { block },
      ),
    };
  });
}

/** Every block of the document in reading order. */
export const allBlocks = (doc: ReportDocument): Block[] => [
  ...doc.preface,
  ...doc.parts.flatMap((p) => p.blocks),
];

/** The fact keys the document refers to. */
export function referencedKeys(doc: ReportDocument): string[] {
  const keys = new Set<string>();
  for (const b of allBlocks(doc)) for (const i of b.inlines) if (i.t === 'fact') keys.add(i.key);
  return [...keys];
}

export const manualCount = (doc: ReportDocument) =>
  allBlocks(doc).reduce((n, b) => n + b.inlines.filter((i) => i.t === 'manual').length, 0);

/**
 * A fact's sentence as text around a value reference, so that staff can rewrite the sentence and
 * keep the figure live: the first occurrence of the value followed by its unit (else of the value
 * alone, not inside a longer number or a date) becomes the reference. A sentence that does not
 * state its figure ("本年度未作出重大行政决策。", "上述信息均在…内公开。") is plain text: there is
 * no figure in it to keep live, and appending one would write "…。0项".
 */
export function sentenceInlines(f: Figure): Inline[] {
  const v = formatValue(f.value);
  const esc = v.replace(/\./g, '\\.');
  const withUnit = f.unit
    ? new RegExp(`(?<![\\d.])${esc}(?=${f.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`)
    : null;
  const m =
    (withUnit && withUnit.exec(f.sentence)) ??
    new RegExp(`(?<![\\d.年月])${esc}(?![\\d.年月日])`).exec(f.sentence);
  if (!m) return [{ t: 'text', text: f.sentence }];
  const before = f.sentence.slice(0, m.index);
  const after = f.sentence.slice(m.index + v.length);
  return [
    ...(before ? [{ t: 'text' as const, text: before }] : []),
    { t: 'fact', key: f.key, form: 'value' },
    ...(after ? [{ t: 'text' as const, text: after }] : []),
  ];
}

/** Merges adjacent text runs and drops empty ones (after edits). */
export function normalizeInlines(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    if (x.t === 'text' && !x.text) continue;
    const last = out[out.length - 1];
    if (x.t === 'text' && last?.t === 'text')
      out[out.length - 1] = { t: 'text', text: last.text + x.text };
    else out.push(x);
  }
  return out;
}

export const text = (s: string): Inline => ({ t: 'text', text: s });
export const sentence = (key: string): Inline => ({ t: 'fact', key, form: 'sentence' });

let counter = 0;
/** Block ids only need to be unique within a document. */
export const blockId = () => `b${Date.now().toString(36)}${(counter++).toString(36)}`;
export const para = (inlines: Inline[], hint?: string): Block => ({
  id: blockId(),
  kind: 'p',
  inlines,
  ...(hint ? { hint } : {}),
});
export const heading2 = (s: string): Block => ({ id: blockId(), kind: 'h2', inlines: [text(s)] });
