/**
 * Startup benchmark: `npm run bench -- startup`.
 * Target: launch → ready on an existing PGlite data dir ≤ 3 s; RSS after ready ≤ 450 MB.
 *
 * Real processes: `node --import tsx src/server/main.ts serve` (one process, no tsx CLI wrapper), first
 * once on an empty data dir (initdb, migrations, demo data) and stopped with SIGTERM, then RUNS more
 * times on that now existing dir. Measured per run: spawn → the `FAZHI_READY` line, spawn → first 200 from
 * GET /healthz (polled from spawn every 10 ms), and VmRSS / VmHWM of that node process right after the 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const TARGET_READY_MS = 3000;
const TARGET_RSS_MB = 450;
const FIRST_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function procStatus(pid: number): { rssMb: number; hwmMb: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

interface Launch {
  readyMs: number;
  healthMs: number;
  rssMb: number;
  hwmMb: number;
  bootMs?: number;
  exitMs: number;
  exitCode: number | null;
}

async function launch(dataDir: string, timeoutMs: number): Promise<Launch> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAZHI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    FAZHI_SWEEP_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.FAZHI_DEMO;
  delete env.NODE_OPTIONS; // no inherited --import/--require: exactly one node process with tsx hooks
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let readyMs = NaN;
  let bootMs: number | undefined;
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => ((exited = true), resolve(code))),
  );
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (Number.isNaN(readyMs) && out.includes('FAZHI_READY ')) readyMs = performance.now() - t0;
    const m = /is ready \([^)]*\) in (\d+) ms/.exec(out);
    if (m) bootMs = Number(m[1]);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  try {
    let healthMs = NaN;
    const deadline = t0 + timeoutMs;
    while (performance.now() < deadline && !exited) {
      if ((await healthz(port)) === 200) {
        healthMs = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    if (Number.isNaN(healthMs))
      throw new Error(
        `server did not answer /healthz within ${timeoutMs} ms (exited: ${exited})\n${out}\n${err}`,
      );
    const { rssMb, hwmMb } = procStatus(child.pid!);
    // Wait (bounded) for the READY line if /healthz answered first.
    for (let i = 0; i < 200 && Number.isNaN(readyMs); i++)
      await new Promise((r) => setTimeout(r, 10));
    const tStop = performance.now();
    child.kill('SIGTERM');
    const code = await Promise.race([
      exit,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000)),
    ]);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      throw new Error('server did not stop within 15 s of SIGTERM');
    }
    return {
      readyMs,
      healthMs,
      rssMb,
      hwmMb,
      bootMs,
      exitMs: performance.now() - tStop,
      exitCode: code,
    };
  } finally {
    if (!exited) child.kill('SIGKILL');
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs: number[], digits = 0) =>
  `median ${median(xs).toFixed(digits)}  min ${Math.min(...xs).toFixed(digits)}  max ${Math.max(...xs).toFixed(digits)}`;

export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-startup-'));
  console.log(
    `startup benchmark: ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine slows start-up); data dir ${dataDir}`,
  );
  try {
    const first = await launch(dataDir, FIRST_TIMEOUT_MS);
    console.log(
      `first start (initdb + migrations + demo data): ready ${first.readyMs.toFixed(0)} ms, /healthz 200 at ${first.healthMs.toFixed(0)} ms, RSS ${first.rssMb.toFixed(0)} MB; SIGTERM → exit ${first.exitMs.toFixed(0)} ms (code ${first.exitCode})`,
    );
    const runs: Launch[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await launch(dataDir, RUN_TIMEOUT_MS);
      runs.push(r);
      console.log(
        `run ${i + 1}: FAZHI_READY ${r.readyMs.toFixed(0)} ms (server-reported boot ${r.bootMs ?? '?'} ms), /healthz 200 ${r.healthMs.toFixed(0)} ms, VmRSS ${r.rssMb.toFixed(1)} MB (VmHWM ${r.hwmMb.toFixed(1)} MB); SIGTERM → exit ${r.exitMs.toFixed(0)} ms (code ${r.exitCode})`,
      );
    }
    const ready = runs.map((r) => r.readyMs);
    const health = runs.map((r) => r.healthMs);
    const rss = runs.map((r) => r.rssMb);
    const hwm = runs.map((r) => r.hwmMb);
    console.log(`\nexisting data dir, ${RUNS} launches:`);
    console.log(
      `  spawn → FAZHI_READY  ${stat(ready)} ms   median/3 s = ${(median(ready) / TARGET_READY_MS).toFixed(2)}`,
    );
    console.log(
      `  spawn → /healthz 200 ${stat(health)} ms   median/3 s = ${(median(health) / TARGET_READY_MS).toFixed(2)}   max/3 s = ${(Math.max(...health) / TARGET_READY_MS).toFixed(2)}`,
    );
    console.log(
      `  VmRSS after ready    ${stat(rss, 1)} MB   median/450 MB = ${(median(rss) / TARGET_RSS_MB).toFixed(2)}   max/450 MB = ${(Math.max(...rss) / TARGET_RSS_MB).toFixed(2)}`,
    );
    console.log(
      `  VmHWM (peak)         ${stat(hwm, 1)} MB   median/450 MB = ${(median(hwm) / TARGET_RSS_MB).toFixed(2)}`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
