/**
 * Baseline for bench/worklist.ts: a bare Fastify + node-postgres server (no Drizzle, no session, no
 * mapping) that answers GET /api/worklist by running the given SQL statements with their parameters
 * (the worklist's count and page queries exactly as Drizzle sends them, captured by the worklist
 * benchmark) one after the other, as Fazhi does, and returning the rows as JSON. It bounds what Fazhi's 我的待办 could cost on this machine.
 *
 * As a child process: BENCH_BASELINE='{"url":…,"poolSize":32,"queries":[{"text":…,"params":[…]}]}' node --import tsx bench/baseline-server.ts
 * prints `BASELINE_READY <port>` and stops on SIGTERM.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';

export interface BaselineOptions {
  url: string;
  poolSize: number;
  queries: { text: string; params: unknown[] }[];
  port?: number;
}

export async function startBaseline(
  opts: BaselineOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize });
  pool.on('error', () => {});
  const app = Fastify({ logger: false });
  const [countQuery, pageQuery] = opts.queries;
  app.get('/api/worklist', async () => {
    const counts = await pool.query(countQuery.text, countQuery.params);
    const page = pageQuery ? await pool.query(pageQuery.text, pageQuery.params) : { rows: [] };
    return { counts: counts.rows[0], items: page.rows };
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
