/**
 * Turns a report as found (a saved web page, a Word export, a broken converter's output) into one
 * paragraph per line of simplified Chinese with Chinese punctuation. Pure; every step counts what it
 * changed so the reviewer sees what was done to the text.
 */
import { Converter } from 'opencc-js/t2cn';
import type { Normalisation } from './types.ts';

/** The 政务公开 metadata block of a government page (seed 001): what it says about the report. */
export interface PageMeta {
  publisher: string | null; // 发布机构
  title: string | null; // 名称
  issuedOn: string | null; // 发文日期 / 成文日期
  publishedOn: string | null; // 发布日期 / 发布时间
}

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
const META_LABELS = ['索引号', '组配分类', '发布机构', '主题分类', '有效性', '关键词', '关键字', '名称', '标题', '文号', '发文字号', '发文日期', '成文日期', '发布日期', '发布时间', '生成日期', '信息来源', '来源', '浏览次数', '公开方式', '公开范围', '公开时限', '所属机构', '信息分类', '分类', '体裁分类', '作者', '字体', '访问量', '点击数'];
const META_RE = new RegExp(`(${META_LABELS.join('|')})\\s*[:：]\\s*`, 'g');
const NAV_RE = /^(长者版|关怀版|无障碍|网站首页|首页\s*[>＞»]|当前位置|您当前的位置|您的位置|你的位置|位置\s*[:：])|当前位置\s*[:：]/;
const SHARE_RE = /^(【?(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|分享到|分享)】?\s*)+$|扫一扫|分享到[:：]?|视力保护色|【\s*字体[:：]?|字号\s*[:：]|^\s*[【\[]\s*(大|中|小)\s*[】\]]/;
const FOOTER_RE = /Copyright|版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|维护单位\s*[:：]|网站地图|网站导航|IPv6|建议使用.{0,20}浏览器|分辨率/i;

const TONE = /[\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f]/;
// A pinyin syllable in brackets right after a character (seed 000: 習(xí)近平, 這(zhè)).
const PINYIN_RE = new RegExp(`([${CJK}])[(（]([a-z\\u00e0-\\u00fc\\u0101-\\u01dc\\u01f9\\u1e3f]{1,7})[)）]`, 'g');
const ARTEFACT_RE = /\[(?:bookmark|comment|image|picture|footnote)\s*:[^\]\n]*\]|\{\\\*?\\bkmk(?:start|end)[^}]*\}/gi;

/** A line that begins a heading (一、 （一） 1. （1）): never joined to the line before it. */
export const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+部分)/;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
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

const isCjk = (ch: string | undefined) => !!ch && /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]/.test(ch);

/** Half-width punctuation in Chinese text (seeds 000–003) becomes full-width; spaces inside Chinese text go. */
export function chinesePunctuation(line: string): string {
  let s = line.replace(/\(([^()\n]{0,80})\)/g, (all, inner: string, at: number) =>
    new RegExp(`[${CJK}]`).test(inner) || isCjk(line[at - 1]) || isCjk(line[at + all.length]) ? `（${inner}）` : all,
  );
  s = s.replace(/\s*([,;:?!])\s*/g, (all, p: string, at: number) => {
    const before = s[at - 1];
    const after = s[at + all.length];
    if (p === ':' && /\d/.test(before ?? '') && /\d/.test(after ?? '')) return all; // 10:05
    if (!isCjk(before) && !isCjk(after)) return all;
    return { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }[p]!;
  });
  // "2023 年度", "255 项", "依法行政， 加快": spaces between Chinese characters, digits and punctuation carry nothing.
  // (Between two characters a space may separate names, 中共河南省委 河南省人民政府: one stays.)
  return s
    .replace(/(?<=[\u3000-\u303f\uff00-\uffef“”])\s+|\s+(?=[\u3000-\u303f\uff00-\uffef“”])/g, '')
    .replace(/(?<=[\u3400-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u3400-\u9fff])/g, '')
    .replace(/(?<=[\u3400-\u9fff])\s{2,}(?=[\u3400-\u9fff])/g, ' ')
    .trim();
}

