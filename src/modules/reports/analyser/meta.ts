/**
 * Who wrote the report, for which year, and when: from the page around it (政务公开 metadata, the
 * date line under the title, the breadcrumb trail), the title line, the opening sentence, the part
 * headings, a signature and the date line at the end (seeds 000–004 and fixtures/unseen.ts each carry
 * a different subset of these). What an organisation's name looks like is org.ts's.
 */
import type { Heading } from './types.ts';
import type { PageMeta } from './chrome.ts';
import {
  confirmedCities,
  mentions,
  officialName,
  orgAt,
  orgNameOf,
  placeOf,
  wholeOrg,
  type Mention,
  type OrgName,
} from './org.ts';

export interface ReportMeta {
  title: string | null;
  orgName: string | null;
  city: string | null;
  year: number | null;
  reportDate: string | null;
  addressee: string | null;
}

const yearIn = (s: string | null | undefined): number | null => {
  const m = /((?:19|20)\d{2})\s*年/.exec(s ?? '');
  return m ? Number(m[1]) : null;
};

const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGITS[c] ?? '0').join(''));
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (
    (s.includes('十') ? (tens ? Number(CN_DIGITS[tens]) : 1) * 10 : 0) +
    (ones ? Number(CN_DIGITS[ones]) : 0)
  );
}

