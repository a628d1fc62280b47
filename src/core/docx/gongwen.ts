/**
 * 公文格式 .docx (GB/T 9704-2012 党政机关公文格式), shared by every module that produces letters or
 * reports: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 2号
 * centred; body 仿宋_GB2312 3号; first-level headings 黑体, second-level 楷体_GB2312; 22 lines of 28
 * characters (§5.2.2) held by the section's document grid (w:docGrid linesAndChars: line pitch and
 * character pitch computed from the text block); page numbers 4号 宋体 "— 1 —" outside-aligned, the
 * 一字线 7 mm below the text block (§7.5). Fonts are named as East Asian fonts (w:eastAsia) and for
 * Latin text alike.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

/** 1 mm in twips (1/1440 inch): 1440 / 25.4. Rounded once per length, not per mm. */
export const TWIPS_PER_MM = 1440 / 25.4; // 56.6929…
export const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

export const PAGE = { width: mmToTwips(210), height: mmToTwips(297) };
export const MARGINS = { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) };
/** The text block (版心): 156 mm × 225 mm, in twips as Word sees it (from the rounded margins). */
export const TEXT_BLOCK = { width: PAGE.width - MARGINS.left - MARGINS.right, height: PAGE.height - MARGINS.top - MARGINS.bottom };
/** §5.2.2: 一般每面排22行，每行排28个字. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** One character of 3号 (16 pt), the Normal font, in twips. */
const BODY_CHAR = 320;
/** Line pitch: the largest whole twips that still fits 22 lines in the text block (579 = 28.95 pt). */
export const LINE_TWIPS = Math.floor(TEXT_BLOCK.height / LINES_PER_PAGE);
/**
 * w:charSpace: how much each character's pitch differs from the Normal font's (3号), in 1/4096 pt —
 * Word's document grid adds it to every character. Rounded down, so that 28 characters fit
 * (rounding up would leave 27 a line, as without a grid).
 */
export const CHAR_SPACE = Math.floor(((TEXT_BLOCK.width / CHARS_PER_LINE - BODY_CHAR) / 20) * 4096);
/** The resulting character pitch (grid cell) in twips. */
export const CHAR_PITCH = BODY_CHAR + (CHAR_SPACE * 20) / 4096;
export const DOC_GRID = { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: CHAR_SPACE };
/**
 * Footer distance (page edge to the footer's lower edge). §7.5: the 一字线 of the page number lies
 * 7 mm below the text block. The footer line is exactly one 4号 character high and the dash sits
 * at its middle, so the footer's lower edge is half that line below the dash.
 */
export const FOOTER_LINE = 28 * 10; // 4号 14 pt in twips
export const FOOTER_TWIPS = MARGINS.bottom - mmToTwips(7) - FOOTER_LINE / 2;

export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNumber: '宋体' } as const;
/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (tables). */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });
const exact = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT };
/**
 * Indents in characters of the grid (w:firstLineChars, in hundredths), with the same width in twips
 * for readers without a grid: a 640-twip 首行缩进 would leave 25 characters on the first line.
 */
const firstLine2 = { firstLineChars: 200, firstLine: Math.floor(2 * CHAR_PITCH) };
const CHAR = Math.floor(CHAR_PITCH);

export type Block =
  | { kind: 'p'; text: string; indent?: boolean; align?: 'left' | 'right' | 'center' }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'table'; caption?: string; header: string[][]; rows: string[][]; widths?: number[] }
  | { kind: 'signature'; lines: string[] };

const run = (text: string, f: string, size: number, bold = false) => new TextRun({ text, font: font(f), size, bold });

function paragraph(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'p':
      return [new Paragraph({ children: [run(b.text, FONTS.body, SIZES.body)], spacing: exact, indent: b.indent === false ? undefined : firstLine2, alignment: b.align === 'right' ? AlignmentType.RIGHT : b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED })];
    case 'h1':
      return [new Paragraph({ children: [run(b.text, FONTS.h1, SIZES.body)], spacing: exact, indent: firstLine2 })];
    case 'h2':
      return [new Paragraph({ children: [run(b.text, FONTS.h2, SIZES.body)], spacing: exact, indent: firstLine2 })];
    case 'signature':
      return b.lines.map((l) => new Paragraph({ children: [run(l, FONTS.body, SIZES.body)], spacing: exact, alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }));
    case 'table':
      return [...(b.caption ? [new Paragraph({ children: [run(b.caption, FONTS.h1, SIZES.body)], spacing: exact, alignment: AlignmentType.CENTER })] : []), table(b)];
  }
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const width = PAGE.width - MARGINS.left - MARGINS.right;
  const cols = b.widths ?? Array.from({ length: Math.max(...[...b.header, ...b.rows].map((r) => r.length)) }, () => 1);
  const sum = cols.reduce((a, c) => a + c, 0);
  const cellWidths = cols.map((c) => Math.floor((width * c) / sum));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: cellWidths[i] ?? cellWidths[0], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: /^\d+(\.\d+)?$/.test(text) || head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, head ? FONTS.h1 : FONTS.body, SIZES.table)] })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cellWidths,
    rows: [...b.header.map((r) => new TableRow({ tableHeader: true, children: r.map((t, i) => cell(t, i, true)) })), ...b.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i, false)) }))],
  });
}

/** "— 1 —": 单页码居右空一字，双页码居左空一字 (GB/T 9704-2012 §7.5). */
const pageFooter = (align: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: CHAR } : { left: CHAR },
        spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: SIZES.pageNumber })],
      }),
    ],
  });

export interface GongwenInput { title: string; subtitle?: string; blocks: Block[] }

/** Builds the document; `toBuffer` gives the .docx bytes. */
export function gongwenDocument(input: GongwenInput): Document {
  const section: ISectionOptions = {
    properties: { page: { size: PAGE, margin: { ...MARGINS, header: mmToTwips(15), footer: FOOTER_TWIPS } }, grid: DOC_GRID },
    footers: { default: pageFooter('right'), even: pageFooter('left') },
    children: [
      new Paragraph({ children: [run(input.title, FONTS.title, SIZES.title)], alignment: AlignmentType.CENTER, spacing: { ...exact, line: Math.round(LINE_TWIPS * 1.2) } }),
      ...(input.subtitle ? [new Paragraph({ children: [run(input.subtitle, FONTS.h2, SIZES.body)], alignment: AlignmentType.CENTER, spacing: exact })] : []),
      new Paragraph({ children: [], spacing: exact }),
      ...input.blocks.flatMap(paragraph),
    ],
  };
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZES.body }, paragraph: { spacing: exact } } } },
    sections: [section],
  });
}

export async function gongwenDocx(input: GongwenInput): Promise<Buffer> {
  return Packer.toBuffer(gongwenDocument(input));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Content-Disposition with a UTF-8 file name (RFC 6266 / 5987) and an ASCII fallback. */
export const attachmentHeader = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
