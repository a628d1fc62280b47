import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import {
  portalNotFoundHandler,
  portalPlugin,
  renderPage,
  safeReturnPath,
  type PortalDeps,
  type PortalSite,
} from './plugin.tsx';

const SITE: PortalSite = {
  name: '某市科学技术局',
  parentName: '某市人民政府',
  address: '某市人民路1号',
  phone: '0000-12345678',
  hours: '工作日 9:00—17:00',
  email: 'kjj@example.gov.cn',
  icp: '某ICP备00000000号',
};

type DueFn = PortalDeps['computeDue'];

const defaultDue: DueFn = ({ from, count, unit }) => ({
  due: '2025-02-20',
  provisional: false,
  explanation: `自${from}次日起算${count}个${unit === 'workday' ? '工作日' : '日'}，跳过春节假期`,
});

async function makeApp(
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

function cookieValue(res: LightMyRequestResponse, name: string) {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name);
}

function setCookieHeader(res: LightMyRequestResponse, name: string): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return all.find((c) => c.startsWith(`${name}=`)) ?? '';
}

/** GET / and return the CSRF cookie + form token. */
async function csrf(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/' });
  const c = cookieValue(res, 'fazhi_pcsrf');
  assert.ok(c, 'csrf cookie issued');
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  assert.ok(m, 'csrf hidden field rendered');
  assert.equal(m[1], c.value, 'field and cookie carry the same token');
  return c.value;
}

function postElder(
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

describe('portal home', () => {
  test('renders a full document with landmarks, skip link, sections and footer', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    const html = res.body;
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="zh-CN">'));
    assert.match(html, /<title>某市科学技术局<\/title>/);
    for (const tag of ['<header', '<nav', '<main', '<footer'])
      assert.ok(html.includes(tag), `has ${tag}`);
    assert.match(html, /<main id="main"/);
    // The skip link is the first focusable element in <body>.
    const body = html.slice(html.indexOf('<body'));
    const firstFocusable =
      /<a\s[^>]*href|<button|<input(?![^>]*type="hidden")|<select|<textarea/.exec(body);
    assert.ok(firstFocusable);
    assert.match(
      body.slice(firstFocusable.index, firstFocusable.index + 80),
      /class="skip-link" href="#main"/,
    );
    assert.match(body, /href="#main">跳到主要内容<\/a>/);
    // Header, nav and sections.
    assert.match(html, /某市人民政府/);
    assert.match(html, /<a href="\/gfxwj">规范性文件库<\/a>/);
    assert.match(html, /本局制定的行政规范性文件及其有效性/);
    assert.match(html, /<a href="\/" aria-current="page">首页<\/a>/);
    assert.match(html, /href="\/xxgk"/);
    assert.match(html, /政府信息公开/);
    // Deadline calculator form with labelled inputs.
    assert.match(html, /<form[^>]*action="\/tools\/deadline" method="get"/);
    assert.match(html, /<label for="deadline-from">起算日期<\/label>/);
    assert.match(html, /<label for="deadline-count">期限天数<\/label>/);
    assert.match(html, /value="2025-01-20"/);
    // Footer.
    assert.match(html, /某市人民路1号/);
    assert.match(html, /0000-12345678/);
    assert.match(html, /某ICP备00000000号/);
    // Normal mode, no scripts at all.
    assert.doesNotMatch(html, /<body class="elder"/);
    assert.match(html, /aria-pressed="false">长者模式<\/button>/);
    assert.doesNotMatch(html, /<script/i);
    await app.close();
  });

  test('sends the security headers and a HttpOnly SameSite=Lax CSRF cookie', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    const sc = setCookieHeader(res, 'fazhi_pcsrf');
    assert.match(sc, /HttpOnly/);
    assert.match(sc, /SameSite=Lax/);
    assert.match(sc, /Path=\//);
    assert.doesNotMatch(sc, /Secure/);
    // An existing token is reused, not rotated.
    const token = cookieValue(res, 'fazhi_pcsrf')!.value;
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `fazhi_pcsrf=${token}` },
    });
    assert.equal(setCookieHeader(again, 'fazhi_pcsrf'), '');
    assert.ok(again.body.includes(`value="${token}"`));
    await app.close();
  });

  test('secure cookies when configured', async () => {
    const app = await makeApp({ secureCookies: true });
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.match(setCookieHeader(res, 'fazhi_pcsrf'), /Secure/);
    await app.close();
  });

  test('serves the stylesheet', async () => {
    const app = await makeApp();
    const home = await app.inject({ method: 'GET', url: '/' });
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1].replace(/&amp;/g, '&');
    const res = await app.inject({ method: 'GET', url: href });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/css/);
    assert.match(String(res.headers['cache-control']), /immutable/);
    assert.match(res.body, /body\.elder/);
    await app.close();
  });

  test('unknown pages get a Chinese 404 page', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/no/such/page' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /页面未找到/);
    await app.close();
  });
});

