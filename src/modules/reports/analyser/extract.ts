/**
 * The text of an uploaded report: .txt in UTF-8, GBK/GB18030 (common on government desktops) or
 * Big5, a web page as saved from a government site, or a .docx (via mammoth). Anything else is
 * refused with a Chinese message that says what to do instead.
 */
import { AppError } from '../../../core/errors.ts';
import { docxText } from '../../../core/files/docx.ts';

export type SourceFormat = 'txt' | 'html' | 'docx' | 'paste';
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export const ENCODING_LABELS: Record<SourceEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
};
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  txt: '文本文件',
  html: '网页',
  docx: 'Word 文档',
  paste: '粘贴文本',
};

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', `文件：${message}`, { fields: [{ path: 'file', message }] });
};

// Characters written the same in simplified and traditional Chinese, frequent in any prose: a text
// decoded with the wrong legacy encoding has almost none of them.
const COMMON = new Set(
  '的一是在不了有人中大上我以他时地于出就分成可主年同工也能下子产种面而方后多定行学法所民得经十三之着部度家力里如水化高自二理小物加都体制机当使点业本去性好合因由其些然前外天政四日社事平形相全表间样与关各新内数正心反明看原又利比或但第向道此变条只意建月公无系者最立代想已通并提直程五果位入常文总次品式活设及管特件求老基资路少山知将组计别手角期根论运指九区强放决西被做必先回则任取据处理府研',
);

function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    if (ch >= '\u3400' && ch <= '\u9fff') {
      cjk++;
      if (COMMON.has(ch)) common++;
    }
  }
  return cjk ? common / cjk : 0;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes → text: a BOM decides; else UTF-8 if valid; else whichever legacy encoding reads as Chinese. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: SourceEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 8192).includes(0))
    refuse('不是文本文件（含有二进制内容），请上传 .txt、.docx 或 .html 文件');
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) }))
    .filter((c): c is { encoding: 'gb18030' | 'big5'; text: string } => c.text !== null)
    .map((c) => ({ ...c, score: commonShare(c.text) }))
    .sort((a, b) => b.score - a.score);
  if (!candidates.length || candidates[0].score < 0.05)
    refuse('无法识别文件编码（支持 UTF-8、GBK/GB18030、Big5），请另存为 UTF-8 文本后重新上传');
  return { text: candidates[0].text, encoding: candidates[0].encoding };
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  copy: '©',
  reg: '®',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const SKIPPED =
  /<!--|<(script|style|noscript|template|svg|iframe|select|button|head|nav|header|footer|aside)\b/gi;

/** Comments and non-content elements removed in one pass (an unclosed one drops the rest, never rescans). */
function dropElements(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  SKIPPED.lastIndex = 0;
  for (let m = SKIPPED.exec(html); m; m = SKIPPED.exec(html)) {
    if (m.index < at) continue;
    out += html.slice(at, m.index) + '\n';
    const close = m[1] ? `</${m[1].toLowerCase()}` : '-->';
    const end = lower.indexOf(close, m.index + m[0].length);
    if (end < 0) return out;
    at = lower.indexOf('>', end) + 1 || html.length;
    SKIPPED.lastIndex = at;
  }
  return out + html.slice(at);
}

/**
 * A saved web page → its text, one block per line. Scripts, styles and the page's own <nav>,
 * <header>, <footer> go; what chrome remains in plain <div>s the normaliser removes by its content.
 */
export function htmlToText(html: string): string {
  const text = dropElements(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, ' ')
    // [^<>]: a tag ends before the next one begins, so "<<<<…" without a ">" is one pass, not one per "<".
    .replace(
      /<\/?(p|div|li|tr|h[1-6]|table|tbody|section|article|ul|ol|dd|dt|dl|blockquote|pre|form|title|center)\b[^<>]*>/gi,
      '\n',
    )
    .replace(/<[^<>]*>/g, '');
  return decodeEntities(text);
}

const looksLikeHtml = (name: string, text: string) =>
  /\.(s?html?|xhtml|mht)$/i.test(name) ||
  /^\s*(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048));

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The text of an uploaded file, with how it was read. */
export async function extractText(file: {
  name: string;
  content: Buffer;
}): Promise<{ text: string; format: SourceFormat; encoding: SourceEncoding | null }> {
  const b = file.content;
  if (!b.length) refuse('不能为空文件');
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46]))
    refuse('暂不支持 PDF 文件，请上传 .txt、.docx 或网页文件，或复制正文后粘贴导入');
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]))
    refuse('旧版 Word（.doc）或 WPS 文件暂不支持，请另存为 .docx 后上传');
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    startsWith(b, [0x47, 0x49, 0x46])
  )
    refuse('图片文件中的文字无法识别，请上传 .txt、.docx 或网页文件');
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (!b.includes('word/document.xml'))
      refuse('压缩文件或非 Word 文档暂不支持，请上传 .docx 文件');
    // Zip-bomb checks before mammoth; the report's own length limit is applied by the service.
    return {
      text: await docxText(b, { field: 'file', limits: { maxChars: 1_000_000 } }),
      format: 'docx',
      encoding: null,
    };
  }
  const { text, encoding } = decodeText(b);
  return looksLikeHtml(file.name, text)
    ? { text: htmlToText(text), format: 'html', encoding }
    : { text, format: 'txt', encoding };
}
