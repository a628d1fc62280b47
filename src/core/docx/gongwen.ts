/**
 * 公文格式 .docx (GB/T 9704-2012 党政机关公文格式), shared by every module that produces letters or
 * reports: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 2号
 * centred; body 仿宋_GB2312 3号; first-level headings 黑体, second-level 楷体_GB2312; 22 lines of 28
 * characters (§5.2.2) held by the section's document grid (w:docGrid linesAndChars: line pitch and
 * character pitch computed from the text block); page numbers 4号 宋体 "— 1 —" outside-aligned, the
 * 一字线 7 mm below the text block (§7.5). Fonts are named as East Asian fonts (w:eastAsia) and for
 * Latin text alike. The 发文机关署名 and 成文日期 are one block (§7.3.5, `sign`); a wide table goes on a
 * landscape page of its own (`landscape`, §10 横排表格).
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
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatDateZh } from '../calendar/explain.ts';

/** 1 mm in twips (1/1440 inch): 1440 / 25.4. Rounded once per length, not per mm. */
export const TWIPS_PER_MM = 1440 / 25.4; // 56.6929…
export const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

export const PAGE = { width: mmToTwips(210), height: mmToTwips(297) };
export const MARGINS = {
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
};
/** The text block (版心): 156 mm × 225 mm, in twips as Word sees it (from the rounded margins). */
export const TEXT_BLOCK = {
  width: PAGE.width - MARGINS.left - MARGINS.right,
  height: PAGE.height - MARGINS.top - MARGINS.bottom,
};
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
export const DOC_GRID = {
  type: DocumentGridType.LINES_AND_CHARS,
  linePitch: LINE_TWIPS,
  charSpace: CHAR_SPACE,
};
/**
 * Footer distance (page edge to the footer's lower edge). §7.5: the 一字线 of the page number lies
 * 7 mm below the text block. The footer line is exactly one 4号 character high and the dash sits
 * at its middle, so the footer's lower edge is half that line below the dash.
 */
export const FOOTER_LINE = 28 * 10; // 4号 14 pt in twips
const footerFor = (bottom: number) => bottom - mmToTwips(7) - FOOTER_LINE / 2;
export const FOOTER_TWIPS = footerFor(MARGINS.bottom);
/**
 * A landscape page (§10 横排表格: 单页码表头在订口一边): the page turned so that the table's head lies at
 * the binding edge, i.e. the portrait 订口 (left, 28 mm) is its top, the 切口 (26 mm) its bottom, the
 * portrait foot (35 mm) its left and head (37 mm) its right. Its text block is 225 mm × 156 mm.
 */
export const LANDSCAPE_MARGINS = {
  top: MARGINS.left,
  bottom: MARGINS.right,
  left: MARGINS.bottom,
  right: MARGINS.top,
};
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;
/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (tables). */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

const font = (name: string) => ({
  ascii: name,
  eastAsia: name,
  hAnsi: name,
  cs: name,
  hint: 'eastAsia',
});
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
  | { kind: 'signature'; lines: string[] }
  /** 发文机关署名 and 成文日期 (§7.3.5); `date` ISO (2026-12-05), null for a draft that has none yet. */
  | { kind: 'sign'; authority: string; date: string | null }
  /** Blocks on landscape pages of their own (a section before and after). Top level only. */
  | { kind: 'landscape'; blocks: Block[] };

/** §7.3.5.4: 成文日期 in Arabic numerals, the year in full, month and day without a leading zero (2026年12月5日). */
export const gongwenDate = (iso: string) => formatDateZh(iso);

/** Width in characters of the grid: an ASCII character (a digit of the date) is half a character. */
const charsWide = (text: string) =>
  [...text].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

/**
 * §7.3.5.2 (a document not sealed when it is generated): one empty line below the text, the
 * 发文机关署名 2 characters from the right margin, the 成文日期 on the next line starting 2 characters
 * to the right of the authority's first character; when the date is the longer, the date keeps 2
 * characters from the right margin and the authority moves right (so the date's first character is
 * still 2 characters right of the authority's).
 */
export function signIndents(authority: string, date: string): { authority: number; date: number } {
  const n = charsWide(authority);
  const m = charsWide(date);
  return m <= n - 2 ? { authority: 2, date: n - m } : { authority: m + 4 - n, date: 2 };
}

const run = (text: string, f: string, size: number, bold = false, cell = false) =>
  new TextRun({ text, font: font(f), size, bold, ...(cell ? CELL_RUN : {}) });

