/**
 * The web page around a report copied from a government site: navigation and breadcrumbs, the
 * 政务公开 metadata block (seed 001) and the date/source line under the title, share and print links,
 * the footer. The lines go; what they say about the report (publisher, title, dates, the breadcrumb
 * trail, the site) is kept in PageMeta. Every pattern here is bounded or anchored: a 200,000-character
 * line without a single separator costs one pass.
 */

/** What the page around the report says about it. */
export interface PageMeta {
  publisher: string | null; // 发布机构 / 信息来源 / 来源
  title: string | null; // 名称 / 标题
  issuedOn: string | null; // 发文日期 / 成文日期
  publishedOn: string | null; // 发布日期 / 发布时间 / 日期 / 编辑日期 …
  /** The breadcrumb trail's items in page order (首页, 政务公开, 云岭市科技局, 计划总结). */
  crumbs: string[];
  /** The site's name (云岭市人民政府门户网站). */
  site: string | null;
}

export const emptyPageMeta = (): PageMeta => ({
  publisher: null,
  title: null,
  issuedOn: null,
  publishedOn: null,
  crumbs: [],
  site: null,
});

const PUBLISHED_LABELS = [
  '发布日期',
  '发布时间',
  '日期',
  '编辑日期',
  '更新日期',
  '更新时间',
  '发稿日期',
  '发稿时间',
  '录入时间',
  '上传时间',
  '时间',
];
const META_LABELS = [
  '索引号',
  '组配分类',
  '发布机构',
  '发布单位',
  '发布部门',
  '主题分类',
  '有效性',
  '关键词',
  '关键字',
  '名称',
  '标题',
  '文号',
  '发文字号',
  '发文日期',
  '成文日期',
  '生成日期',
  '信息来源',
  '来源',
  '浏览次数',
  '阅读次数',
  '阅读量',
  '访问次数',
  '点击量',
  '点击次数',
  '公开方式',
  '公开范围',
  '公开时限',
  '所属机构',
  '信息分类',
  '分类',
  '体裁分类',
  '作者',
  '责任编辑',
  '编辑',
  '审核',
  '字体',
  '字号',
  '访问量',
  '点击数',
  ...PUBLISHED_LABELS,
].sort((a, b) => b.length - a.length); // 编辑日期 before 编辑, 发布日期 before 日期
const META_RE = new RegExp(`(${META_LABELS.join('|')})\\s*[:：]\\s*`, 'g');
const NAV_RE =
  /^(长者版|关怀版|无障碍|网站首页|首页\s*[>＞»]|当前位置|您当前的位置|您的位置|你的位置|位置\s*[:：])|当前位置\s*[:：]/;
const SHARE_RE =
  /^(【?(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|分享到|分享)】?\s*)+$|扫一扫|分享到[:：]?|视力保护色|【\s*字体[:：]?|字号\s*[:：]|^\s*[【\[]\s*(大|中|小)\s*[】\]]/;
