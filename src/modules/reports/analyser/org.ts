/**
 * Who wrote the report: an organisation name is a place — any 省/自治区/市/州/盟/县/区/旗, one or several
 * levels (东岚省云岭市白沙区) — followed by a department (科学技术局, 综合行政执法局, 发展和改革委员会,
 * 人民政府办公室), or a bare level before a department type reports shorten (市科技局, 区司法局). Short
 * forms become official names (科技局 → 科学技术局); the place is found, not looked up in a list.
 */

/** Department types as reports shorten them (市科技局, 市科工信局) → the official name ('' = as written). */
const DEPARTMENTS: [RegExp, string][] = [
  [/^(科学技术|科技)局$/, '科学技术局'],
  [/^(科技工业和信息化|科工信)局$/, '科技工业和信息化局'],
  [/^(工业和信息化|工信|经信|经济和信息化)局$/, '工业和信息化局'],
  [/^(发展和改革|发展改革|发改)委(员会)?$/, '发展和改革委员会'],
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
  [
    /^(教育|公安|民政|司法|财政|水利|商务|审计|统计|林业|体育|信访|数据|城市管理|城管|气象|粮食和物资储备|国资|税务)(局|委)$/,
    '',
  ],
];
const STEMS = DEPARTMENTS.map(([re]) => re.source.slice(1, -1)).join('|');

export function officialName(short: string): string {
  for (const [re, name] of DEPARTMENTS) if (re.test(short)) return name || short;
  return short;
}
const knownDepartment = (name: string) => DEPARTMENTS.some(([re]) => re.test(name));

const HAN = '[\\u4e00-\\u9fff]';
const LEVEL_WORDS = '特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗';
/** One level of a place at the start of the text: 1–9 characters, then the level (lazy: 云岭市 | 白沙区). */
const PLACE_AT = new RegExp(`^${HAN}{1,9}?(?:${LEVEL_WORDS})`);
/**
 * Words that end like a place but are none (全市, 我县, 城区, 市区, 中共云岭市, 根据云岭市) or run into a
 * department (科技局白沙区).
 */
const NOT_PLACE_START =
  /^(?:[全本我各该在和与及对为是的了到省县区市州把被据给让使请]|中共|根据|按照|依据|关于|围绕|结合|会同|联合|配合|协助|通过|经过|督促|印发|转发)/;
const NOT_PLACE_BODY = /[局厅委办会部院处所站的了与及对为是在把将被、]|[级型]$/;
const NOT_PLACE_WORD = /^(?:[城社园辖景郊片厂矿乡镇村][市区县州])$/;
/**
 * A department after the place: the shortest run of characters up to an organ's ending, unless what
 * follows makes the ending part of a word (局面, 委员, 办理, 中心组); 和 joins words of one name
 * (住房和城乡建设局), not two organisations (市政府和市司法局).
 */
const DEPARTMENT_AT = new RegExp(
  `^(?:人民政府(?:办公室)?|(?:(?![的了在是把将被对于与及]|和[省市州县区])${HAN}){1,14}?(?:委员会办公室|管委会|委员会|办公室|中心(?!组)|局(?![面势限])|厅|委(?![员托屈派])|办(?![理法事好结公])))`,
);
const LEVEL_ONLY = new RegExp(`^(省|市|州|盟|县|区|旗)(${STEMS})`);

export interface OrgName {
  /** The place as written, every level (东岚省云岭市白沙区), or '' when only the level is (市科技局). */
  place: string;
  /** The level written without a place (市 in 市科技局), or ''. */
  level: string;
  /** The department as written (科技局). */
  department: string;
  /** Characters of the text the name takes. */
  length: number;
}

/** The official name: 云岭市科技局 → 云岭市科学技术局; 市科技局 with the place found elsewhere. */
export const orgNameOf = (org: OrgName, place = org.place) =>
  `${place || org.level}${officialName(org.department)}`;

function placeAt(s: string): string | null {
  const m = PLACE_AT.exec(s);
  if (!m) return null;
  // 亳州市, 通州区: 州 ends the shortest match but not the name.
  const place =
    /[^治]州$/.test(m[0]) && /^[市县区]/.test(s.slice(m[0].length)) ? m[0] + s[m[0].length] : m[0];
  const body = place.replace(new RegExp(`(?:${LEVEL_WORDS})$`), '');
  if (
    NOT_PLACE_START.test(place) ||
    NOT_PLACE_WORD.test(place) ||
    (body && NOT_PLACE_BODY.test(body))
  )
    return null;
  return place;
}

