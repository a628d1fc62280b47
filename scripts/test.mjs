#!/usr/bin/env node
// `npm test`: unit and integration tests on PGlite, then the files that open a test database again on
// PostgreSQL when TEST_DATABASE_URL is set; the browser tests (test/e2e, on PGlite) beside that second
// pass. With FAZHI_TEST_REQUIRE_ALL=1 a skipped test fails the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileTests } from './compile-tests.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const tmp = path.join(root, '.tmp', `test-${process.pid}`);
fs.mkdirSync(tmp, { recursive: true });

function find(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(root, p));
  }
  return out;
}

const filter = process.argv.slice(2);
const select = (files) =>
  filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
const unit = select([
  ...find('src'),
  ...find('test').filter((f) => !f.startsWith('test/e2e/')),
]).sort();
const e2e = select(find('test').filter((f) => f.startsWith('test/e2e/'))).sort();

// FAZHI_SCRYPT_COST=test: password hashes at a low scrypt cost (the production cost is tested once, explicitly).
// NODE_ENV=production: the server as deployed (`npm start`); React's development build, which checks
// every element the portal renders, took 3 % of the permission matrix's CPU.
const testEnv = (env = {}) => ({
  NODE_ENV: 'production',
  ...process.env,
  FAZHI_TEST_RUN: String(process.pid),
  FAZHI_SCRYPT_COST: 'test',
  FAZHI_PGLITE_RELAXED: '1',
  ...env,
});
const run = (cmd, args, env) => spawnSync(cmd, args, { stdio: 'inherit', env: testEnv(env) });
const tsx = (args, env) => run(process.execPath, ['--import', 'tsx', ...args], env);
/** tsx without waiting: resolves to the exit status when the process ends. */
const tsxAsync = (args) =>
  new Promise((resolve) =>
    spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit', env: testEnv() }).on(
      'close',
      (status) => resolve({ status }),
    ),
  );

// The workbench bundle the browser tests load.
if (e2e.length) run(process.execPath, ['scripts/ensure-web.mjs']);

// The tests run compiled (scripts/compile-tests.mjs), in a few long-lived worker processes (see pass()).
// A worker lives for minutes, so V8 optimising PGlite's hot WebAssembly pays for itself: with
// --liftoff-only (the baseline compiler only, which suited a process per file) a sample of 45 files
// took 130–136 s of CPU, without it 110–120 s.
const compiled = await compileTests(root, path.join(tmp, 'build'));
// FAZHI_TEST_NODE_FLAGS: more flags for the test processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const nodeFlags = (process.env.FAZHI_TEST_NODE_FLAGS ?? '').split(' ').filter(Boolean);

const totals = { pass: 0, fail: 0, skipped: 0, todo: 0 };
let failedRun = false;
/** Each failure's name and the head of its error, repeated at the very end of the output (CI shows the tail). */
const failures = [];

function collectFailures(label, text) {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(line);
    if (!m) return;
    const block = [];
    for (let j = i + 1; j < lines.length && block.length < 40; j++) {
      if (lines[j] === `${m[1]}  ...`) break;
      // A file's suite fails when one of its tests does: that test is listed already.
      if (lines[j].includes("failureType: 'subtestsFailed'")) return;
      if (/^\s*(duration_ms|type|code|failureType):/.test(lines[j])) continue;
      block.push(lines[j]);
    }
    failures.push(`[${label}] ${m[2]}\n${block.join('\n')}`);
  });
}

// Two files per core when a pass runs alone: a test file waits much of its time (on PostgreSQL, on its
// server's sockets); with one file per core the PGlite pass kept the two cores 55 % busy (/usr/bin/time:
// 1027 s of CPU in 938 s), with two it took 630 s instead of 923 s. The browser tests run one per core:
// four Chromiums on two cores made their waits time out. FAZHI_TEST_CONCURRENCY overrides the first number.
const cores = os.availableParallelism();
const concurrency = Number(process.env.FAZHI_TEST_CONCURRENCY) || Math.max(2, 2 * cores);
const browserConcurrency = Math.max(2, cores);

// Each slot is one worker process that takes files from a shared queue (scripts/test-worker.mjs) instead
// of a process per file: a process spent about 1.5 s of CPU loading the server's modules and compiling
// PGlite's WebAssembly before its first test.
//
// The queue starts with the files that take longest, so that no long file starts late and runs on alone
// at the end of a pass (a PGlite pass ended 285 s after the command line's tests, queued by size, had
// started at 219 s). What each file took in a full run on a quiet two-core machine is kept per pass in
// scripts/test-durations.json (`FAZHI_TEST_DURATIONS=write npm test` rewrites it); a file not listed there
// is estimated from its size (1 s per 4 kB).
const DURATIONS = path.join(root, 'scripts/test-durations.json');
const durations = fs.existsSync(DURATIONS) ? JSON.parse(fs.readFileSync(DURATIONS, 'utf8')) : {};

