/**
 * Turns a report as found (a saved web page, a Word export, a broken converter's output) into one
 * paragraph per line of simplified Chinese with Chinese punctuation. Pure; every step counts what it
 * changed so the reviewer sees what was done to the text.
 */
import { Converter } from 'opencc-js/t2cn';
import type { Normalisation } from './types.ts';
import { emptyPageMeta, stripChrome, type PageMeta } from './chrome.ts';

export type { PageMeta } from './chrome.ts';

export interface Normalised {
  text: string;
  lines: string[];
  meta: PageMeta;
  report: Normalisation;
}

let t2s: ((s: string) => string) | null = null;
// Built on first use (~50 ms): the dictionaries are only needed when a report is analysed.
const toSimplified = (s: string) => (t2s ??= Converter({ from: 't', to: 'cn' }))(s);

const CJK = '\\u3400-\\u9fff';
const TONE = /[\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]/;
// A pinyin syllable in brackets right after a character (seed 000: 習(xí)近平, 這(zhè)).
const PINYIN_RE = new RegExp(
  `([${CJK}])[(（]([a-z\\u00e0-\\u00fc\\u0101-\\u01dc\\u01f9\\u1e3f]{1,7})[)）]`,
  'g',
);
const ARTEFACT_RE =
  /\[(?:bookmark|comment|image|picture|footnote)\s*:[^\]\n]*\]|\{\\\*?\\bkmk(?:start|end)[^}]*\}/gi;

/** A line that begins a heading (一、 （一） 1. （1）): never joined to the line before it. */
export const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+部分)/;
const DATE_LINE =
  /^(?:\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
const ENDS_SENTENCE = /[。！？!?；;：:…”’」』）)】\]]$/;

function removePinyin(text: string): { text: string; count: number } {
  // A toneless bracket after a character is pinyin only when the converter's signature (toned
  // syllables) is there too; otherwise "(app)"-like notes stay.
  const toned = [...text.matchAll(PINYIN_RE)].filter((m) => TONE.test(m[2])).length;
  let count = 0;
  const out = text.replace(PINYIN_RE, (all, ch: string, py: string) => {
    if (!TONE.test(py) && toned < 3) return all;
    if (!/[aeiouüv\u00e0-\u00fc\u0101-\u01dc]/.test(py)) return all;
    count++;
    return ch;
  });
  return { text: out, count };
}

function countDiff(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) n++;
  return n;
}

const isCjk = (ch: string | undefined) =>
  !!ch && /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]/.test(ch);

/** Half-width punctuation in Chinese text (seeds 000–003) becomes full-width; spaces inside Chinese text go. */
export function chinesePunctuation(line: string): string {
  let s = line.replace(/\(([^()\n]{0,80})\)/g, (all, inner: string, at: number) =>
    new RegExp(`[${CJK}]`).test(inner) || isCjk(line[at - 1]) || isCjk(line[at + all.length])
      ? `（${inner}）`
      : all,
  );
  // (?<!\s): a run of spaces is tried from its start only (linear on a line of spaces).
  s = s.replace(/(?<!\s)\s*([,;:?!])\s*/g, (all, p: string, at: number) => {
    const before = s[at - 1];
    const after = s[at + all.length];
    if (p === ':' && /\d/.test(before ?? '') && /\d/.test(after ?? '')) return all; // 10:05
    if (!isCjk(before) && !isCjk(after)) return all;
    return { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }[p]!;
  });
  // "2023 年度", "255 项", "依法行政， 加快": spaces between Chinese characters, digits and punctuation carry nothing.
  // (Between two characters a space may separate names, 中共河南省委 河南省人民政府: one stays.)
  return s
    .replace(
      /(?<=[\u3000-\u303f\uff00-\uffef“”])\s+|(?<!\s)\s+(?=[\u3000-\u303f\uff00-\uffef“”])/g,
      '',
    )
    .replace(/(?<=[\u3400-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u3400-\u9fff])/g, '')
    .replace(/(?<=[\u3400-\u9fff])\s{2,}(?=[\u3400-\u9fff])/g, ' ')
    .trim();
}

/**
 * Hard-wrapped lines (seed 003: `具\n体指导`) are joined; headings, titles, dates and addressees stay
 * alone. A paragraph is built from its pieces and tested on its last character and (when short) as a
 * whole, so ten thousand wrapped lines cost one pass, not one pass each.
 */
function joinWrapped(lines: string[]): { lines: string[]; joined: number } {
  const out: string[] = [];
  let pieces: string[] = [];
  let length = 0;
  let joined = 0;
  const flush = () => {
    if (pieces.length) out.push(pieces.join(''));
    pieces = [];
    length = 0;
  };
  for (const line of lines) {
    const last = pieces[pieces.length - 1];
    // Every test of the paragraph so far needs at most 60 characters of it (see standsAlone).
    const alone = () => length <= 60 && standsAlone(pieces.join(''), out.length);
    if (
      last &&
      line &&
      !ENDS_SENTENCE.test(last.slice(-1)) &&
      !HEADING_START.test(line) &&
      !DATE_LINE.test(line) &&
      !opensReport(line, out.length) &&
      !alone()
    ) {
      pieces.push(line);
      length += line.length;
      joined++;
    } else {
      flush();
      pieces = [line];
      length = line.length;
    }
  }
  flush();
  return { lines: out, joined };
}

/** A report's title under a line of leftover chrome (计划总结 / 云岭市人民政府门户网站): never glued to it. */
const opensReport = (line: string, index: number) =>
  index <= 4 && line.length <= 60 && /(报告|情况)$/.test(line) && /法治|依法行政/.test(line);

function standsAlone(line: string, index: number): boolean {
  // A bare heading (no full stop: 一、2023年度工作情况) ends its line; "（一）健全机制。聘请…" may wrap.
  if (HEADING_START.test(line) && line.length <= 60 && !/[。！？]/.test(line)) return true;
  if (DATE_LINE.test(line)) return true;
  // A title line at the top (seed 004: 市科技局2023年法治政府建设情况报告).
  return index <= 3 && line.length <= 60 && /(报告|情况)$/.test(line);
}

export function normalise(raw: string): Normalised {
  const report: Normalisation = {
    traditional: 0,
    pinyin: 0,
    chromeLines: 0,
    joinedLines: 0,
    artefacts: 0,
  };
  let text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\t\u00a0\u3000]/g, ' ');
  text = text.replace(ARTEFACT_RE, () => {
    report.artefacts++;
    return '';
  });
  const py = removePinyin(text);
  report.pinyin = py.count;
  const simplified = toSimplified(py.text);
  report.traditional = countDiff(py.text, simplified);
  const meta: PageMeta = emptyPageMeta();
  const trimmed = simplified.split('\n').map((l) => l.trim());
  const chrome = stripChrome(trimmed, meta);
  report.chromeLines = chrome.removed;
  const punctuated = chrome.lines.map(chinesePunctuation);
  const wrapped = joinWrapped(punctuated);
  report.joinedLines = wrapped.joined;
  const lines = wrapped.lines.filter(Boolean);
  return { text: lines.join('\n'), lines, meta, report };
}
