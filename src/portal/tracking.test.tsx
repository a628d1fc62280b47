// The tracking-code lookup every portal section shares, on a bare Fastify app with a section of its own:
// the form, a malformed code (400, the Chinese message, the echo escaped), the redirect of a code typed
// in groups and capitals, unknown and malformed codes on a matter's page (404), CSRF on the forms below
// it, and the rate limits per address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendPortalPage } from './plugin.tsx';
import { cookieValue, sectionApp } from './testApp.ts';
import { trackingLookup } from './tracking.tsx';
import { newTrackingCode, TRACKING_CODE_RE } from './trackingCode.ts';

async function lookupApp() {
  const { app, page } = await sectionApp();
  const known = newTrackingCode();
  const seen: string[] = [];
  const lookup = trackingLookup(page, {
    path: '/cs/track',
    title: '测试事项查询',
    intro: '请输入查询码。',
    hint: '受理回执上的32位查询码',
    breadcrumbs: [{ title: '测试栏目', href: '/cs' }, { title: '查询' }],
    noun: '事项',
  });
  await app.register(async (a) => {
    lookup.register(a, async (req, reply, code) => {
      seen.push(code);
      if (code !== known) return lookup.notFound(req, reply);
      return sendPortalPage(req, reply, page, { title: '事项', children: <h1>事项 {code}</h1> });
    });
    lookup.post(a, 'act', async (_req, reply, code) => {
      seen.push(`act ${code}`);
      return reply.redirect(`/cs/track/${code}?done=1`, 303);
    });
  });
  await app.ready();
  return { app, known, seen };
}

test('the lookup form: one labelled field with its hint, and the section’s title and breadcrumbs', async () => {
  const { app } = await lookupApp();
  const res = await app.inject({ url: '/cs/track' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<title>测试事项查询 - /);
  assert.match(res.body, /<h1>测试事项查询<\/h1>/);
  assert.match(res.body, /<p>请输入查询码。<\/p>/);
  assert.match(res.body, /<form noValidate="" action="\/cs\/track" method="get">/);
  assert.match(res.body, /<label for="f-code">查询码<\/label>/);
  assert.match(res.body, /id="h-code">受理回执上的32位查询码<\/span>/);
  assert.match(
    res.body,
    /<input type="text" id="f-code" autoComplete="off" aria-describedby="h-code" name="code" value=""\/>/,
  );
  assert.match(res.body, /<a href="\/cs">测试栏目<\/a>/);
  await app.close();
});

test('a malformed code is refused (400) in Chinese, the form refilled with it escaped', async () => {
  const { app, seen } = await lookupApp();
  const evil = '<script>alert(1)</script>"';
  const res = await app.inject({ url: `/cs/track?code=${encodeURIComponent(evil)}` });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<title>错误：测试事项查询 - /);
  assert.match(res.body, /role="alert"><p>查询码应为32位字母和数字，请核对后重新输入。<\/p>/);
  assert.match(res.body, /aria-invalid="true"/);
  assert.match(res.body, /class="form-group has-error"/);
  assert.doesNotMatch(res.body, /<script>alert/);
  assert.match(res.body, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;"/);
  // A long input is echoed cut to 64 characters.
  const long = await app.inject({ url: `/cs/track?code=${'x'.repeat(200)}` });
  assert.equal(long.statusCode, 400);
  assert.equal(/name="code" value="(x*)"/.exec(long.body)?.[1], 'x'.repeat(64));
  assert.deepEqual(seen, [], 'no matter was looked up');
  await app.close();
});

test('a code typed in groups, with dashes or capitals goes on to its page; unknown and malformed ones are not found', async () => {
  const { app, known, seen } = await lookupApp();
  assert.match(known, TRACKING_CODE_RE);
  const typed = known.toUpperCase().match(/.{4}/g)!.join(' ');
  const go = await app.inject({ url: `/cs/track?code=${encodeURIComponent(typed)}` });
  assert.equal(go.statusCode, 303);
  assert.equal(go.headers.location, `/cs/track/${known}`);
  const dashed = known.match(/.{4}/g)!.join('-').toUpperCase();
  const shown = await app.inject({ url: `/cs/track/${dashed}` });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, new RegExp(`事项 ${known}`));
  for (const url of [`/cs/track/${'a'.repeat(32)}`, '/cs/track/abc', '/cs/track/%3Cb%3E']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /<title>未找到事项 - /);
    assert.match(res.body, /未找到与该查询码对应的事项，请核对后重新输入。/);
    assert.match(
      res.body,
      /<form noValidate="" action="\/cs\/track" method="get">/,
      'the form to try again',
    );
    assert.doesNotMatch(res.body, /<b>/);
  }
  assert.deepEqual(seen, [known, 'a'.repeat(32)], 'a malformed code is never looked up');
  await app.close();
});

test('a form below the lookup needs the portal CSRF token and a well-formed code', async () => {
  const { app, known, seen } = await lookupApp();
  const form = await app.inject({ url: `/cs/track/${known}` });
  const token = cookieValue(form, 'fazhi_pcsrf')!.value;
  const post = (code: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/cs/track/${code}/act`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `fazhi_pcsrf=${token}`,
      },
      payload: new URLSearchParams(fields).toString(),
    });
  const forged = await post(known, { _csrf: 'A'.repeat(43) });
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /安全校验未通过/);
  assert.equal((await post('abc', { _csrf: token })).statusCode, 404);
  const ok = await post(known, { _csrf: token });
  assert.equal(ok.statusCode, 303);
  assert.deepEqual(seen, [known, `act ${known}`]);
  await app.close();
});

test('looking up is limited to 30 a minute and forms to 10 in ten minutes, per address', async () => {
  const { app, known } = await lookupApp();
  const get = (remoteAddress: string) =>
    app.inject({ url: `/cs/track?code=${known}`, remoteAddress });
  for (let i = 0; i < 30; i++)
    assert.equal((await get('203.0.113.1')).statusCode, 303, `lookup ${i + 1} is within the limit`);
  assert.equal((await get('203.0.113.1')).statusCode, 429);
  assert.equal((await get('203.0.113.2')).statusCode, 303, 'another address is not affected');
  const post = () =>
    app.inject({ method: 'POST', url: `/cs/track/${known}/act`, remoteAddress: '203.0.113.3' });
  for (let i = 0; i < 10; i++)
    assert.equal((await post()).statusCode, 403, `form ${i + 1} is within the limit`);
  assert.equal((await post()).statusCode, 429);
  await app.close();
});
