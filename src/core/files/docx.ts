/**
 * The text of an uploaded .docx, safe against zip bombs: before mammoth sees the file, every entry
 * of the zip's central directory is checked (count, declared sizes, compression ratio) and then
 * actually inflated with a byte cap — declared sizes may lie — so a 1.5 MB file that expands to
 * 400 MB is refused in milliseconds with a few MB of memory. Used by every .docx importer.
 */
import zlib from 'node:zlib';
import { AppError } from '../errors.ts';

export interface DocxLimits {
  /** Decompressed bytes of all XML parts together (what mammoth parses into memory). */
  maxXmlBytes: number;
  /** Decompressed bytes of any one entry (images included). */
  maxEntryBytes: number;
  /** Entries in the zip. */
  maxEntries: number;
  /** Decompressed/compressed ratio above which an entry larger than 1 MB is refused. */
  maxRatio: number;
  /** Characters of extracted text. */
  maxChars: number;
}

// A 300-page 公文 has a document.xml of a few MB; mammoth needs ~9× an XML part's size in memory.
export const DOCX_LIMITS: DocxLimits = {
  maxXmlBytes: 24 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
  maxChars: 200_000,
};

export interface DocxOptions {
  /** The request field the file came in (error `fields[].path`). */
  field: string;
  limits?: Partial<DocxLimits>;
}

const refuse = (field: string, message: string): never => {
  throw new AppError('VALIDATION', `文件：${message}`, { fields: [{ path: field, message }] });
};

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** The central directory (no zip64: a .docx within the upload limit never needs it). */
function centralDirectory(b: Buffer, field: string, maxEntries: number): Entry[] {
  const corrupt = () => refuse(field, '无法读取该 .docx 文件，请检查文件是否损坏');
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt();
  const count = b.readUInt16LE(eocd + 10);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return corrupt();
  if (count > maxEntries) refuse(field, `文档包含的部件过多（${count} 个），不是正常的 Word 文档`);
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return corrupt();
    const nameLen = b.readUInt16LE(p + 28);
    const entry = {
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: b.readUInt32LE(p + 42),
    };
    entries.push(entry);
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** The entry's bytes inflated, at most `cap` of them (null when it would be larger). */
function inflateCapped(b: Buffer, e: Entry, cap: number, field: string): number | null {
  const corrupt = () => refuse(field, '无法读取该 .docx 文件，请检查文件是否损坏');
  const h = e.localOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) return corrupt();
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > cap ? null : data.length;
  if (e.method !== 8) return corrupt();
  try {
    // Inflation stops as soon as the output passes the cap: memory stays at the cap, time at its size.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      return null;
    return corrupt();
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Refuses a .docx whose contents would expand beyond the limits — by the central directory first
 * (declared sizes, ratio), then by inflating every entry with a cap (a lying directory).
 */
export function checkDocxSize(b: Buffer, opts: DocxOptions): void {
  const l = { ...DOCX_LIMITS, ...opts.limits };
  const tooBig = () =>
    refuse(
      opts.field,
      `文档解压后内容过大（超过 ${mb(l.maxXmlBytes)}），疑似压缩炸弹或非正常 Word 文档，请检查后重新上传`,
    );
  const entries = centralDirectory(b, opts.field, l.maxEntries);
  const isXml = (e: Entry) => /\.(xml|rels)$/i.test(e.name);
  let xml = 0;
  for (const e of entries) {
    if (e.size > l.maxEntryBytes || (isXml(e) && (xml += e.size) > l.maxXmlBytes)) tooBig();
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressed) > l.maxRatio) tooBig();
  }
  let xmlInflated = 0;
  for (const e of entries) {
    const cap = isXml(e) ? l.maxXmlBytes - xmlInflated : l.maxEntryBytes;
    const size = inflateCapped(b, e, cap, opts.field);
    if (size === null) return tooBig();
    if (isXml(e)) xmlInflated += size;
  }
}

/** The raw text of a .docx (mammoth), after the size checks; refused when longer than `maxChars`. */
export async function docxText(content: Buffer, opts: DocxOptions): Promise<string> {
  const l = { ...DOCX_LIMITS, ...opts.limits };
  checkDocxSize(content, opts);
  let text: string;
  try {
    // Loaded on first use: mammoth costs ~15 MB and ~60 ms at start-up.
    const { default: mammoth } = await import('mammoth');
    text = (await mammoth.extractRawText({ buffer: content })).value;
  } catch {
    return refuse(opts.field, '无法读取该 .docx 文件，请检查文件是否损坏');
  }
  if (text.length > l.maxChars) refuse(opts.field, `正文过长（超过 ${l.maxChars / 10_000} 万字）`);
  return text;
}