function paragraph(b: Block, width: number = TEXT_BLOCK.width): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'p':
      return [
        new Paragraph({
          children: [run(b.text, FONTS.body, SIZES.body)],
          spacing: exact,
          indent: b.indent === false ? undefined : firstLine2,
          alignment:
            b.align === 'right'
              ? AlignmentType.RIGHT
              : b.align === 'center'
                ? AlignmentType.CENTER
                : AlignmentType.JUSTIFIED,
        }),
      ];
    case 'h1':
      return [
        new Paragraph({
          children: [run(b.text, FONTS.h1, SIZES.body)],
          spacing: exact,
          indent: firstLine2,
        }),
      ];
    case 'h2':
      return [
        new Paragraph({
          children: [run(b.text, FONTS.h2, SIZES.body)],
          spacing: exact,
          indent: firstLine2,
        }),
      ];
    case 'signature':
      return b.lines.map(
        (l) =>
          new Paragraph({
            children: [run(l, FONTS.body, SIZES.body)],
            spacing: exact,
            alignment: AlignmentType.RIGHT,
            indent: { right: 4 * CHAR },
          }),
      );
    case 'sign': {
      const date = b.date ? gongwenDate(b.date) : null;
      const ind = signIndents(b.authority, date ?? b.authority);
      const right = (chars: number, text: string) =>
        new Paragraph({
          children: [run(text, FONTS.body, SIZES.body)],
          spacing: exact,
          alignment: AlignmentType.RIGHT,
          indent: { right: Math.round(chars * CHAR_PITCH) },
        });
      return [
        new Paragraph({ children: [], spacing: exact }),
        right(date ? ind.authority : 2, b.authority),
        ...(date ? [right(ind.date, date)] : []),
      ];
    }
    case 'landscape':
      throw new Error('gongwen: a landscape block is a section of its own (top level only)');
    case 'table':
      return [
        ...(b.caption
          ? [
              new Paragraph({
                children: [run(b.caption, FONTS.h1, SIZES.body)],
                spacing: exact,
                alignment: AlignmentType.CENTER,
              }),
            ]
          : []),
        table(b, width),
      ];
  }
}

/**
 * Table cells in 小四 do not snap to the 3号 character grid (w:snapToGrid on the run, which governs the
 * characters-per-line grid): snapped, every character would take a whole grid cell and narrow columns
 * would wrap one character per line. Single line spacing.
 */
export const CELL_PARAGRAPH = { spacing: { line: 240, lineRule: LineRuleType.AUTO } } as const;
export const CELL_RUN = { snapToGrid: false } as const;

function table(b: Extract<Block, { kind: 'table' }>, width: number): Table {
  const cols =
    b.widths ??
    Array.from({ length: Math.max(...[...b.header, ...b.rows].map((r) => r.length)) }, () => 1);
  const sum = cols.reduce((a, c) => a + c, 0);
  const cellWidths = cols.map((c) => Math.floor((width * c) / sum));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: cellWidths[i] ?? cellWidths[0], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          ...CELL_PARAGRAPH,
          alignment: /^\d+(\.\d+)?$/.test(text) || head ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, head ? FONTS.h1 : FONTS.body, SIZES.table, false, true)],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cellWidths,
    rows: [
      ...b.header.map(
        (r) => new TableRow({ tableHeader: true, children: r.map((t, i) => cell(t, i, true)) }),
      ),
      ...b.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i, false)) })),
    ],
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
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: SIZES.pageNumber,
          }),
        ],
      }),
    ],
  });

export interface GongwenInput {
  title: string;
  subtitle?: string;
  blocks: Block[];
}

const portrait: ISectionOptions['properties'] = {
  page: { size: PAGE, margin: { ...MARGINS, header: mmToTwips(15), footer: FOOTER_TWIPS } },
  grid: DOC_GRID,
};
const landscape: ISectionOptions['properties'] = {
  page: {
    size: { ...PAGE, orientation: PageOrientation.LANDSCAPE },
    margin: {
      ...LANDSCAPE_MARGINS,
      header: mmToTwips(15),
      footer: footerFor(LANDSCAPE_MARGINS.bottom),
    },
  },
  grid: DOC_GRID,
};

/**
 * Builds the document; `toBuffer` gives the .docx bytes. Each run of blocks outside and inside
 * `landscape` blocks is a section; page numbers run on. Every section but the last ends with an empty
 * paragraph that holds its section properties, so that no content paragraph (a placeholder replaced
 * later by a table, docxTables.ts) carries them.
 */
export function gongwenDocument(input: GongwenInput): Document {
  const runs: Array<{ landscape: boolean; blocks: Block[] }> = [];
  for (const b of input.blocks) {
    const wide = b.kind === 'landscape';
    const last = runs.at(-1);
    if (last && last.landscape === wide && !wide) last.blocks.push(b);
    else runs.push({ landscape: wide, blocks: wide ? b.blocks : [b] });
  }
  if (!runs.length || runs[0].landscape) runs.unshift({ landscape: false, blocks: [] });
  const heading = [
    new Paragraph({
      children: [run(input.title, FONTS.title, SIZES.title)],
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, line: Math.round(LINE_TWIPS * 1.2) },
    }),
    ...(input.subtitle
      ? [
          new Paragraph({
            children: [run(input.subtitle, FONTS.h2, SIZES.body)],
            alignment: AlignmentType.CENTER,
            spacing: exact,
          }),
        ]
      : []),
    new Paragraph({ children: [], spacing: exact }),
  ];
  const sections: ISectionOptions[] = runs.map((r, i) => ({
    properties: r.landscape ? landscape : portrait,
    footers: { default: pageFooter('right'), even: pageFooter('left') },
    children: [
      ...(i === 0 ? heading : []),
      ...r.blocks.flatMap((b) =>
        paragraph(b, r.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_BLOCK.width),
      ),
      ...(i < runs.length - 1 ? [new Paragraph({ children: [], spacing: exact })] : []),
    ],
  }));
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZES.body },
          paragraph: { spacing: exact },
        },
      },
    },
    sections,
  });
}

export async function gongwenDocx(input: GongwenInput): Promise<Buffer> {
  return Packer.toBuffer(gongwenDocument(input));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Content-Disposition with a UTF-8 file name (RFC 6266 / 5987) and an ASCII fallback. */
export const attachmentHeader = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
