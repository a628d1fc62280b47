/**
 * Baseline for bench/worklist.ts: a bare Fastify + node-postgres server (no Drizzle, no session, no
 * mapping) that answers GET /api/worklist by running ONE given SQL text with ONE given parameter list
 * (the worklist query exactly as Drizzle sends it, captured by the worklist benchmark) and returning
 * the rows as JSON. It bounds what Fazhi's 我的待办 could cost on this machine.
 *
 * As a child process: BENCH_BASELINE='{"url":…,"poolSize":32,"text":…,"params":[…]}' node --import tsx bench/baseline-server.ts
 * prints `BASELINE_READY <port>` and stops on SIGTERM.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';

export interface BaselineOptions { url: string; poolSize: number; text: string; params: unknown[]; port?: number }

export async function startBaseline(opts: BaselineOptions): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize });
  pool.on('error', () => {});
  const app = Fastify({ logger: false });
  app.get('/api/worklist', async () => {
    const res = await pool.query(opts.text, opts.params);
    return res.rows;
  });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    port,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = JSON.parse(process.env.BENCH_BASELINE ?? '{}') as BaselineOptions;
  const server = await startBaseline(opts);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(`BASELINE_READY ${server.port}`);
}
