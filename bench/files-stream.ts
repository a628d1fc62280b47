/**
 * Streamed upload benchmark: `npm run bench -- files-stream`.
 * Target: a 2 GB video (全过程记录) uploaded over HTTP to POST /api/files/stream, stored in the database
 * and never held in memory: throughput compared with a bare Node HTTP server that only counts the bytes
 * (the baseline, measured in the same run), and the server's peak memory growth.
 *
 * A scratch PostgreSQL database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), the
 * real app listening on a port, the file sent by fetch as a stream without Content-Length, then
 * downloaded back and hashed. Knobs (env): BENCH_FILE_MB (2048), BENCH_KEEP_DB=1.
 */
import http from 'node:http';
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

/** The multipart body as a stream of 256 KB pieces (a varying pattern, so the hash means something). */
function body(bytes: number, boundary: string, hash: ReturnType<typeof createHash>): ReadableStream<Uint8Array> {
  const piece = Buffer.alloc(256 * 1024);
  let sent = -1;
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent < 0) {
        controller.enqueue(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="执法记录仪.mp4"\r\ncontent-type: video/mp4\r\n\r\n`));
        sent = 0;
      } else if (sent < bytes) {
        const chunk = Buffer.from(piece.subarray(0, Math.min(piece.length, bytes - sent))).fill(i++ % 251);
        hash.update(chunk);
        sent += chunk.length;
        controller.enqueue(chunk);
      } else {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
    },
  });
}

async function post(url: string, bytes: number, headers: Record<string, string>): Promise<{ seconds: number; status: number; text: string; sha256: string }> {
  const boundary = '----fazhiBench';
  const hash = createHash('sha256');
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, body: body(bytes, boundary, hash), duplex: 'half' } as RequestInit);
  const text = await res.text();
  return { seconds: (performance.now() - t0) / 1000, status: res.status, text, sha256: hash.digest('hex') };
}

export async function run(): Promise<void> {
  process.env.TEST_DATABASE_URL ??= process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
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
    await addUser(ctx, { username: 'bench-officer', password: 'Bench-pass-2025', roles: ['officer', 'staff'] });
    const app = await buildApp({ ctx });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const session = await signIn(app, 'bench-officer', 'Bench-pass-2025');
    await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));

    // Baseline: the same bytes through HTTP into a server that only counts them.
    const bare = await post(`http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`, bytes, {});
    console.log(`baseline: ${mb(bytes)} to a bare Node HTTP server in ${bare.seconds.toFixed(1)} s (${(bytes / MB / bare.seconds).toFixed(0)} MB/s)`);

    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const probe = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const up = await post(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/files/stream`, bytes, session.headers);
    clearInterval(probe);
    if (up.status !== 200) throw new Error(`upload failed: ${up.status} ${up.text.slice(0, 300)}`);
    const stored = JSON.parse(up.text) as { id: string; size: number; sha256: string };
    const rate = bytes / MB / up.seconds;
    console.log(`upload:   ${mb(bytes)} streamed into PostgreSQL in ${up.seconds.toFixed(1)} s (${rate.toFixed(0)} MB/s); ratio to the bare baseline ${(up.seconds / bare.seconds).toFixed(1)}×`);
    console.log(`          stored size ${stored.size === bytes ? 'equal' : `DIFFERENT (${stored.size})`}, SHA-256 ${stored.sha256 === up.sha256 ? 'equal' : 'DIFFERENT'}`);
    console.log(`memory:   rss ${mb(before.rss)} → peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}), i.e. ${((peakRss - before.rss) / bytes * 100).toFixed(1)} % of the file`);

    const t1 = performance.now();
    const down = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/files/${stored.id}`, { headers: session.headers });
    const back = createHash('sha256');
    let got = 0;
    for await (const c of down.body as unknown as AsyncIterable<Uint8Array>) {
      back.update(c);
      got += c.length;
    }
    const downS = (performance.now() - t1) / 1000;
    console.log(`download: ${mb(got)} in ${downS.toFixed(1)} s (${(got / MB / downS).toFixed(0)} MB/s), SHA-256 ${back.digest('hex') === stored.sha256 ? 'equal' : 'DIFFERENT'}`);
    await app.close();
  } finally {
    baseline.close();
    await ctx?.database.close();
    if (!process.env.BENCH_KEEP_DB) await scratch.drop();
  }
}
