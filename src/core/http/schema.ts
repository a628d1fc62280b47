/**
 * Route schemas: every /api route declares its zod schemas in its Fastify options
 * (`schema: { summary, params, querystring, body, response }`). The same declarations validate the
 * request (with parse(): field-named Chinese 400s) and make the OpenAPI document (openapi.ts).
 *
 * Order of the checks on an /api route (issue 12 item 7: a caller who may not use a route must not
 * learn its body schema from a 400):
 *   1. onRequest: the session is resolved, CSRF checked (session.ts);
 *   2. preValidation: the signed-in actor is required (401) unless `config.public`, then the route's
 *      own `preValidation: guard(...)` checks capability (403) and record scope (404);
 *   3. validation of params, query and body by their schemas (400);
 *   4. the handler: one service call (which authorizes again on the record), then present.
 */
import type {
  FastifyInstance,
  FastifyRequest,
  FastifyTypeProvider,
  RouteOptions,
  preValidationAsyncHookHandler,
} from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { parse } from './validate.ts';
import { requireActor } from './session.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, public files, the role list). */
    public?: boolean;
  }
  // The OpenAPI fields of a route (the same names and types as @fastify/swagger's).
  interface FastifySchema {
    hide?: boolean;
    tags?: readonly string[];
    description?: string;
    summary?: string;
    consumes?: readonly string[];
  }
}

/** Types `req.body`, `req.query`, `req.params` and the reply from the route's zod schemas. */
export interface ZodProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** One route as registered: what the OpenAPI document is made of. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: NonNullable<RouteOptions['schema']>;
  public: boolean;
  tag: string;
}

const entries = new WeakMap<FastifyInstance, RouteEntry[]>();
const whats = new WeakMap<z.ZodType, string>();
let currentTag = '其他';

/** What an unlabelled part of this schema is called in messages (default 「请求」, e.g. 「参数」 for a query). */
export function called<S extends z.ZodType>(schema: S, what: string): S {
  whats.set(schema, what);
  return schema;
}

/** Registers routes under a tag of the OpenAPI document (a module's or a core area's label). */
export function tagged(label: string, register: () => void): void {
  const before = currentTag;
  currentTag = label;
  try {
    register();
  } finally {
    currentTag = before;
  }
}

/** Every route registered on `app` (Fastify's route table as the onRoute hook saw it), HEAD routes aside. */
export const routeTable = (app: FastifyInstance): RouteEntry[] => entries.get(app) ?? [];

const signedIn: preValidationAsyncHookHandler = async (req) => {
  requireActor(req);
};

/**
 * A check that runs before the request's schemas are applied: `check` throws FORBIDDEN (capability)
 * or NOT_FOUND (record out of scope) so an unauthorised caller gets 403/404, never a field-named 400.
 * `paramsOf(req, schema)` reads the route's params inside a check.
 */
export function guard(
  check: (actor: Actor, req: FastifyRequest) => unknown,
): preValidationAsyncHookHandler {
  return async (req) => {
    await check(requireActor(req), req);
  };
}

/** The route's params, validated (a malformed id is a 400 naming the id, which tells nothing about the body). */
export const paramsOf = <S extends z.ZodType>(req: FastifyRequest, schema: S): z.output<S> =>
  parse(schema, req.params);

/**
 * Validation by the route's zod schemas with parse()'s Chinese messages, the signed-in check on every
 * non-public /api route, and the route table for the document. Call before any route is registered.
 */
export function installRouteSchemas(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  entries.set(app, table);
  app.setValidatorCompiler(({ schema }) => {
    if (!(schema instanceof z.ZodType)) throw new Error('route schemas are zod schemas');
    const what = whats.get(schema);
    return (data: unknown) => {
      try {
        return { value: parse(schema, data, what) };
      } catch (error) {
        return { error: error as Error };
      }
    };
  });
  // Response schemas document the reply; the reply itself is serialised as before.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (m) => m !== 'HEAD',
    );
    if (!methods.length) return;
    const isPublic = !!route.config?.public;
    if (route.url.startsWith('/api/') && !isPublic) {
      const own = route.preValidation
        ? Array.isArray(route.preValidation)
          ? route.preValidation
          : [route.preValidation]
        : [];
      route.preValidation = [signedIn, ...own];
    }
    for (const method of methods)
      table.push({
        method,
        url: route.url,
        schema: route.schema ?? {},
        public: isPublic,
        tag: route.schema?.tags?.[0] ?? currentTag,
      });
  });
}

/** The body of an action that takes none (any JSON object is accepted and ignored). */
export const noBody = z.object({});
