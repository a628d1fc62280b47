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

/** A declared field (FieldSpec) as far as the forms contract reads it. */
type DeclaredField = { name: string; label: string; required?: boolean };
/** A field as the server sends it to a form (core/http/forms.ts fieldView). */
type ServedField = { name: string; label: string; required?: boolean };
/** Where a form posts: the URL, and what the request carries besides its fields (e.g. the act). */
export interface FormRoute<S extends Session = Session> {
  url: string;
  method?: Method;
  /** Posted as it is: the required fields it names are not the ones expected to be missing. */
  body?: Record<string, unknown>;
  /** Who posts it (default: the contract's session). */
  as?: S;
}
type Refuse<S extends Session> = (
  s: S,
  method: Method,
  url: string,
  payload: object,
  status: number,
  message: RegExp,
) => Promise<unknown>;
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The contract of forms declared once (issue 11 item 2), for the forms a page is sent (`served`: GET
 * /api/<module>/forms, or a record's view): each declared form is served as declared — its fields'
 * names, labels and whether they are required, in order — and its route (`routes`; a form without one
 * is only compared), given nothing but the route's `body`, answers 400 naming the first required field
 * left out in the form's own words (`label` maps it when the route names it otherwise), and changes
 * nothing. A route is given only for a form with a required field the body leaves out.
 */
export async function formsContract<F extends string, S extends Session>(contract: {
  refused: Refuse<S>;
  as: S;
  served: Record<string, ReadonlyArray<ServedField>>;
  declared: Record<F, ReadonlyArray<DeclaredField>>;
  routes?: Partial<Record<F, FormRoute<S> | string>>;
  label?: (label: string) => string;
}): Promise<void> {
  const { refused, as, served, declared, label = (l) => l } = contract;
  const routes: Partial<Record<F, FormRoute<S> | string>> = contract.routes ?? {};
  for (const [form, fields] of Object.entries(declared) as Array<[F, DeclaredField[]]>) {
    assert.ok(served[form], `form ${form} is served`);
    assert.deepEqual(
      served[form].map((f) => [f.name, f.label, !!f.required]),
      fields.map((f) => [f.name, f.label, !!f.required]),
      form,
    );
    const given = routes[form];
    if (!given) continue;
    const route: FormRoute<S> = typeof given === 'string' ? { url: given } : given;
    const body = route.body ?? {};
    const missing = fields.find((f) => f.required && !(f.name in body));
    assert.ok(missing, `form ${form}: the body leaves no required field out`);
    await refused(
      route.as ?? as,
      route.method ?? 'POST',
      route.url,
      body,
      400,
      new RegExp(escaped(label(missing.label))),
    );
  }
}
