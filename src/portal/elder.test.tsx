import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeReturnPath } from './plugin.tsx';
import { makeApp, setCookieHeader, csrf, postElder } from './testApp.ts';

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
