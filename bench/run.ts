/**
 * Benchmark runner: `npm run bench -- NAME` imports ./NAME.ts and awaits its exported run().
 * Without a name it lists the benchmarks (every bench/*.ts that exports run()).
 * Benchmarks print their figures and the ratio to their target or baseline; there is no pass/fail exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
// Helpers that live in bench/ but are not benchmarks of their own.
const NOT_BENCHMARKS = new Set(['run', 'scale', 'baseline-server']);

function available(): { name: string; summary: string }[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && !NOT_BENCHMARKS.has(f.slice(0, -3)))
    .map((f) => {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      if (!/export\s+(async\s+)?function\s+run\s*\(/.test(text)) return null;
      // First meaningful line of the file's leading doc comment.
      const doc = /\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
      const lines = doc
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, '').trim())
        .filter(Boolean);
      return {
        name: f.slice(0, -3),
        summary: lines.find((l) => /target/i.test(l)) ?? lines[0] ?? '',
      };
    })
    .filter((x): x is { name: string; summary: string } => !!x)
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function main(argv: string[]) {
  const name = argv.find((a) => !a.startsWith('-'));
  const list = available();
  if (!name) {
    console.log('benchmarks (npm run bench -- NAME):');
    for (const b of list) console.log(`  ${b.name.padEnd(10)} ${b.summary}`);
    return;
  }
  if (!/^[a-z0-9-]+$/i.test(name) || !list.some((b) => b.name === name)) {
    console.error(`unknown benchmark "${name}"; available: ${list.map((b) => b.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const mod = (await import(pathToFileURL(path.join(DIR, `${name}.ts`)).href)) as {
    run?: () => Promise<void>;
  };
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
  const t = performance.now();
  await mod.run();
  console.log(`\n[bench ${name}] finished in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
