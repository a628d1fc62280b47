/**
 * Who wrote the report, for which year, and when: from the page's 政务公开 metadata, the title line,
 * the opening sentence, the part headings and the date line at the end (seeds 000–004 each carry a
 * different subset of these).
 */
import type { Heading } from './types.ts';
import type { PageMeta } from './normalise.ts';

/** Department names as reports shorten them (市科技局, 市科工信局) → the official name. */
const DEPARTMENTS: [RegExp, string][] = [
  [/^(科学技术|科技)局$/, '科学技术局'],
  [/^(科技工业和信息化|科工信)局$/, '科技工业和信息化局'],
  [/^(工业和信息化|工信|经信|经济和信息化)局$/, '工业和信息化局'],
  [/^(发展和改革|发改)委(员会)?$/, '发展和改革委员会'],
  [/^(人力资源和社会保障|人社)局$/, '人力资源和社会保障局'],
  [/^(住房和城乡建设|住建)局$/, '住房和城乡建设局'],
  [/^(市场监督管理|市场监管|市监)局$/, '市场监督管理局'],
  [/^(卫生健康|卫健)委(员会)?$/, '卫生健康委员会'],
  [/^(文化广电旅游|文广旅|文旅)局$/, '文化广电旅游局'],
  [/^(政务服务数据管理|政数)局$/, '政务服务数据管理局'],
  [/^(自然资源和规划|自然资源|规划和自然资源)局$/, '自然资源和规划局'],
  [/^(生态环境|环保)局$/, '生态环境局'],
  [/^(农业农村|农业)局$/, '农业农村局'],
  [/^(交通运输|交通)局$/, '交通运输局'],
  [/^(应急管理|应急)局$/, '应急管理局'],
  [/^(退役军人事务)局$/, '退役军人事务局'],
  [/^(医疗保障|医保)局$/, '医疗保障局'],
  [/^(教育|公安|民政|司法|财政|水利|商务|审计|统计|林业|体育|信访|数据|城市管理|城管|气象|粮食和物资储备|国资|税务)(局|委)$/, ''],
];
const STEMS = DEPARTMENTS.map(([re]) => re.source.slice(1, -1)).join('|');
const MENTION_RE = new RegExp(`([\\u4e00-\\u9fff]{2,3}(?:市|县|区))?(市|县|区)?(${STEMS})`, 'g');
const NOT_A_CITY = /^[全本我各该在和与及对为是城的了到省县区市]|[全本我各该的了到和与及对为城级型]$/;

function officialName(short: string): string {
  for (const [re, name] of DEPARTMENTS) if (re.test(short)) return name || short;
  return short;
}

interface Mention { city: string; level: string; name: string; at: number; length: number }

const outsideTitles = (text: string) => text.replace(/《[^》\n]{0,200}》/g, (s) => '　'.repeat(s.length));

/**
 * Cities the text itself confirms: written at the start of a line (title, addressee), opening a
 * 《title》 or “name”, or before 人民政府. "按照市委" or "以来市科技局" are not cities.
 */
function confirmedCities(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (c: string) => !NOT_A_CITY.test(c.slice(0, -1)) && counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const m of text.matchAll(/^([\u4e00-\u9fff]{2,3}[市县区])/gm)) add(m[1]);
  for (const m of text.matchAll(/[《“]([\u4e00-\u9fff]{2,3}[市县区])/g)) add(m[1]);
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2}[市县区])人民政府/g)) add(m[1]);
  return counts;
}

function mentions(text: string, cities: Map<string, number>): Mention[] {
  return [...outsideTitles(text).matchAll(MENTION_RE)].map((m) => ({
    // "参与荥阳市科工信局" matches from 与: the city is the confirmed one the match ends with.
    city: m[1] ? ([...cities.keys()].find((c) => m[1].endsWith(c)) ?? '') : '',
    level: m[2] ?? '',
    name: m[3],
    at: m.index!,
    length: m[0].length,
  }));
}

/** The city the text confirms most often, or a brand like “江门科技” (seed 000 never writes 江门市). */
function cityOf(text: string, cities: Map<string, number>, stem: string | null): string | null {
  const best = [...cities].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  if (stem) {
    const brand = new RegExp(`[“"]([\\u4e00-\\u9fff]{2})${stem.slice(0, 2)}`).exec(text);
    if (brand && !NOT_A_CITY.test(brand[1])) return `${brand[1]}市`;
  }
  return null;
}

