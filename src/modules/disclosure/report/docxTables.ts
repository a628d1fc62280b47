/**
 * Tables 二, 三 and 四 of the 政府信息公开工作年度报告 laid out as the official form prints them
 * (国办公开办函〔2021〕30号, RULES §5.6), with its merged cells (docx rowSpan = w:vMerge, columnSpan =
 * w:gridSpan). core/docx/gongwen.ts draws only plain grids, so the report is written with placeholder
 * paragraphs and these tables are put in their place (docx patchDocument), in 公文格式 fonts and sizes.
 * Tables 三 and 四 have seven and fifteen figure columns: they are set on a landscape page (gongwen
 * `landscape`, GB/T 9704 §10) with column widths that hold at least two characters of 小四 per line, so
 * that no header (自然人, 商业企业, 结果维持…) is printed one character per line.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  patchDocument,
  PatchType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  CELL_PARAGRAPH,
  CELL_RUN,
  FONTS,
  LANDSCAPE_TEXT_WIDTH,
  SIZES,
  TEXT_BLOCK,
  type Block,
} from '../../../core/docx/gongwen.ts';
import {
  COLUMN_LABELS,
  TABLE3_NOTE,
  TABLE4_COLUMNS,
  type Table2Row,
  type Table3Row,
} from './tables.ts';

interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  head?: boolean;
  center?: boolean;
}

const font = (name: string) => ({
  ascii: name,
  eastAsia: name,
  hAnsi: name,
  cs: name,
  hint: 'eastAsia' as const,
});
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A table over a grid of relative column widths. Rows list only the cells that start in them: a cell
 * merged down (rowSpan) is continued by docx in the rows below, so those rows skip its columns.
 */
function gridTable(widths: number[], rows: Cell[][], headerRows: number, total: number): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((total * w) / sum));
  const taken: number[] = widths.map(() => 0); // rows still covered by a merge from above, per column
  const out = rows.map((cells, r) => {
    let col = 0;
    const children = cells.map((c) => {
      while (taken[col] > 0) col++;
      const span = c.colSpan ?? 1;
      for (let i = col; i < col + span; i++) taken[i] = c.rowSpan ?? 1;
      const width = twips.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const center = c.head || c.center || /^\d+(\.\d+)?$/.test(c.text);
      return new TableCell({
        ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
        ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        borders: { top: border, bottom: border, left: border, right: border },
        children: [
          new Paragraph({
            ...CELL_PARAGRAPH,
            alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [
              new TextRun({
                ...CELL_RUN,
                text: c.text,
                font: font(c.head ? FONTS.h1 : FONTS.body),
                size: SIZES.table,
              }),
            ],
          }),
        ],
      });
    });
    for (let i = 0; i < taken.length; i++) if (taken[i] > 0) taken[i]--;
    return new TableRow({ tableHeader: r < headerRows, cantSplit: true, children });
  });
  return new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: twips, rows: out });
}

const num = (v: number) => ({ text: String(v) });

/**
 * Table 二: four columns; each 第二十条 block has a title row across the table, its 信息内容 header row and
 * its rows; a block with one figure spans it over the three figure columns.
 */
export function table2Docx(rows: Table2Row[]): Table {
  const out: Cell[][] = [];
  for (const block of [...new Set(rows.map((r) => r.block))]) {
    const items = rows.filter((r) => r.block === block);
    const columns = items[0].columns;
    const wide = columns.length === 1 ? 3 : undefined;
    out.push([{ text: block, colSpan: 4, head: true }]);
    out.push([
      { text: '信息内容', head: true },
      ...columns.map((c) => ({ text: c, head: true, colSpan: wide })),
    ]);
    for (const r of items)
      out.push([
        { text: r.label, center: true },
        ...r.values.slice(0, columns.length).map((v) => ({ ...num(v), colSpan: wide })),
      ]);
  }
  return gridTable([4, 2, 2, 2], out, 0, TEXT_BLOCK.width);
}

/**
 * Table 三: the 勾稽 note heads the label columns (three rows deep); 申请人情况 over the seven figure columns,
 * 自然人 and 总计 two rows deep, 法人或其他组织 over its five kinds. 三、本年度办理结果 and each result group
 * are printed once, merged down their rows.
 */
export function table3Docx(rows: Table3Row[]): Table {
  const kinds = (['business', 'research', 'publicInterest', 'legalService', 'other'] as const).map(
    (k) => ({ text: COLUMN_LABELS[k], head: true }),
  );
  const out: Cell[][] = [
    [
      { text: TABLE3_NOTE, rowSpan: 3, colSpan: 3, head: true },
      { text: '申请人情况', colSpan: 7, head: true },
    ],
    [
      { text: '自然人', rowSpan: 2, head: true },
      { text: '法人或其他组织', colSpan: 5, head: true },
      { text: '总计', rowSpan: 2, head: true },
    ],
    kinds,
  ];
  rows.forEach((r, i) => {
    const cells: Cell[] = [];
    if (!r.section) cells.push({ text: r.label, colSpan: 3 });
    else {
      if (rows[i - 1]?.section !== r.section)
        cells.push({
          text: r.section,
          rowSpan: rows.filter((x) => x.section === r.section).length,
          center: true,
        });
      if (!r.group) cells.push({ text: r.label, colSpan: 2 });
      else {
        if (rows[i - 1]?.group !== r.group)
          cells.push({
            text: r.group,
            rowSpan: rows.filter((x) => x.section === r.section && x.group === r.group).length,
            center: true,
          });
        cells.push({ text: r.label });
      }
    }
    out.push([...cells, ...r.cells.map(num)]);
  });
  // Landscape (225 mm): each figure column holds four characters of 小四 (商业企业 on one line).
  return gridTable([1.1, 1.6, 4.2, ...Array(7).fill(1.9)], out, 3, LANDSCAPE_TEXT_WIDTH);
}

/** Table 四: 行政复议 (five columns, their headers two rows deep) and 行政诉讼 over 未经复议直接起诉 and 复议后起诉. */
export function table4Docx(cells: number[]): Table {
  const heads = (rowSpan?: number) => TABLE4_COLUMNS.map((text) => ({ text, head: true, rowSpan }));
  const out: Cell[][] = [
    [
      { text: '行政复议', colSpan: 5, head: true },
      { text: '行政诉讼', colSpan: 10, head: true },
    ],
    [
      ...heads(2),
      { text: '未经复议直接起诉', colSpan: 5, head: true },
      { text: '复议后起诉', colSpan: 5, head: true },
    ],
    [...heads(), ...heads()],
    cells.map(num),
  ];
  return gridTable(Array(15).fill(1), out, 3, LANDSCAPE_TEXT_WIDTH);
}

/** The placeholder paragraph a table replaces (`{{key}}`, docx's default delimiters). */
export const placeholder = (key: string) => `{{${key}}}`;

/** Tables 三 and 四 with their headings, on landscape pages (the placeholders are replaced by placeTables). */
export const landscapeTables = (parts: Array<{ heading: string; key: string }>): Block => ({
  kind: 'landscape',
  blocks: parts.flatMap((p): Block[] => [
    { kind: 'h1', text: p.heading },
    { kind: 'p', text: placeholder(p.key), indent: false },
  ]),
});

/** Puts each table where its placeholder paragraph stands. */
export async function placeTables(docx: Buffer, tables: Record<string, Table>): Promise<Buffer> {
  const patches = Object.fromEntries(
    Object.entries(tables).map(([key, t]) => [key, { type: PatchType.DOCUMENT, children: [t] }]),
  );
  return patchDocument({ outputType: 'nodebuffer', data: docx, patches });
}