/** Where share and print links begin after a title on the same line. */
const SHARE_TAIL = /[【\[]\s*(?:字体|字号|打印|关闭|收藏|分享)|分享到|扫一扫|视力保护色/;
const FOOTER_RE =
  /Copyright|版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|维护单位\s*[:：]|网站地图|网站导航|IPv6|建议使用.{0,20}浏览器|分辨率/i;
/** 您当前所在的位置： / 当前位置： / 您现在的位置是： before a breadcrumb trail. */
const LOCATION = /^(?:您|你)?(?:当前|现在)?(?:所在)?的?(?:所在)?位置(?:是)?\s*[:：]/;
const CRUMB_SEP = /[>＞»›]/;
const HOME = /^(?:网站首页|首页|主页|返回首页)$/;
/** A line naming the site: 云岭市人民政府门户网站. */
const SITE_RE = /^[\u4e00-\u9fff]{2,30}(?:门户网站|政府网站|政务网站|政府网|政务网|网站)$/;
/** A line that could be the report's title: short, no sentence inside. */
const titleLike = (s: string) => s.length >= 6 && s.length <= 100 && !/[。！？；]/.test(s);
const REPORT_TITLE = /(报告|情况|总结)$/;

export const isoOf = (s: string | undefined): string | null => {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(s ?? '');
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
};

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

function keepMeta(pairs: [string, string][], meta: PageMeta): void {
  for (const [k, v] of pairs) {
    if (!v) continue;
    if (
      k === '发布机构' ||
      k === '发布单位' ||
      k === '发布部门' ||
      ((k === '信息来源' || k === '来源') && !meta.publisher)
    )
      meta.publisher = v.split(/\s/)[0];
    if (k === '名称' || (k === '标题' && !meta.title)) meta.title = v;
    if (k === '发文日期' || k === '成文日期') meta.issuedOn = isoOf(v) ?? meta.issuedOn;
    if (k === '发布日期' || (PUBLISHED_LABELS.includes(k) && !meta.publishedOn))
      meta.publishedOn = isoOf(v) ?? meta.publishedOn;
  }
}

/** 【编辑日期:2023-12-28】【字体:大 中 小】: the same metadata in brackets. */
const unbracket = (line: string) =>
  /^[【\[]/.test(line) ? line.replace(/[【】\[\]]/g, ' ').trim() : line;

/**
 * A breadcrumb trail (首页 > 政务公开 > 计划总结, > 工作信息 > 计划总结, 您当前所在的位置：…): its
 * items, or null. Some sites end the trail with the article's title: that item is returned as `title`.
 */
function breadcrumb(line: string): { items: string[]; title: string | null } | null {
  if (line.length > 300) return null;
  const located = LOCATION.exec(line);
  const rest = located ? line.slice(located[0].length) : line;
  const items = rest.split(CRUMB_SEP).map((s) => s.trim());
  const leading = items[0] === '' && items.length >= 2;
  const named = items.filter(Boolean);
  const trail =
    located ||
    leading ||
    (named.length >= 2 && HOME.test(named[0])) ||
    (named.length >= 3 && named.every((s) => s.length <= 20) && !/[。，；！？]/.test(rest));
  if (!trail) return null;
  const last = named[named.length - 1];
  const title =
    named.length >= 2 && last && last.length > 20 && titleLike(last) && REPORT_TITLE.test(last)
      ? last
      : null;
  return { items: title ? named.slice(0, -1) : named, title };
}

/**
 * Chrome after a title on its own line: "…情况报告 发布时间：2024-01-30 来源：本网 阅读次数：56" or
 * "…报告【字体：大 中 小】【打印】". Returns the title, having kept the metadata.
 */
function titleBeforeChrome(line: string, meta: PageMeta): string | null {
  let cut = -1;
  for (const hit of line.matchAll(META_RE)) {
    if (hit.index === 0) return null;
    const pairs = metaPairs(
      line
        .slice(hit.index)
        .replace(/[【】\[\]]/g, ' ')
        .trim(),
    );
    if (pairs && (pairs.length >= 2 || pairs.some(([, v]) => isoOf(v)))) {
      cut = hit.index!;
      keepMeta(pairs, meta);
    }
    break;
  }
  const share = SHARE_TAIL.exec(line);
  if (share && share.index > 0 && (cut < 0 || share.index < cut)) cut = share.index;
  if (cut <= 0) return null;
  const title = line
    .slice(0, cut)
    .replace(/[【\[\s]+$/, '')
    .trim();
  return titleLike(title) && /报告|情况|总结|法治|依法行政/.test(title) ? title : null;
}

/** "长者版 | 无障碍浏览 | 联系我们": short items separated by bars. */
function isMenuLine(line: string): boolean {
  const items = line.split(/[|｜]/);
  return items.length >= 3 && items.every((i) => i.trim().length <= 8);
}

/** Removes the page around the report from its lines (trimmed, before punctuation), keeping what it says in `meta`. */
export function stripChrome(lines: string[], meta: PageMeta): { lines: string[]; removed: number } {
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
    if (!line) {
      kept.push(line);
      continue;
    }
    const pairs = metaPairs(unbracket(line));
    if (pairs) {
      keepMeta(pairs, meta);
      removed++;
      continue;
    }
    const crumbs = breadcrumb(line);
    if (crumbs) {
      if (meta.crumbs.length < 20) meta.crumbs.push(...crumbs.items.slice(0, 20));
      removed++;
      if (crumbs.title) kept.push(crumbs.title);
      continue;
    }
    if (SITE_RE.test(line)) {
      meta.site ??= line;
      removed++;
      continue;
    }
    // A paragraph (with a full stop) is no title; most lines are paragraphs.
    const before =
      line.length <= 300 && !line.includes('。') ? titleBeforeChrome(line, meta) : null;
    if (before) {
      kept.push(before);
      removed++;
      continue;
    }
    if (NAV_RE.test(line) || SHARE_RE.test(line) || FOOTER_RE.test(line) || isMenuLine(line)) {
      removed++;
      continue;
    }
    kept.push(line);
  }
  return { lines: kept, removed };
}
