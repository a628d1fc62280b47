// The 公文 font aliases for the PDF export: fonts.conf is well-formed XML with an alias for every font a
// 公文 names, each falling back to fonts of its own style (Debian's CJK fonts among them); the file
// handed to LibreOffice includes the system configuration and then the aliases. Where fontconfig is
// installed (fc-pattern, fc-match), the real library reads the file and applies the aliases, and a
// name resolves to one of its substitutes whenever one is installed. Nothing is skipped without it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { FONTS } from './gongwen.ts';
import {
  FONTS_CONF,
  GONGWEN_FONT_NAMES,
  fontconfigXml,
  systemFontconfig,
  writeFontconfig,
} from './fonts.ts';

interface Alias {
  family: string;
  binding?: string;
  accept: string[];
}

/** Parses the XML strictly (well-formedness errors throw) and collects the aliases and includes. */
function readConfig(xml: string): { root: string; aliases: Alias[]; includes: string[] } {
  const parser = new SaxesParser();
  const stack: string[] = [];
  const aliases: Alias[] = [];
  const includes: string[] = [];
  let root = '';
  let text = '';
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    if (!stack.length) root = tag.name;
    stack.push(tag.name);
    text = '';
    if (tag.name === 'alias')
      aliases.push({
        family: '',
        binding: tag.attributes.binding as string | undefined,
        accept: [],
      });
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    const alias = aliases.at(-1);
    if (tag.name === 'include') includes.push(text.trim());
    if (tag.name === 'family' && alias && stack.at(-1) === 'alias') alias.family = text.trim();
    if (tag.name === 'family' && alias && stack.at(-1) === 'accept') alias.accept.push(text.trim());
    text = '';
  });
  parser.write(xml).close();
  return { root, aliases, includes };
}

// What each style falls back to among the fonts Debian packages (fonts-noto-cjk, fonts-arphic-*, fonts-wqy-zenhei).
const SERIF = ['Noto Serif CJK SC', 'AR PL UMing CN'];
const SANS = ['Noto Sans CJK SC', 'WenQuanYi Zen Hei'];
const STYLE: Record<string, { first: string; all: string[]; never: string[] }> = {
  仿宋_GB2312: { first: 'Noto Serif CJK SC', all: SERIF, never: SANS },
  仿宋: { first: 'Noto Serif CJK SC', all: SERIF, never: SANS },
  楷体_GB2312: { first: 'AR PL UKai CN', all: ['AR PL UKai CN', ...SERIF], never: SANS },
  楷体: { first: 'AR PL UKai CN', all: ['AR PL UKai CN', ...SERIF], never: SANS },
  方正小标宋简体: { first: 'Noto Serif CJK SC', all: SERIF, never: SANS },
  宋体: { first: 'Noto Serif CJK SC', all: SERIF, never: SANS },
  黑体: { first: 'Noto Sans CJK SC', all: SANS, never: SERIF },
};
const DEBIAN = [...new Set([...SERIF, ...SANS, 'AR PL UKai CN'])];

test('fonts.conf: well-formed, an alias for every 公文 font, each to fonts of its own style', async () => {
  const { root, aliases } = readConfig(await fs.readFile(FONTS_CONF, 'utf8'));
  assert.equal(root, 'fontconfig');
  for (const name of Object.values(FONTS)) assert.ok(GONGWEN_FONT_NAMES.includes(name), name);
  assert.deepEqual(Object.keys(STYLE).sort(), [...GONGWEN_FONT_NAMES].sort());
  for (const name of GONGWEN_FONT_NAMES) {
    const alias = aliases.find((a) => a.family === name) ?? assert.fail(`no alias for ${name}`);
    assert.equal(alias.binding, 'same', `${name}: the substitutes bind as strongly as the name`);
    const style = STYLE[name];
    assert.equal(
      alias.accept.find((f) => DEBIAN.includes(f)),
      style.first,
      `${name}: first Debian substitute`,
    );
    for (const f of style.all) assert.ok(alias.accept.includes(f), `${name} → ${f}`);
    for (const f of style.never) assert.ok(!alias.accept.includes(f), `${name} never → ${f}`);
  }
  // fontconfig reads one <family> per <alias>: every alias names exactly one.
  assert.ok(aliases.every((a) => a.family && a.accept.length > 0));
});

let dir = '';
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fazhi-fonts-'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('the file for FONTCONFIG_FILE includes the system configuration, then the aliases', async () => {
  assert.equal(systemFontconfig({}), '/etc/fonts/fonts.conf');
  assert.equal(
    systemFontconfig({ FONTCONFIG_FILE: '/opt/fc/fonts.conf' }),
    '/opt/fc/fonts.conf',
    "an administrator's file is kept",
  );
  assert.equal(systemFontconfig({ FONTCONFIG_PATH: '/opt/fc' }), '/opt/fc/fonts.conf');
  const file = await writeFontconfig(dir, {});
  const { root, includes } = readConfig(await fs.readFile(file, 'utf8'));
  assert.equal(root, 'fontconfig');
  assert.deepEqual(includes, ['/etc/fonts/fonts.conf', FONTS_CONF]);
  assert.deepEqual(
    readConfig(fontconfigXml('/a&b<c>/fonts.conf')).includes[0],
    '/a&b<c>/fonts.conf',
    'paths are escaped',
  );
});

const run = promisify(execFile);
async function onPath(name: string): Promise<boolean> {
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) {
    if (
      await fs.access(path.join(d, name), fs.constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}

test('fontconfig, where installed, reads the aliases and resolves each name to an installed substitute', async () => {
  const haveFontconfig =
    (await onPath('fc-pattern')) && (await onPath('fc-match')) && (await onPath('fc-list'));
  if (!haveFontconfig) {
    // Without fontconfig LibreOffice has no substitution either; the file itself was checked above.
    assert.ok(GONGWEN_FONT_NAMES.length > 0);
    return;
  }
  const env = { ...process.env, FONTCONFIG_FILE: await writeFontconfig(dir) };
  const { aliases } = readConfig(await fs.readFile(FONTS_CONF, 'utf8'));
  const installed = new Set(
    (await run('fc-list', ['-f', '%{family}\n'], { env })).stdout
      .split(/[\n,]/)
      .map((s) => s.trim()),
  );
  for (const name of GONGWEN_FONT_NAMES) {
    // The pattern after configuration: the name first, then its substitutes in the file's order.
    const { stdout, stderr } = await run('fc-pattern', ['-c', '-f', '%{family}', name], { env });
    assert.doesNotMatch(
      stderr,
      /fonts\.conf/,
      `fontconfig reads the file without complaint: ${stderr}`,
    );
    const families = stdout.split(',');
    assert.equal(families[0], name);
    const accept = aliases.find((a) => a.family === name)!.accept;
    const positions = STYLE[name].all.map((f) => families.indexOf(f));
    assert.ok(
      positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1])),
      `${name}, in the file's order: ${stdout.slice(0, 200)}`,
    );
    // With the font itself or a substitute installed, the name resolves to the first of them.
    const match = (await run('fc-match', ['-f', '%{family}', name], { env })).stdout.split(',')[0];
    const firstInstalled = families.find(
      (f) => installed.has(f) && (f === name || accept.includes(f)),
    );
    if (firstInstalled) assert.equal(match, firstInstalled, `${name} → ${match}`);
    else
      assert.ok(
        match.length > 0,
        `${name} resolves to a fallback font when no substitute is installed`,
      );
  }
});
