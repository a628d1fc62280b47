/**
 * The closed-loop load generator of the HTTP benchmarks (bench/worklist.ts, bench/registry.ts): run in its
 * own process (`worklist.ts --loadgen`, config in BENCH_LOAD) so the client never steals the server's
 * event loop. Keep-alive clients, a warm-up, then the measured window; latencies in ms.
 */
import http from 'node:http';

export interface LoadConfig {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
  timeoutMs: number;
}
export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  bytesPerResponse: number;
  clientCpu: number;
}

export async function loadgen(cfg: LoadConfig): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: cfg.concurrency,
    maxFreeSockets: cfg.concurrency,
  });
  const target = new URL(cfg.url);
  const one = () =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'GET',
          agent,
          headers: cfg.headers,
          timeout: cfg.timeoutMs,
        },
        (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end();
    });

  const phase = async (ms: number, record: boolean) => {
    const lat = new Float64Array(cfg.maxRequests);
    let n = 0;
    let errors = 0;
    let bytes = 0;
    let firstError: string | undefined;
    const t0 = performance.now();
    const end = t0 + ms;
    const client = async () => {
      while (performance.now() < end && n < cfg.maxRequests) {
        const s = performance.now();
        try {
          const r = await one();
          if (r.status !== 200) {
            errors++;
            firstError ??= `HTTP ${r.status}`;
          } else bytes += r.bytes;
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
        if (record && n < cfg.maxRequests) lat[n] = performance.now() - s;
        n++;
      }
    };
    await Promise.all(Array.from({ length: cfg.concurrency }, client));
    return {
      lat: lat.subarray(0, n),
      n,
      errors,
      bytes,
      seconds: (performance.now() - t0) / 1000,
      firstError,
    };
  };

  await phase(cfg.warmupMs, false);
  const cpu0 = process.cpuUsage();
  const r = await phase(cfg.durationMs, true);
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  const sorted = Float64Array.from(r.lat).sort();
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    requests: r.n,
    errors: r.errors,
    firstError: r.firstError,
    seconds: r.seconds,
    rps: r.n / r.seconds,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
    bytesPerResponse: r.n - r.errors > 0 ? r.bytes / (r.n - r.errors) : 0,
    clientCpu: (cpu.user + cpu.system) / 1e6 / r.seconds,
  };
}
