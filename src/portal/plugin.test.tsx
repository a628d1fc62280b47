import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderPage } from './plugin.tsx';
import { SITE, makeApp, cookieValue, setCookieHeader } from './testApp.ts';

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
