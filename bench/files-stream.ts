/**
 * Streamed upload benchmark: `npm run bench -- files-stream`.
 * Target: a 2 GB video (全过程记录) uploaded over HTTP to POST /api/files/stream, stored in the database
 * and never held in memory: throughput compared with a bare Node HTTP server that only counts the bytes
 * (the baseline, measured in the same run), and the server's peak memory growth.
 *
 * A scratch PostgreSQL database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), the
 * real app listening on a port, the file written to disk and sent by curl (another process, as a browser
 * would: multipart with Content-Length), then downloaded back and hashed. Knobs (env): BENCH_FILE_MB (2048), BENCH_KEEP_DB=1.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Ctx } from '../src/core/context.ts';
import { fixedClock } from '../src/core/clock.ts';
import { boot } from '../src/server/boot.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/demo.ts';
import { addUser, scratchPostgres, signIn } from '../src/server/testing.ts';

const NOW = '2025-12-15T02:00:00.000Z';
const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;

/** The video on disk (a varying pattern, so the hash means something), written in 256 KB pieces. */
async function writeVideo(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = fs.createWriteStream(file);
  const piece = Buffer.alloc(256 * 1024);
  for (let sent = 0, i = 0; sent < bytes; i++) {
    const chunk = piece.subarray(0, Math.min(piece.length, bytes - sent)).fill(i % 251);
    hash.update(chunk);
    sent += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** curl in its own process sends the file as multipart (the browser's way), so only the server is in this process. */
function curlUpload(
  url: string,
  file: string,
  headers: Record<string, string>,
): Promise<{ seconds: number; text: string }> {
  const t0 = performance.now();
  const args = [
    '-sS',
    '-X',
    'POST',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    '-F',
    `file=@${file};type=video/mp4;filename=执法记录仪.mp4`,
    url,
  ];
  return new Promise((resolve, reject) =>
    execFile('curl', args, { maxBuffer: 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve({ seconds: (performance.now() - t0) / 1000, text: stdout }),
    ),
  );
}

/** Downloads the stored file back and checks its hash. */
async function download(
  app: Awaited<ReturnType<typeof buildApp>>,
  stored: { id: string; sha256: string },
  headers: Record<string, string>,
): Promise<void> {
  const t1 = performance.now();
  const down = await fetch(
    `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/files/${stored.id}`,
    { headers },
  );
  const back = createHash('sha256');
  let got = 0;
  for await (const c of down.body as unknown as AsyncIterable<Uint8Array>) {
    back.update(c);
    got += c.length;
  }
  const downS = (performance.now() - t1) / 1000;
  console.log(
    `download: ${mb(got)} in ${downS.toFixed(1)} s (${(got / MB / downS).toFixed(0)} MB/s), SHA-256 ${back.digest('hex') === stored.sha256 ? 'equal' : 'DIFFERENT'}`,
  );
}

export async function run(): Promise<void> {
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const bytes = Number(process.env.BENCH_FILE_MB ?? 2048) * MB;
  const scratch = await scratchPostgres();
  let ctx: Ctx | undefined;
  const baseline = http.createServer((req, res) => {
    let n = 0;
    req.on('data', (c: Buffer) => (n += c.length));
    req.on('end', () => res.end(String(n)));
  });
  try {
    ctx = await boot({ url: scratch.url, clock: fixedClock(NOW), poolSize: 4 });
    await loadDemo(ctx);
    await addUser(ctx, {
      username: 'bench-officer',
      password: 'Bench-pass-2025',
      roles: ['officer', 'staff'],
    });
    const app = await buildApp({ ctx });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const session = await signIn(app, 'bench-officer', 'Bench-pass-2025');
    await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));

    const file = path.join(os.tmpdir(), `fazhi-bench-${process.pid}.mp4`);
    const sha256 = await writeVideo(file, bytes);
    try {
      global.gc?.();
      const before = process.memoryUsage();
      let peakRss = before.rss;
      const probe = setInterval(
        () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
        100,
      );
      const up = await curlUpload(
        `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/files/stream`,
        file,
        session.headers,
      );
      clearInterval(probe);
      const stored = JSON.parse(up.text) as { id: string; size: number; sha256: string };
      if (!stored.id) throw new Error(`upload failed: ${up.text.slice(0, 300)}`);
      console.log(
        `upload:   ${mb(bytes)} streamed into PostgreSQL in ${up.seconds.toFixed(1)} s (${(bytes / MB / up.seconds).toFixed(0)} MB/s)`,
      );
      console.log(
        `          stored size ${stored.size === bytes ? 'equal' : `DIFFERENT (${stored.size})`}, SHA-256 ${stored.sha256 === sha256 ? 'equal' : 'DIFFERENT'}`,
      );
      console.log(
        `memory:   server rss ${mb(before.rss)} → peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}), i.e. ${(((peakRss - before.rss) / bytes) * 100).toFixed(1)} % of the file`,
      );
      // Baseline: the same file by the same client into a bare Node HTTP server that only counts the bytes.
      const bare = await curlUpload(
        `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`,
        file,
        {},
      );
      console.log(
        `baseline: ${mb(bytes)} to a bare Node HTTP server in ${bare.seconds.toFixed(1)} s (${(bytes / MB / bare.seconds).toFixed(0)} MB/s); the upload takes ${(up.seconds / bare.seconds).toFixed(1)}× the baseline`,
      );
      await download(app, stored, session.headers);
    } finally {
      fs.rmSync(file, { force: true });
    }
    await app.close();
  } finally {
    baseline.close();
    await ctx?.database.close();
    if (!process.env.BENCH_KEEP_DB) await scratch.drop();
  }
}