describe('长者模式', () => {
  test('the toggle sets the cookie and the next page is in elder mode; it can be switched off', async () => {
    const app = await makeApp();
    const token = await csrf(app);
    const on = await postElder(app, token, {
      _csrf: token,
      return: '/tools/deadline?from=2025-01-20',
      elder: '1',
    });
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, '/tools/deadline?from=2025-01-20');
    const sc = setCookieHeader(on, 'fazhi_elder');
    assert.match(sc, /^fazhi_elder=1;/);
    assert.match(sc, /Max-Age=31536000/);
    assert.match(sc, /SameSite=Lax/);
    assert.match(sc, /Path=\//);

    const page = await app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `fazhi_pcsrf=${token}; fazhi_elder=1` },
    });
    assert.match(page.body, /<body class="elder">/);
    assert.match(page.body, /<button type="submit" aria-pressed="true">退出长者模式<\/button>/);
    assert.match(page.body, /name="elder" value="0"/);

    const off = await postElder(
      app,
      token,
      { _csrf: token, return: '/', elder: '0' },
      { cookie: `fazhi_pcsrf=${token}; fazhi_elder=1` },
    );
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, '/');
    assert.match(
      setCookieHeader(off, 'fazhi_elder'),
      /^fazhi_elder=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/,
    );
    await app.close();
  });

  test('without an explicit value the form toggles the current state', async () => {
    const app = await makeApp();
    const token = await csrf(app);
    const res = await postElder(app, token, { _csrf: token, return: '/' });
    assert.match(setCookieHeader(res, 'fazhi_elder'), /^fazhi_elder=1;/);
    await app.close();
  });

  test('a missing or wrong CSRF token is refused with 403 and a Chinese message', async () => {
    const app = await makeApp();
    const token = await csrf(app);
    const other = 'A'.repeat(43);
    const cases: [string, Awaited<ReturnType<typeof postElder>>][] = [
      ['no field', await postElder(app, token, { return: '/', elder: '1' })],
      ['no cookie', await postElder(app, undefined, { _csrf: token, return: '/', elder: '1' })],
      ['wrong field', await postElder(app, token, { _csrf: other, return: '/', elder: '1' })],
      ['malformed field', await postElder(app, token, { _csrf: 'x', return: '/', elder: '1' })],
      [
        'cross-site',
        await postElder(
          app,
          token,
          { _csrf: token, return: '/', elder: '1' },
          { 'sec-fetch-site': 'cross-site' },
        ),
      ],
    ];
    for (const [name, res] of cases) {
      assert.equal(res.statusCode, 403, name);
      assert.match(res.body, /安全校验未通过/, name);
      assert.equal(setCookieHeader(res, 'fazhi_elder'), '', `${name}: no elder cookie`);
      assert.equal(res.headers.location, undefined, name);
      assert.equal(res.headers['x-frame-options'], 'DENY', name);
    }
    await app.close();
  });

  test('open-redirect attempts go to /', async () => {
    const app = await makeApp();
    const token = await csrf(app);
    const attempts = [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      ' /x',
      'evil.example',
      '/%0d%0aSet-Cookie:%20x=1'.replace('%0d%0a', '\r\n'),
      '',
    ];
    for (const attempt of attempts) {
      const res = await postElder(app, token, { _csrf: token, return: attempt, elder: '1' });
      assert.equal(res.statusCode, 303, JSON.stringify(attempt));
      assert.equal(res.headers.location, '/', JSON.stringify(attempt));
    }
    await app.close();
  });

  test('safeReturnPath keeps same-site paths and normalises them', () => {
    assert.equal(safeReturnPath('/gfxwj/12?page=2'), '/gfxwj/12?page=2');
    assert.equal(safeReturnPath('/a/../b'), '/b');
    assert.equal(safeReturnPath('/%2F%2Fevil.example'), '/%2F%2Fevil.example');
    assert.equal(safeReturnPath('/搜索?q=法治'), '/%E6%90%9C%E7%B4%A2?q=%E6%B3%95%E6%B2%BB');
    assert.equal(safeReturnPath('//evil'), '/');
    assert.equal(safeReturnPath(undefined), '/');
    assert.equal(safeReturnPath(['/x']), '/');
  });
});