async function pass(label, files, env, width = concurrency, { quiet = false } = {}) {
  if (!files.length) return;
  const say = (line) => (quiet ? fs.appendFileSync(log, `${line}\n`) : console.log(line));
  const slug = label.replace(/\W+/g, '-');
  const tap = path.join(tmp, `tap-${slug}.txt`);
  const queue = path.join(tmp, `queue-${slug}.json`);
  const claims = path.join(tmp, `claims-${slug}`);
  const timeline = path.join(tmp, `timeline-${slug}.jsonl`);
  const log = path.join(tmp, `output-${slug}.txt`);
  say(`\n=== ${label}: ${files.length} files ===`);
  fs.mkdirSync(claims);
  const known = durations[label] ?? {};
  const cost = (f) => known[f] ?? fs.statSync(f).size / 4000;
  const ordered = [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b));
  fs.writeFileSync(
    queue,
    JSON.stringify({
      files: ordered.map((f) => ({ label: f, file: compiled(f) })),
      claims,
      timeline,
    }),
  );
  const workers = Array.from({ length: Math.min(width, files.length) }, (_, i) => {
    const w = path.join(tmp, `${slug}-worker-${i + 1}.mjs`);
    fs.writeFileSync(w, `import ${JSON.stringify(path.join(root, 'scripts/test-worker.mjs'))};\n`);
    return w;
  });
  const started = Date.now();
  const out = quiet ? fs.openSync(log, 'a') : 'inherit';
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--test',
      `--test-concurrency=${width}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...workers,
    ],
    { stdio: ['ignore', out, out], env: testEnv({ ...env, FAZHI_TEST_QUEUE: queue }) },
  );
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  if (quiet) fs.closeSync(out);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.pass += count('pass');
  totals.fail += count('fail');
  totals.skipped += count('skipped');
  totals.todo += count('todo');
  collectFailures(label, text);
  if (status !== 0) failedRun = true;
  report(label, started, timeline, say);
  if (quiet) process.stdout.write(fs.readFileSync(log));
}

/** What each file of a pass took (seconds, from its start to its end in its worker). */
const timesOf = (timeline) =>
  fs.existsSync(timeline)
    ? fs
        .readFileSync(timeline, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .map((r) => ({ ...r, took: (r.end - r.start) / 1000 }))
    : [];

/** Prints the pass's wall time and its slowest files; records what each file took when asked to. */
function report(label, started, timeline, say) {
  const rows = timesOf(timeline);
  const s = (seconds) => `${seconds.toFixed(1)} s`;
  const slowest = [...rows].sort((a, b) => b.took - a.took).slice(0, 8);
  const cpu = rows.reduce((sum, r) => sum + (r.cpu ?? 0), 0) / 1000;
  say(
    `\n${label}: ${s((Date.now() - started) / 1000)}, its workers' CPU ${s(cpu)}; slowest files (started at → time taken, CPU):`,
  );
  for (const r of slowest)
    say(
      `  ${s((r.start - started) / 1000).padStart(8)} → ${s(r.took).padStart(8)} ${s((r.cpu ?? 0) / 1000).padStart(8)}  ${r.label}`,
    );
  // FAZHI_TEST_TIMELINES=<dir>: keep each pass's timeline (one JSON line per file) for a closer look.
  if (process.env.FAZHI_TEST_TIMELINES)
    fs.copyFileSync(timeline, path.join(process.env.FAZHI_TEST_TIMELINES, path.basename(timeline)));
  if (process.env.FAZHI_TEST_DURATIONS !== 'write' || filter.length) return;
  const sorted = rows.sort((a, b) => a.label.localeCompare(b.label));
  durations[label] = Object.fromEntries(sorted.map((r) => [r.label, Math.round(r.took)]));
  fs.writeFileSync(DURATIONS, `${JSON.stringify(durations, null, 1)}\n`);
}

