/**
 * Draft texts are plain paragraphs (one per line); articles are the paragraphs that start with
 * 第N条 (Chinese numerals). Pure helpers shared by the portal, the report and the .docx export.
 */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGITS[ch];
  }
  return total + current;
}

export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

const ARTICLE = /^第([零〇一二两三四五六七八九十百]+)条/;
const HEADING = /^第[零〇一二两三四五六七八九十百]+[章节]/;

export interface Paragraph {
  text: string;
  article?: number;
  heading?: boolean;
}

export function structure(text: string): Paragraph[] {
  return paragraphs(text).map((p) => {
    const m = ARTICLE.exec(p);
    const article = m ? (chineseNumber(m[1]) ?? undefined) : undefined;
    return { text: p, article, heading: HEADING.test(p) && !article };
  });
}

/** The numbered articles of a draft, for the comment form's 条款 choice. */
export function articles(text: string): number[] {
  return [...new Set(structure(text).flatMap((p) => (p.article ? [p.article] : [])))];
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 999). */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${toChineseNumber(rest)}` : toChineseNumber(rest)}`;
}

export const articleLabel = (n: number) => `第${toChineseNumber(n)}条`;