function metaPairs(line: string): [string, string][] | null {
  const hits = [...line.matchAll(META_RE)];
  if (!hits.length || hits[0].index !== 0) return null;
  const pairs: [string, string][] = [];
  for (let i = 0; i < hits.length; i++) {
    const from = hits[i].index! + hits[i][0].length;
    const to = i + 1 < hits.length ? hits[i + 1].index! : line.length;
    pairs.push([hits[i][1], line.slice(from, to).trim()]);
  }
  // A sentence that happens to begin with "名称：" is text, not metadata.
  return pairs.some(([, v]) => /。/.test(v) || v.length > 80) ? null : pairs;
}

const isoOf = (s: string | undefined): string | null => {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(s ?? '');
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
};

function stripChrome(lines: string[], meta: PageMeta): { lines: string[]; removed: number } {
  let removed = 0;
  // The footer: from the first footer line in the last third, when what follows is short lines only.
  let end = lines.length;
  for (let i = Math.floor(lines.length * 0.6); i < lines.length; i++) {
    if (FOOTER_RE.test(lines[i]) && lines.slice(i).every((l) => l.length <= 120)) {
      end = i;
      break;
    }
  }
  removed += lines.slice(end).filter(Boolean).length;
  const kept: string[] = [];
  for (const line of lines.slice(0, end)) {
    const pairs = metaPairs(line);
    if (pairs) {
      for (const [k, v] of pairs) {
        if (!v) continue;
        if (k === '发布机构' || (k === '信息来源' && !meta.publisher) || (k === '来源' && !meta.publisher)) meta.publisher = v.split(/\s/)[0];
        if (k === '名称' || (k === '标题' && !meta.title)) meta.title = v;
        if (k === '发文日期' || k === '成文日期') meta.issuedOn = isoOf(v) ?? meta.issuedOn;
        if (k === '发布日期' || (k === '发布时间' && !meta.publishedOn)) meta.publishedOn = isoOf(v) ?? meta.publishedOn;
      }
      removed++;
      continue;
    }
    if (line && (NAV_RE.test(line) || SHARE_RE.test(line) || FOOTER_RE.test(line) || isMenuLine(line))) {
      removed++;
      continue;
    }
    kept.push(line);
  }
  return { lines: kept, removed };
}

/** "长者版 | 无障碍浏览 | 联系我们": short items separated by bars. */
function isMenuLine(line: string): boolean {
  const items = line.split(/\s*[|｜]\s*/);
  return items.length >= 3 && items.every((i) => i.length <= 8);
}

/** Hard-wrapped lines (seed 003: `具\n体指导`) are joined; headings, titles, dates and addressees stay alone. */
function joinWrapped(lines: string[]): { lines: string[]; joined: number } {
  const out: string[] = [];
  let joined = 0;
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev && line && !ENDS_SENTENCE.test(prev) && !HEADING_START.test(line) && !DATE_LINE.test(line) && !standsAlone(prev, out.length - 1)) {
      out[out.length - 1] = prev + line;
      joined++;
    } else out.push(line);
  }
  return { lines: out, joined };
}

function standsAlone(line: string, index: number): boolean {
  // A bare heading (no full stop: 一、2023年度工作情况) ends its line; "（一）健全机制。聘请…" may wrap.
  if (HEADING_START.test(line) && line.length <= 60 && !/[。！？]/.test(line)) return true;
  if (DATE_LINE.test(line)) return true;
  // A title line at the top (seed 004: 市科技局2023年法治政府建设情况报告).
  return index <= 3 && line.length <= 60 && /(报告|情况)$/.test(line);
}

export function normalise(raw: string): Normalised {
  const report: Normalisation = { traditional: 0, pinyin: 0, chromeLines: 0, joinedLines: 0, artefacts: 0 };
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
  const meta: PageMeta = { publisher: null, title: null, issuedOn: null, publishedOn: null };
  const trimmed = simplified.split('\n').map((l) => l.trim());
  const chrome = stripChrome(trimmed, meta);
  report.chromeLines = chrome.removed;
  const punctuated = chrome.lines.map(chinesePunctuation);
  const wrapped = joinWrapped(punctuated);
  report.joinedLines = wrapped.joined;
  const lines = wrapped.lines.filter(Boolean);
  return { text: lines.join('\n'), lines, meta, report };
}