/** A date line at the end (seed 003: 2024年4月1日; also 二〇二四年二月四日). */
function dateLine(lines: string[]): string | null {
  for (const line of lines.slice(-3).reverse()) {
    const m =
      /^([\d〇零一二三四五六七八九○Ｏ]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(
        line,
      );
    if (m)
      return `${cnNumber(m[1])}-${String(cnNumber(m[2])).padStart(2, '0')}-${String(cnNumber(m[3])).padStart(2, '0')}`;
  }
  return null;
}

/**
 * The addressee line (seed 003: 荥阳市人民政府：; 中共云岭市委、云岭市人民政府：): organs separated
 * by 、 and a colon. It names who the report is for, never who wrote it.
 */
function addresseeOf(line: string): string | null {
  const m = /^(.{2,60})[：:]$/.exec(line);
  if (!m) return null;
  const organs = m[1].split(/[、，]/);
  return organs.every(
    (o) =>
      /^[\u4e00-\u9fff]{2,24}$/.test(o) &&
      /(人民政府|政府|委员会|党委|党组|委|办公室|办|局|厅)$/.test(o),
  )
    ? m[1]
    : null;
}

const asOrg = (m: Mention): OrgName => ({
  place: m.city,
  level: m.level,
  department: m.name,
  length: m.length,
});
/** 市司法局的指导, 市委和市政府, 云岭市司法局《通知》: named, but not the subject. */
const NOT_SUBJECT_AFTER = /^[的和与及、《“]/;

/**
 * The department that wrote the report, from the strongest evidence to the weakest: the page's
 * publisher, the title, a signature above the date line, the subject of the opening sentence
 * (2023年，云岭市科学技术局坚持…), the breadcrumb trail, a department the text names twice or more.
 */
function authorOf(
  lines: string[],
  title: string | null,
  opening: string,
  page: PageMeta,
  cities: Map<string, number>,
  all: Mention[],
): OrgName | null {
  const publisher = page.publisher ?? '';
  const fromPublisher = orgAt(publisher) ?? mentions(publisher, cities).map(asOrg)[0];
  const bareTitle = (title ?? '').replace(/^(?:(?:19|20)\d{2}年度?|关于)+/, '');
  const fromTitle = orgAt(bareTitle) ?? mentions(title ?? '', cities).map(asOrg)[0];
  // Not a government (政府, 人民政府办公室): what is left of a page's footer names the site's owner.
  const signature = () =>
    lines
      .slice(-4)
      .map(wholeOrg)
      .find((o) => o && !/政府/.test(o.department)) ?? null;
  const subject = () => {
    for (const m of opening.matchAll(/(?:^|[，。；：\n])/g)) {
      const at = m.index! + m[0].length;
      const org = orgAt(opening.slice(at));
      if (org && !NOT_SUBJECT_AFTER.test(opening.slice(at + org.length, at + org.length + 1)))
        return org;
    }
    // A known department after a place the text does not confirm (… 荥阳市科工信局坚持).
    const m = mentions(opening, cities).find(
      (x) =>
        (x.at === 0 || /[，。；：\n]/.test(opening[x.at - 1])) && opening[x.at + x.length] !== '的',
    );
    return m ? asOrg(m) : null;
  };
  // The site's own section (云岭市科技局), not the portal it belongs to (云岭市人民政府).
  const crumb = () =>
    [...page.crumbs]
      .reverse()
      .map(wholeOrg)
      .find((o) => o && !/政府/.test(o.department)) ?? null;
  const repeated = () => {
    // A department the text names twice or more (seed 003: 荥阳市科工信局, 市科工信局).
    const byName = new Map<string, Mention[]>();
    for (const m of all) {
      const list = byName.get(officialName(m.name));
      if (list) list.push(m);
      else byName.set(officialName(m.name), [m]);
    }
    const best = [...byName.values()].sort((a, b) => b.length - a.length)[0];
    return best && best.length >= 2 ? asOrg(best.find((m) => m.city) ?? best[0]) : null;
  };
  return fromPublisher ?? fromTitle ?? signature() ?? subject() ?? crumb() ?? repeated();
}

export function findMeta(lines: string[], headings: Heading[], page: PageMeta): ReportMeta {
  const firstHeading = headings.find((h) => h.level === 1)?.line ?? lines.length;
  const head = lines.slice(0, Math.min(firstHeading, 4));
  const title =
    page.title ??
    head.find(
      (l) => l.length <= 60 && /报告|情况/.test(l) && /法治|依法行政/.test(l) && !/[。：]$/.test(l),
    ) ??
    null;
  const addresseeLine = head.find((l) => addresseeOf(l)) ?? null;
  const addressee = addresseeLine && addresseeOf(addresseeLine);
  // The first paragraph of the report itself.
  const firstLine = lines.find((l) => l !== addresseeLine && !HEADING_OR_TITLE(l, title)) ?? '';

  const text = lines.join('\n');
  const cities = confirmedCities([text, page.site ?? '', ...page.crumbs].join('\n'));
  const all = mentions(text, cities);
  const opening = head
    .filter((l) => l !== addresseeLine && l !== title)
    .join('\n')
    .slice(0, 200);
  const own = authorOf(lines, title, opening, page, cities, all);
  let orgName: string | null = null;
  let city: string | null;
  if (own) {
    const name = officialName(own.department);
    city =
      own.place ||
      all.find((m) => officialName(m.name) === name && m.city)?.city ||
      placeOf(text, cities, own.level, own.department);
    orgName = orgNameOf(own, city ?? '');
  } else city = placeOf(text, cities, '', null);

  const top = headings.filter((h) => h.level === 1);
  const measures = top.find((h) => h.part === 'measures');
  const shortcomings = top.find((h) => h.part === 'shortcomings');
  const next = top.find((h) => h.part === 'plans');
  const openingYear = /^((?:19|20)\d{2})\s*年(?:度|以来)?[，,]/.exec(firstLine);
  // 根据2024年度法治政府建设工作安排，现将…: the year whose work the report gives account of.
  const arranged =
    /根据[^。\n]{0,40}?((?:19|20)\d{2})\s*年度?[^。\n]{0,30}?(?:安排|要点|部署|计划|要求|通知)/.exec(
      firstLine.slice(0, 300),
    );
  const year =
    yearIn(title) ??
    yearIn(measures?.title) ??
    (openingYear ? Number(openingYear[1]) : null) ??
    (arranged ? Number(arranged[1]) : null) ??
    yearIn(shortcomings?.title) ??
    (yearIn(next?.title) ? yearIn(next?.title)! - 1 : null);
  const reportDate = page.issuedOn ?? dateLine(lines) ?? page.publishedOn;
  return { title, orgName, city, year, reportDate, addressee };
}

const HEADING_OR_TITLE = (l: string, title: string | null) =>
  l === title || /^[一二三四五六七八九十]+、/.test(l);
