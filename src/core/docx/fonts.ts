/**
 * Fonts for the PDF export: LibreOffice finds fonts through fontconfig, and a server seldom has the
 * fonts a 公文 names (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体). fonts.conf beside this file maps
 * each to installed fonts of the same style; a conversion runs soffice with FONTCONFIG_FILE pointing
 * to a small file that includes the system configuration and then those aliases.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONTS } from './gongwen.ts';

/** The aliases shipped with the code. */
export const FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/** Every font name a 公文 may use: the ones the .docx names and their plain forms. */
export const GONGWEN_FONT_NAMES = [...new Set([...Object.values(FONTS), '仿宋', '楷体', '宋体'])];

/** The configuration fontconfig reads by default (an administrator's FONTCONFIG_FILE is kept). */
export function systemFontconfig(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FONTCONFIG_FILE && path.isAbsolute(env.FONTCONFIG_FILE)) return env.FONTCONFIG_FILE;
  const dir = env.FONTCONFIG_PATH?.split(path.delimiter).find(Boolean) ?? '/etc/fonts';
  return path.join(dir, 'fonts.conf');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The system configuration, then the 公文 aliases. */
export const fontconfigXml = (system: string, aliases = FONTS_CONF) =>
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">${esc(system)}</include>\n  <include>${esc(aliases)}</include>\n</fontconfig>\n`;

/** Writes the configuration into `dir` (the conversion's temp dir); returns its path for FONTCONFIG_FILE. */
export async function writeFontconfig(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const file = path.join(dir, 'fonts.conf');
  await fs.writeFile(file, fontconfigXml(systemFontconfig(env)));
  return file;
}