/** The department in the opening lines when it is the subject ("，市科技局坚持…", not "和市司法局的具体指导下"). */
function openingSubject(opening: string, cities: Map<string, number>): Mention | undefined {
  return mentions(opening, cities).find((m) => (m.at === 0 || /[，。；：\n]/.test(opening[m.at - 1])) && opening[m.at + m.length] !== '的');
}

export interface ReportMeta { title: string | null; orgName: string | null; city: string | null; year: number | null; reportDate: string | null; addressee: string | null }

const yearIn = (s: string | null | undefined): number | null => {
  const m = /((?:19|20)\d{2})\s*年/.exec(s ?? '');
  return m ? Number(m[1]) : null;
};

const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', '○': '0', 'Ｏ': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGITS[c] ?? '0').join(''));
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? Number(CN_DIGITS[tens]) : 1) * 10 : 0) + (ones ? Number(CN_DIGITS[ones]) : 0);
}

/** A date line at the end (seed 003: 2024年4月1日; also 二〇二四年二月四日). */
function dateLine(lines: string[]): string | null {
  for (const line of lines.slice(-3).reverse()) {
    const m = /^([\d〇零一二三四五六七八九○Ｏ]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(line);
    if (m) return `${cnNumber(m[1])}-${String(cnNumber(m[2])).padStart(2, '0')}-${String(cnNumber(m[3])).padStart(2, '0')}`;
  }
  return null;
}

export function findMeta(lines: string[], headings: Heading[], page: PageMeta): ReportMeta {
  const firstHeading = headings.find((h) => h.level === 1)?.line ?? lines.length;
  const head = lines.slice(0, Math.min(firstHeading, 4));
  const title = page.title ?? head.find((l) => l.length <= 60 && /报告|情况/.test(l) && /法治|依法行政/.test(l) && !/[。：]$/.test(l)) ?? null;
  // Seed 003 opens with "荥阳市人民政府:", the report's addressee.
  const addressee = head.map((l) => /^([\u4e00-\u9fff]{2,20}(?:人民政府|委员会|办公室|党委|政府))[：:]$/.exec(l)?.[1]).find(Boolean) ?? null;

  const text = lines.join('\n');
  const cities = confirmedCities(text);
  const all = mentions(text, cities);
  const opening = head.filter((l) => l !== addressee + '：').join('\n').slice(0, 200);
  let own: Mention | undefined = mentions(page.publisher ?? '', cities)[0] ?? mentions(title ?? '', cities)[0] ?? openingSubject(opening, cities);
  if (!own) {
    // Otherwise a department the text names twice or more (seed 003: 荥阳市科工信局, 市科工信局).
    const byName = new Map<string, Mention[]>();
    for (const m of all) byName.set(officialName(m.name), [...(byName.get(officialName(m.name)) ?? []), m]);
    const best = [...byName.values()].sort((a, b) => b.length - a.length)[0];
    if (best && best.length >= 2) own = best.find((m) => m.city) ?? best[0];
  }
  let orgName: string | null = null;
  let city: string | null;
  if (own) {
    const name = officialName(own.name);
    city = own.city || all.find((m) => officialName(m.name) === name && m.city)?.city || cityOf(text, cities, own.name);
    orgName = city ? `${city}${name}` : `${own.level}${name}`;
  } else city = cityOf(text, cities, null);

  const top = headings.filter((h) => h.level === 1);
  const measures = top.find((h) => h.part === 'measures');
  const shortcomings = top.find((h) => h.part === 'shortcomings');
  const next = top.find((h) => h.part === 'plans');
  const openingYear = /^((?:19|20)\d{2})\s*年度?[，,]/.exec(lines[0] === addressee + '：' ? lines[1] ?? '' : lines.find((l) => !HEADING_OR_TITLE(l, title)) ?? '');
  const year = yearIn(title) ?? yearIn(measures?.title) ?? (openingYear ? Number(openingYear[1]) : null) ?? yearIn(shortcomings?.title) ?? (yearIn(next?.title) ? yearIn(next?.title)! - 1 : null);
  const reportDate = page.issuedOn ?? dateLine(lines) ?? page.publishedOn;
  return { title, orgName, city, year, reportDate, addressee };
}

const HEADING_OR_TITLE = (l: string, title: string | null) => l === title || /^[一二三四五六七八九十]+、/.test(l);
