/**
 * The demo-accounts table printed at `npm start`: columns padded by display width, since a terminal
 * gives CJK and full-width characters two cells (Unicode East Asian Width W/F) and ASCII one.
 */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += WIDE.some(([a, b]) => c >= a && c <= b) ? 2 : 1;
  }
  return n;
}

const pad = (text: string, width: number) => text + ' '.repeat(width - displayWidth(text));

/** Rows of cells → lines whose columns line up, two spaces apart (the last column is not padded). */
export function alignColumns(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map(
    (r) =>
      indent + r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i] + 2))).join(''),
  );
}
