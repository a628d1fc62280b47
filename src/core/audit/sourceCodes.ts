/**
 * The audit action codes written in the source, found without running it (labels.test.ts): literal
 * `action: '…'` codes, a helper's prefix (`action: \`meeting.${action}\``) with the literal actions its
 * callers in the same module pass, the literal codes passed to a module's recorder (`const audit =
 * auditRecorder(…)`, the action its fourth argument; the compiler checks them too) and the codes given
 * to changeSetting. Codes built from a variable (an engine act) are named by the procedures and checked
 * on the demo's chain instead.
 */
import fs from 'node:fs';
import path from 'node:path';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (
      /\.tsx?$/.test(e.name) &&
      !/\.test\.tsx?$/.test(e.name) &&
      !e.name.startsWith('testkit')
    )
      out.push(p);
  }
  return out;
}

/** The top-level arguments of the call whose `(` is at `open`. */
function callArgs(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  let quote: string | null = null;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      cur += ch;
      if (ch === '\\') cur += text[++i];
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    }
    if (ch === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) args.push(cur.trim());
  return args;
}

/** The codes an argument can be: a literal, either branch of a ternary, or an object's `action: '…'`. */
function literals(arg: string): string[] {
  const obj = /^\{[^]*\baction: '([A-Za-z][\w.]*)'/.exec(arg);
  if (obj) return [obj[1]];
  if (arg.startsWith('{')) return [];
  const branches = arg.includes('?') ? arg.slice(arg.indexOf('?') + 1) : arg;
  return [...branches.matchAll(/'([A-Za-z][\w.]*)'/g)].map((m) => m[1]);
}

/** src/modules/<name> of a module's file (a file elsewhere: its own folder). */
function moduleDir(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('modules');
  return at < 0 ? path.dirname(file) : parts.slice(0, at + 2).join(path.sep);
}

export interface SourceCode {
  code: string;
  file: string;
}

export function auditCodesInSource(root: string): SourceCode[] {
  const files = [...walk(path.join(root, 'src/core')), ...walk(path.join(root, 'src/modules'))];
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const out: SourceCode[] = [];
  const rel = (f: string) => path.relative(root, f);
  for (const [file, text] of texts) {
    if (!text.includes('appendAudit(') && !text.includes('changeSetting(')) continue;
    for (const m of text.matchAll(/appendAudit\(/g)) {
      const args = callArgs(text, m.index + m[0].length - 1);
      const input = args[1] ?? '';
      const lit = /action: (?:[^,]*\? )?'([A-Za-z][\w.]*)'(?: : '([A-Za-z][\w.]*)')?/.exec(input);
      if (lit) {
        for (const c of [lit[1], lit[2]]) if (c) out.push({ code: c, file: rel(file) });
        continue;
      }
      const tpl =
        /action: `([\w.]*)\$\{(\w+)(?:\.\w+)?\}([\w.]*)`/.exec(input) ??
        (/\baction(?:,| \})/.test(input) ? ['', '', 'action', ''] : null);
      if (!tpl) continue;
      // The helper around this call, and where its `action` parameter sits.
      const before = text.slice(0, m.index);
      const def = [
        ...before.matchAll(/(?:const|function) (\w+)\s*=?\s*(?:async\s*)?\(([^)]*)\)/g),
      ].pop();
      if (!def) continue;
      const params = def[2].split(',').map((p) => p.trim());
      const index = params.findIndex((p) => p.split(/[?:]/)[0].trim() === tpl[2]);
      if (index < 0) continue;
      // A parameter typed as a union of literals names its codes itself.
      const union = [...(params[index].split(':')[1] ?? '').matchAll(/'([A-Za-z][\w.]*)'/g)].map(
        (u) => u[1],
      );
      for (const u of union) out.push({ code: `${tpl[1]}${u}${tpl[3]}`, file: rel(file) });
      const dir = file
        .split(path.sep)
        .slice(0, file.split(path.sep).indexOf('modules') + 2)
        .join(path.sep);
      for (const [other, body] of texts) {
        if (!other.startsWith(dir)) continue;
        for (const c of body.matchAll(new RegExp(`\\b${def[1]}\\(`, 'g'))) {
          const arg = callArgs(body, c.index + c[0].length - 1)[index] ?? '';
          for (const l of literals(arg))
            out.push({ code: `${tpl[1]}${l}${tpl[3]}`, file: rel(other) });
        }
      }
    }
    for (const m of text.matchAll(/changeSetting\(/g)) {
      const arg = callArgs(text, m.index + m[0].length - 1)[3] ?? '';
      for (const l of literals(arg)) out.push({ code: l, file: rel(file) });
    }
  }
  // A module's recorder: its calls anywhere in the module, the action being the fourth argument.
  const recorders = new Set<string>();
  for (const [file, text] of texts)
    for (const r of text.matchAll(/const (\w+) = auditRecorder\(/g))
      recorders.add(`${moduleDir(file)}|${r[1]}`);
  for (const key of recorders) {
    const [dir, name] = key.split('|');
    for (const [file, body] of texts) {
      if (!file.startsWith(dir + path.sep)) continue;
      for (const c of body.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
        const arg = callArgs(body, c.index + c[0].length - 1)[3] ?? '';
        for (const l of literals(arg)) out.push({ code: l, file: rel(file) });
      }
    }
  }
  return out;
}