/**
 * The organisation named at the start of `text` (a title, a publisher, a breadcrumb item, a clause):
 * a place of up to four levels and any department, or a bare level and a known department type.
 */
export function orgAt(text: string): OrgName | null {
  const s = text.slice(0, 60);
  const places: string[] = [];
  for (let at = 0, p = placeAt(s); p && places.length < 4; p = placeAt(s.slice(at))) {
    places.push(p);
    at += p.length;
  }
  // 云岭市城市管理局: the last "place" may be the start of the department; try fewer levels.
  for (let n = places.length; n >= 1; n--) {
    const place = places.slice(0, n).join('');
    const d = DEPARTMENT_AT.exec(s.slice(place.length));
    if (d) return { place, level: '', department: d[0], length: place.length + d[0].length };
  }
  const level = LEVEL_ONLY.exec(s);
  if (level && !/^[面势限长员理法事好结组的]/.test(s.slice(level[0].length)))
    return { place: '', level: level[1], department: level[2], length: level[0].length };
  return null;
}

/** A line that is nothing but an organisation's name (a signature, a breadcrumb item, a publisher). */
export function wholeOrg(line: string): OrgName | null {
  const org = orgAt(line.trim());
  return org && org.length === line.trim().length ? org : null;
}

export interface Mention {
  city: string;
  level: string;
  name: string;
  at: number;
  length: number;
}

const MENTION_RE = new RegExp(`(${HAN}{2,3}(?:市|县|区))?(市|县|区)?(${STEMS})`, 'g');
const NOT_A_CITY =
  /^[全本我各该在和与及对为是城的了到省县区市]|[全本我各该的了到和与及对为城级型]$/;
const outsideTitles = (text: string) =>
  text.replace(/《[^》\n]{0,200}》/g, (s) => '　'.repeat(s.length));

/**
 * Places the text itself confirms: written at the start of a line (title, addressee), opening a
 * 《title》 or “name”, before 人民政府 or in 中共…委. "按照市委" or "以来市科技局" are not places.
 */
export function confirmedCities(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (c: string) =>
    !NOT_A_CITY.test(c.slice(0, -1)) && counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const m of text.matchAll(/^([\u4e00-\u9fff]{2,3}[市县区])/gm)) add(m[1]);
  for (const m of text.matchAll(/[《“]([\u4e00-\u9fff]{2,3}[市县区])/g)) add(m[1]);
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2}[市县区])人民政府/g)) add(m[1]);
  for (const m of text.matchAll(/中共([\u4e00-\u9fff]{2,3}[市县区])委/g)) add(m[1]);
  return counts;
}

/** Known department types mentioned anywhere, with the confirmed place written before them. */
export function mentions(text: string, cities: Map<string, number>): Mention[] {
  return [...outsideTitles(text).matchAll(MENTION_RE)].map((m) => ({
    // "参与荥阳市科工信局" matches from 与: the city is the confirmed one the match ends with.
    city: m[1] ? ([...cities.keys()].find((c) => m[1].endsWith(c)) ?? '') : '',
    level: m[2] ?? '',
    name: m[3],
    at: m.index!,
    length: m[0].length,
  }));
}

/**
 * The place of an organisation written with its level only (市科技局): the confirmed place of that
 * level the text names most, else the most named one, or a brand like “江门科技” (seed 000 never writes 江门市).
 */
export function placeOf(
  text: string,
  cities: Map<string, number>,
  level: string,
  stem: string | null,
): string | null {
  const ranked = [...cities].sort((a, b) => b[1] - a[1]);
  const best = (level && ranked.find(([c]) => c.endsWith(level))) || ranked[0];
  if (best) return best[0];
  if (stem) {
    const brand = new RegExp(`[“"]([\\u4e00-\\u9fff]{2})${stem.slice(0, 2)}`).exec(text);
    if (brand && !NOT_A_CITY.test(brand[1])) return `${brand[1]}市`;
  }
  return null;
}
