/**
 * Report analyser benchmark: `npm run bench -- analyse`.
 * Target: ≤ 50 ms per report (decode + normalise + analyse) for each of the five seed reports.
 *
 * Reads test/fixtures/seeds/*.txt as uploaded bytes and times extractText + analyseText
 * (src/modules/reports/analyser) in this process: first the cold call (module and dictionary loading,
 * the traditional→simplified converter is built on first use), then BENCH_ANALYSE_RUNS (50) warm
 * runs per seed; prints median, p95 and max per seed and the ratio p95 / 50 ms. No database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from './proc.ts';

const TARGET_MS = 50;
const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/seeds');

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function run(): Promise<void> {
  const runs = env('BENCH_ANALYSE_RUNS', 50);
  const files = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  console.log(
    `analyse benchmark: ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${files.length} seeds, ${runs} warm runs each`,
  );

  let t = performance.now();
  const { extractText } = await import('../src/modules/reports/analyser/extract.ts');
  const { analyseText } = await import('../src/modules/reports/analyser/analyse.ts');
  console.log(`module load: ${(performance.now() - t).toFixed(1)} ms`);

  const analyse = async (name: string, content: Buffer) => {
    const { text } = await extractText({ name, content });
    return analyseText(text);
  };
  const inputs = files.map((f) => ({ name: f, content: fs.readFileSync(path.join(SEEDS, f)) }));

  t = performance.now();
  const cold = await analyse(inputs[0].name, inputs[0].content);
  console.log(
    `first report, cold (incl. building the traditional→simplified converter): ${(performance.now() - t).toFixed(1)} ms`,
  );

  let worst = 0;
  console.log(
    `\n${'seed'.padEnd(28)} ${'chars'.padStart(6)} ${'figures'.padStart(7)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  p95/50ms`,
  );
  for (const input of inputs) {
    const times: number[] = [];
    let result = cold;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      result = await analyse(input.name, input.content);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    worst = Math.max(worst, p95);
    const ms = (x: number) => `${x.toFixed(2)} ms`.padStart(8);
    console.log(
      `${input.name.padEnd(28)} ${String(result.text.length).padStart(6)} ${String(result.analysis.figures.length).padStart(7)} ${ms(quantile(times, 0.5))} ${ms(p95)} ${ms(times[times.length - 1])}  ${(p95 / TARGET_MS).toFixed(3)} ${p95 <= TARGET_MS ? '(OK)' : '(TOO SLOW)'}`,
    );
  }
  console.log(
    `\nworst p95 ${worst.toFixed(2)} ms; worst p95 / 50 ms = ${(worst / TARGET_MS).toFixed(3)} ${worst <= TARGET_MS ? '(OK)' : '(TOO SLOW)'}`,
  );
}