describe('deadline calculator', () => {
  test('shows the due date and explanation', async () => {
    const calls: unknown[] = [];
    const app = await makeApp({
      computeDue: (input) => {
        calls.push(input);
        return defaultDue(input);
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-01-20&count=20&unit=workday',
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(calls, [{ from: '2025-01-20', count: 20, unit: 'workday' }]);
    assert.match(res.body, /到期日：<time dateTime="2025-02-20">2025年2月20日（星期四）<\/time>/i);
    assert.match(res.body, /自2025-01-20次日起算20个工作日，跳过春节假期/);
    assert.doesNotMatch(res.body, /暂按周一至周五计算/);
    await app.close();
  });

  test('marks a provisional result and accepts full-width digits', async () => {
    const app = await makeApp({
      computeDue: () => ({
        due: '2027-02-01',
        provisional: true,
        explanation: '暂按周一至周五计算',
      }),
    });
    const res = await app.inject({
      method: 'GET',
      url: `/tools/deadline?from=2027-01-04&count=${encodeURIComponent('２０')}&unit=workday`,
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="notice"/);
    assert.match(res.body, /2027年2月1日（星期一）/);
    await app.close();
  });

  test('without parameters shows the empty form', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/tools/deadline' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>工作日期限计算器<\/h1>/);
    assert.doesNotMatch(res.body, /aria-invalid/);
    await app.close();
  });

  test('invalid input shows Chinese field errors with aria-describedby and status 400', async () => {
    let called = false;
    const app = await makeApp({
      computeDue: (i) => {
        called = true;
        return defaultDue(i);
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-02-30&count=abc&unit=week',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(called, false);
    const html = res.body;
    assert.match(html, /<title>错误：工作日期限计算器/);
    assert.match(html, /起算日期无效/);
    assert.match(html, /期限天数应为 1 至 1000 之间的整数/);
    assert.match(html, /请选择计算方式/);
    assert.match(
      html,
      /id="deadline-from"[^>]*aria-describedby="deadline-from-hint deadline-from-error"[^>]*aria-invalid="true"/,
    );
    assert.match(
      html,
      /id="deadline-count"[^>]*aria-describedby="deadline-count-hint deadline-count-error"/,
    );
    assert.match(html, /<span class="field-error" id="deadline-from-error">/);
    assert.match(html, /<fieldset aria-describedby="deadline-unit-error">/);
    assert.match(html, /role="alert"/);
    assert.match(html, /href="#deadline-from"/);
    assert.doesNotMatch(html, /\bat \S+ \(|Error:|stack/i);
    await app.close();
  });

  test('a failing calculation gives a Chinese message, not a stack trace', async () => {
    const app = await makeApp({
      computeDue: () => {
        throw new Error('boom at secret/path.ts:1');
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-01-20&count=5&unit=day',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /无法计算该期限/);
    assert.doesNotMatch(res.body, /boom|secret/);
    await app.close();
  });
});

describe('escaping', () => {
  test('user text in query and return path is escaped', async () => {
    const app = await makeApp();
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const res = await app.inject({
      method: 'GET',
      url: `/tools/deadline?from=${encodeURIComponent(evil)}&count=${encodeURIComponent(evil)}&unit=${encodeURIComponent(evil)}`,
    });
    assert.equal(res.statusCode, 400);
    assert.doesNotMatch(res.body, /<script/i);
    assert.doesNotMatch(res.body, /<img/i);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img/);
    await app.close();
  });

  test('site data is escaped too', async () => {
    const app = await makeApp({
      site: { ...SITE, name: '<b>某局</b>', address: '"><script>x()</script>' },
    });
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(res.body, /<b>某局/);
    assert.doesNotMatch(res.body, /<script/i);
    assert.match(res.body, /&lt;b&gt;某局&lt;\/b&gt;/);
    await app.close();
  });

  test('renderPage returns a full document for module pages', () => {
    const html = renderPage({
      title: '规范性文件库',
      elder: true,
      path: '/gfxwj?q=<x>',
      site: SITE,
      csrfToken: 'B'.repeat(43),
      sections: [{ path: '/gfxwj', title: '规范性文件库', summary: '' }],
      breadcrumbs: [{ title: '规范性文件库' }],
      children: <h1>规范性文件库</h1>,
    });
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="zh-CN">'));
    assert.match(html, /<title>规范性文件库 - 某市科学技术局<\/title>/);
    assert.match(html, /<body class="elder">/);
    assert.match(html, /<a href="\/gfxwj" aria-current="page">规范性文件库<\/a>/);
    assert.match(html, /name="return" value="\/gfxwj\?q=&lt;x&gt;"/);
    assert.match(html, /aria-label="当前位置"/);
  });
});
