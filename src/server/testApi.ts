import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { queryRows } from '../core/db/client.ts';
import { moveToDay, type TestContext } from './testing.ts';

/** A signed-in test user (see signIn in testing.ts). */
export interface Session {
  headers: Record<string, string>;
}
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type TestApp = Pick<TestContext, 'ctx' | 'clock'> & { app: FastifyInstance };

/**
 * The API helpers the module tests share: a call, an ok call (200 or the body in the failure), a refused
 * call that must name the reason and change nothing in `tables`, and moving the clock by days while
 * keeping the sessions active (30-minute idle timeout). `t` is a getter: the app is built in before().
 */
export function testApi(t: () => TestApp, tables: string[]) {
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(t().ctx.db, sql.raw(`select count(*)::int as n from ${table}`))
    )[0].n;
  const counts = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await count(n)])));
  const call = (s: Session, method: Method, url: string, payload?: object) =>
    t().app.inject({ method, url, headers: s.headers, payload });
  const ok = async (s: Session, method: Method, url: string, payload?: object) => {
    const res = await call(s, method, url, payload);
    assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const refused = async (
    s: Session,
    method: Method,
    url: string,
    payload: object | undefined,
    status: number,
    message: RegExp,
  ) => {
    const before = await counts();
    const res = await call(s, method, url, payload);
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.json().error.message, message);
    assert.deepEqual(await counts(), before, 'a refused request changes nothing');
  };
  const day = (d: string) => moveToDay(t(), d);
  return { count, counts, call, ok, refused, day };
}
