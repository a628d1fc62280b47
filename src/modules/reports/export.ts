/**
 * The report as a .docx in 公文格式 (core/docx/gongwen.ts: GB/T 9704-2012) and, when LibreOffice is
 * installed (`soffice` on PATH), as a PDF converted from that .docx. Figures are written out with
 * the version's own values (frozen after approval).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../core/errors.ts';
import { gongwenDocx, type Block as DocxBlock } from '../../core/docx/gongwen.ts';
import { writeFontconfig } from '../../core/docx/fonts.ts';
import { blockText, isBlankBlock, numberedParts, type ReportDocument } from './document.ts';
import type { Figures } from './store.ts';

const cnDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The document as 公文 blocks: 一、 headings in 黑体, （一） headings in 楷体, paragraphs, the signature. */
export function reportBlocks(
  doc: ReportDocument,
  figures: Figures,
  sign: { department: string; on: string },
): DocxBlock[] {
  const resolve = (k: string) => figures[k];
  const out: DocxBlock[] = doc.preface
    .filter((b) => !isBlankBlock(b, resolve))
    .map((b) => ({ kind: 'p', text: blockText(b, resolve) }));
  for (const p of numberedParts(doc)) {
    out.push({ kind: 'h1', text: p.heading });
    for (const { block, label } of p.blocks) {
      if (isBlankBlock(block, resolve)) continue;
      out.push(
        block.kind === 'h2'
          ? { kind: 'h2', text: `${label}${blockText(block, resolve)}` }
          : { kind: 'p', text: blockText(block, resolve) },
      );
    }
  }
  out.push(
    { kind: 'p', text: '' },
    { kind: 'signature', lines: [sign.department, cnDate(sign.on)] },
  );
  return out;
}

export async function reportDocx(
  doc: ReportDocument,
  figures: Figures,
  sign: { department: string; on: string },
): Promise<Buffer> {
  return gongwenDocx({ title: doc.title, blocks: reportBlocks(doc, figures, sign) });
}

const run = promisify(execFile);

/** The LibreOffice binary when installed (optional dependency), else null. */
export async function findSoffice(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(dir, name);
      try {
        await fs.access(p, fs.constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * Converts a .docx to PDF with LibreOffice in a private profile and temp dir (headless, no network),
 * with the 公文 font aliases (core/docx/fonts.conf) added to the system's fontconfig.
 */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = await findSoffice();
  if (!soffice)
    throw new AppError('UNAVAILABLE', '服务器未安装 LibreOffice，暂不能导出 PDF，请导出 .docx');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fazhi-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    await fs.writeFile(input, docx);
    const env = { ...process.env, FONTCONFIG_FILE: await writeFontconfig(dir) };
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000, env },
    );
    return await fs.readFile(path.join(dir, 'report.pdf'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