// The databases the files start from, prepared side by side. PGlite: initdb and migrations once, each
// test file loads the dump (≈0.4 s instead of ≈3 s), and the demo as loaded at TEST_NOW once too, for
// the files that start from it (src/server/testing.ts). PostgreSQL: the same as template databases.
const dump = path.join(tmp, 'pglite-template.tar');
const demoDump = path.join(tmp, 'pglite-demo.tar');
const accounts = path.join(tmp, 'demo-accounts.json');
const baseDump = path.join(tmp, 'pglite-base.tar');
const baseAccounts = path.join(tmp, 'base-accounts.json');
const template = `fazhi_tpl_${process.pid}`;
const pgAccounts = path.join(tmp, 'demo-accounts-pg.json');
const pgBaseAccounts = path.join(tmp, 'base-accounts-pg.json');
const withPostgres = !!process.env.TEST_DATABASE_URL;
const prepared = await Promise.all([
  tsxAsync([
    'scripts/prepare-test-db.ts',
    'pglite',
    dump,
    demoDump,
    accounts,
    baseDump,
    baseAccounts,
  ]),
  withPostgres
    ? tsxAsync([
        'scripts/prepare-test-db.ts',
        'postgres',
        ...[template, `${template}_demo`, pgAccounts, `${template}_base`, pgBaseAccounts],
      ])
    : { status: 0 },
]);
const failedPrepare = prepared.find((p) => p.status !== 0);
if (failedPrepare) {
  if (withPostgres) tsx(['scripts/prepare-test-db.ts', 'drop-postgres', template]);
  process.exit(failedPrepare.status ?? 1);
}
const pglite = {
  FAZHI_TEST_DB: 'pglite',
  FAZHI_TEST_PGLITE_DUMP: dump,
  FAZHI_TEST_PGLITE_DEMO_DUMP: demoDump,
  FAZHI_TEST_DEMO_ACCOUNTS: accounts,
  FAZHI_TEST_PGLITE_BASE_DUMP: baseDump,
  FAZHI_TEST_BASE_ACCOUNTS: baseAccounts,
};

// Files that never open a test database (pure engine, calendar, text and document tests) run once, in
// the PGlite pass. A file uses a database when it, or a file it imports from the tree (a testkit),
// names the test support.
const seen = new Map();
const usesDatabase = (f) => {
  if (seen.has(f)) return seen.get(f);
  seen.set(f, false);
  const text = fs.readFileSync(f, 'utf8');
  const local = [...text.matchAll(/from '(\.{1,2}\/[^']+\.tsx?)'/g)].map((m) =>
    path.join(path.dirname(f), m[1]),
  );
  const uses =
    /\b(testing|testApi)\.ts\b/.test(text) ||
    local.some((g) => fs.existsSync(g) && usesDatabase(g));
  seen.set(f, uses);
  return uses;
};

// The browser tests run beside the PostgreSQL pass (their output is printed when they end): a browser
// test waits on its page much of the time, and a PostgreSQL test on the server. Measured on two cores:
// the PGlite pass alone 300 s and the PostgreSQL pass alone 122 s; beside the browser tests, the
// PGlite pass took 676 s (and a command-line first start missed its two minutes), and with all three
// side by side (eight workers) the whole took 891 s. FAZHI_TEST_OVERLAP=0 runs the browser tests last.
const overlap = process.env.FAZHI_TEST_OVERLAP !== '0' && withPostgres;
const browserPass = () =>
  pass('PGlite, in Chromium', e2e, pglite, browserConcurrency, { quiet: overlap });
await pass('PGlite', unit, pglite);
const browsed = overlap ? browserPass() : undefined;
if (withPostgres)
  await pass('PostgreSQL', unit.filter(usesDatabase), {
    FAZHI_TEST_DB: 'postgres',
    FAZHI_TEST_PG_TEMPLATE: template,
    FAZHI_TEST_PG_DEMO_TEMPLATE: `${template}_demo`,
    FAZHI_TEST_DEMO_ACCOUNTS: pgAccounts,
    FAZHI_TEST_PG_BASE_TEMPLATE: `${template}_base`,
    FAZHI_TEST_BASE_ACCOUNTS: pgBaseAccounts,
  });
await (browsed ?? browserPass());
if (withPostgres) tsx(['scripts/prepare-test-db.ts', 'drop-postgres', template]);
else {
  console.log(
    '\nTEST_DATABASE_URL is not set: the PostgreSQL pass was not run (set it to postgres://… to run it).',
  );
  if (process.env.FAZHI_TEST_REQUIRE_ALL === '1') failedRun = true;
}

if (failures.length) console.log(`\n=== failures ===\n${failures.join('\n\n')}`);
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
if (process.env.FAZHI_TEST_REQUIRE_ALL === '1' && (totals.skipped > 0 || totals.todo > 0)) {
  console.log('FAZHI_TEST_REQUIRE_ALL=1: skipped tests count as failures.');
  failedRun = true;
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failedRun || totals.fail > 0 ? 1 : 0);
