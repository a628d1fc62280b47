/** The portal plugin on a bare Fastify app, and the requests its tests share (CSRF token, 长者模式 form). */
import assert from 'node:assert/strict';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import {
  portalNotFoundHandler,
  portalPlugin,
  type PortalDeps,
  type PortalPageContext,
  type PortalSite,
} from './plugin.tsx';

export const SITE: PortalSite = {
  name: '某市科学技术局',
  parentName: '某市人民政府',
  address: '某市人民路1号',
  phone: '0000-12345678',
  hours: '工作日 9:00—17:00',
  email: 'kjj@example.gov.cn',
  icp: '某ICP备00000000号',
};

export type DueFn = PortalDeps['computeDue'];

export const defaultDue: DueFn = ({ from, count, unit }) => ({
  due: '2025-02-20',
  provisional: false,
  explanation: `自${from}次日起算${count}个${unit === 'workday' ? '工作日' : '日'}，跳过春节假期`,
});

export async function makeApp(
  opts: { site?: PortalSite; computeDue?: DueFn; secureCookies?: boolean } = {},
) {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(formbody);
  const deps: PortalDeps = {
    getSite: async () => opts.site ?? SITE,
    sections: [
      { path: '/gfxwj', title: '规范性文件库', summary: '本局制定的行政规范性文件及其有效性' },
      { path: '/zcjd', title: '重大行政决策', summary: '年度重大行政决策事项目录' },
    ],
    computeDue: opts.computeDue ?? defaultDue,
    today: () => '2025-01-20',
    secureCookies: opts.secureCookies ?? false,
  };
  await app.register(portalPlugin(deps), { prefix: '/' });
  app.setNotFoundHandler(portalNotFoundHandler(deps));
  await app.ready();
  return app;
}

/** A bare app for a section's pages (as a module registers them): cookies, forms and rate limits. */
export async function sectionApp() {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  const page: PortalPageContext = { getSite: async () => SITE, sections: [], secureCookies: false };
  return { app, page };
}

export function cookieValue(res: LightMyRequestResponse, name: string) {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name);
}

export function setCookieHeader(res: LightMyRequestResponse, name: string): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return all.find((c) => c.startsWith(`${name}=`)) ?? '';
}

/** A citizen's session as a browser holds it after GET `url`: the page, its CSRF cookie and form token. */
export async function portalSession(app: FastifyInstance, url: string) {
  const page = await app.inject({ method: 'GET', url });
  return {
    page,
    token: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '',
    cookie: `fazhi_pcsrf=${cookieValue(page, 'fazhi_pcsrf')?.value ?? ''}`,
  };
}

/** A portal form posted as a browser does: the session's cookie and its token in the form. */
export function postPortalForm(
  app: FastifyInstance,
  url: string,
  s: { token: string; cookie: string },
  fields: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: s.token, ...fields }).toString(),
  });
}

/** GET / and return the CSRF cookie + form token. */
export async function csrf(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/' });
  const c = cookieValue(res, 'fazhi_pcsrf');
  assert.ok(c, 'csrf cookie issued');
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  assert.ok(m, 'csrf hidden field rendered');
  assert.equal(m[1], c.value, 'field and cookie carry the same token');
  return c.value;
}

export function postElder(
  app: FastifyInstance,
  token: string | undefined,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/elder',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
      ...(token ? { cookie: `fazhi_pcsrf=${token}` } : {}),
    },
    payload: new URLSearchParams(fields).toString(),
  });
}
