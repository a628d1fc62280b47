// The test processes run the TypeScript compiled once per run (esbuild, no bundling) instead of through
// tsx's loader hooks in every process: each test file is its own process, and resolving and
// transforming ~800 modules through the hooks thread cost about 1.2 s of CPU per file.
// The tree mirrors the repository under `out`: each .ts/.tsx becomes .js beside a symlink to the source
// (tests that spawn `tsx …/main.ts` or read sources find them), every other file is a symlink, and
// node_modules, dist and migrations link to the real ones.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SOURCE = /\.tsx?$/;
// Relative import specifiers that name a .ts/.tsx file: static, re-export and dynamic imports.
const SPECIFIER = /((?:\bfrom|\bimport)\s*\(?\s*['"])(\.{1,2}\/[^'"\n]+?)\.tsx?(['"])/g;
// node:test, which the compiled files import through scripts/test-shim.mjs (see scripts/test-worker.mjs).
const NODE_TEST = /(\bfrom\s*)['"]node:test['"]/g;
const SHIM = JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'test-shim.mjs')).href);

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Compiles `dirs` (relative to `root`) into `out`; returns the compiled path of a source file. */
export async function compileTests(root, out, dirs = ['src', 'test']) {
  const files = dirs.flatMap((d) => walk(path.join(root, d)).map((f) => path.relative(root, f)));
  const sources = files.filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'));
  await build({
    entryPoints: sources.map((f) => path.join(root, f)),
    outdir: out,
    outbase: root,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    sourcemap: 'linked',
    logLevel: 'error',
  });
  for (const f of sources) {
    const js = path.join(out, f.replace(SOURCE, '.js'));
    const text = fs.readFileSync(js, 'utf8');
    const fixed = text.replace(SPECIFIER, '$1$2.js$3').replace(NODE_TEST, `$1${SHIM}`);
    if (fixed !== text) fs.writeFileSync(js, fixed);
  }
  for (const f of files) {
    const target = path.join(out, f);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(root, f), target);
  }
  for (const d of ['node_modules', 'dist', 'migrations'])
    fs.symlinkSync(path.join(root, d), path.join(out, d));
  return (file) => path.join(out, file.replace(SOURCE, '.js'));
}
