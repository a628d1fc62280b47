/**
 * The heading tree of a normalised report (一、 / （一） / 1. / （1） / 一是…) and which of the five
 * official parts (RULES §11) its headings stand for. Reports name the parts in many ways; the
 * patterns below come from the `一、` lines of the five seeds and the regulation's own wording.
 */
import {
  PART_CODES,
  type Heading,
  type HeadingLevel,
  type PartCode,
  type PartFound,
} from './types.ts';

const LINE_HEADINGS: { level: HeadingLevel; re: RegExp }[] = [
  {
    level: 1,
    re: /^(?:([一二三四五六七八九十]{1,3})\s*[、．.]|(第[一二三四五六七八九十]+部分)[、：:\s]?)/,
  },
  { level: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/ },
  { level: 3, re: /^(\d{1,2})\s*[.．、](?!\d)/ },
  { level: 4, re: /^[（(](\d{1,2})[）)]/ },
];
// 一是… 二是… inside a paragraph, at the start of a sentence or after a colon.
const INLINE_ITEM = /(^|[。；：！？])([一二三四五六七八九十]{1,2}是)/g;

/** A heading's title: the text up to the first full stop (the rest of the line is body text), at most 80 characters. */
function titleOf(rest: string): string {
  const stop = rest.search(/[。；]/);
  const title =
    stop >= 0 && stop <= 80
      ? rest.slice(0, stop)
      : rest.length <= 80
        ? rest
        : rest.slice(0, Math.max(rest.search(/[，：]/), 0) || 40);
  return title.replace(/[：:]$/, '').trim();
}

/** 一是… items often run on for a whole sentence: the first phrase names the item. */
function itemTitle(s: string): string {
  if (s.length <= 30) return s;
  const comma = s.indexOf('，');
  return comma > 0 && comma <= 30 ? s.slice(0, comma) : `${s.slice(0, 30)}…`;
}

export interface LineInfo {
  /** Offset of each line in the normalised text. */
  offsets: number[];
  /** Length of the heading part at the start of each line (0 when the line is not a heading). */
  headingLength: number[];
}

export function lineOffsets(lines: string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const l of lines) {
    offsets.push(at);
    at += l.length + 1;
  }
  return offsets;
}

/** The heading tree; also how much of each line is heading (excluded from the sentence statistics). */
export function headingTree(lines: string[]): { roots: Heading[]; info: LineInfo } {
  const offsets = lineOffsets(lines);
  const headingLength = lines.map(() => 0);
  const roots: Heading[] = [];
  const stack: Heading[] = [];
  const attach = (h: Heading) => {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(h);
    stack.push(h);
  };
  lines.forEach((line, i) => {
    const hit = LINE_HEADINGS.find((h) => h.re.test(line));
    if (hit) {
      const m = hit.re.exec(line)!;
      const rest = line.slice(m[0].length).trimStart();
      const title = titleOf(rest);
      const start = offsets[i] + line.indexOf(title, m[0].length);
      headingLength[i] = title.length ? start - offsets[i] + title.length + 1 : m[0].length;
      attach({
        level: hit.level,
        marker: m[0].trim(),
        title,
        line: i,
        start,
        end: start + title.length,
        part: null,
        children: [],
      });
    }
    for (const m of line.matchAll(INLINE_ITEM)) {
      const at = m.index! + m[1].length;
      const rest = line.slice(at + m[2].length);
      const stop = rest.search(/[。；！？]/);
      const title = itemTitle(stop >= 0 ? rest.slice(0, stop) : rest);
      const parent = stack.length ? stack[stack.length - 1] : null;
      const item: Heading = {
        level: 5,
        marker: m[2],
        title,
        line: i,
        start: offsets[i] + at + m[2].length,
        end: offsets[i] + at + m[2].length + title.length,
        part: null,
        children: [],
      };
      if (parent && parent.level < 5) parent.children.push(item);
      else roots.push(item);
    }
  });
  return { roots, info: { offsets, headingLength } };
}

const PATTERNS: { code: Exclude<PartCode, 'measures'>; re: RegExp }[] = [
  {
    code: 'firstResponsible',
    re: /第一责任人|主要负责人.{0,6}(履行|职责)|履行.{0,10}法治建设.{0,4}职责/,
  },
  { code: 'shortcomings', re: /不足|问题|差距|短板|薄弱|困难/ },
  { code: 'plans', re: /计划|安排|打算|思路|展望|下一步|下步|今后|明年|下一年/ },
  { code: 'other', re: /其[他它].{0,6}(情况|事项)|需要报告/ },
];
const MEASURES =
  /举措|成效|工作情况|主要工作|做法|开展情况|推进情况|建设情况|落实情况|履行.{0,8}情况|履职|成绩|进展|亮点|工作开展/;

/**
 * The parts a heading stands for: "存在的问题和下一步打算" is two; the measures only when nothing
 * more specific matches ("第一责任人…的有关情况" also reads like a 情况).
 */
export function partsOf(title: string): PartCode[] {
  const specific = PATTERNS.filter((p) => p.re.test(title)).map((p) => p.code);
  if (specific.length) return specific;
  return MEASURES.test(title) ? ['measures'] : [];
}

/**
 * Assigns parts to the first-level headings; a 第一责任人 section nested under the measures (seeds
 * 001, 002 follow templates that put it there) counts as present but nested.
 */
export function findParts(roots: Heading[]): PartFound[] {
  const found = new Map<PartCode, PartFound>();
  const add = (code: PartCode, h: Heading, nested: boolean) => {
    const f = found.get(code) ?? { code, headings: [], nested };
    f.headings.push({ title: h.title, level: h.level, line: h.line });
    f.nested = f.nested && nested;
    found.set(code, f);
  };
  const top = roots.filter((h) => h.level === 1);
  for (const h of top) {
    const codes = partsOf(h.title);
    h.part = codes[0] ?? null;
    for (const code of codes) add(code, h, false);
  }
  if (!found.has('firstResponsible')) {
    for (const h of top.filter((t) => t.part === 'measures')) {
      for (const c of h.children.filter((x) => x.level === 2 && /第一责任人/.test(x.title))) {
        c.part = 'firstResponsible';
        add('firstResponsible', c, true);
      }
    }
  }
  return PART_CODES.filter((c) => found.has(c)).map((c) => found.get(c)!);
}

/** The part a paragraph belongs to: that of the first-level heading above it (null before the first one). */
export function partByLine(roots: Heading[], lineCount: number): (PartCode | null)[] {
  const parts: (PartCode | null)[] = Array(lineCount).fill(null);
  const top = roots.filter((h) => h.level === 1);
  top.forEach((h, i) => {
    const to = i + 1 < top.length ? top[i + 1].line : lineCount;
    for (let l = h.line; l < to; l++) parts[l] = h.part;
  });
  return parts;
}
