import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createTestContext } from './testing.ts';
import { buildApp } from './app.ts';

test('GET /healthz: 200 with the database reachable, 503 when it is not', async () => {
  const t = await createTestContext();
  const app = await buildApp({ ctx: t.ctx });
  try {
    const up = await app.inject({ url: '/healthz' });
    assert.equal(up.statusCode, 200);
    assert.equal(up.json().status, 'ok');
    await t.ctx.database.close();
    const down = await app.inject({ url: '/healthz' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().status, 'unavailable');
  } finally {
    await app.close();
    await t.close().catch(() => {});
  }
});

test('unknown API paths answer a JSON 404; responses carry a request id and no-store', async () => {
  const t = await createTestContext();
  const app = await buildApp({ ctx: t.ctx });
  try {
    const res = await app.inject({ url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
    assert.ok(res.headers['x-request-id']);
    assert.equal(res.headers['cache-control'], 'no-store');
    const given = await app.inject({
      url: '/api/calendar/due?from=2025-01-20&count=20&unit=workday',
      headers: { 'x-request-id': 'lb-1234' },
    });
    assert.equal(given.headers['x-request-id'], 'lb-1234');
    // Outside the API a citizen gets the portal's 404 page.
    const page = await app.inject({ url: '/no-such-page' });
    assert.equal(page.statusCode, 404);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /页面未找到/);
    assert.match(page.body, /<main/);
  } finally {
    await app.close();
    await t.close();
  }
});

test('the workbench: fingerprinted assets are cached for a year, the page and other files revalidated', async () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-web-'));
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>法治工作台</title>');
  fs.writeFileSync(path.join(web, 'assets', 'index-AbC123.js'), 'export {};');
  fs.writeFileSync(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const t = await createTestContext();
  const app = await buildApp({ ctx: t.ctx, webDir: web });
  try {
    const asset = await app.inject({ url: '/app/assets/index-AbC123.js' });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/app/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers['cache-control'], 'no-cache');
    const page = await app.inject({ url: '/app/documents' });
    assert.match(page.body, /法治工作台/);
    assert.equal(page.headers['cache-control'], 'no-cache');
  } finally {
    await app.close();
    await t.close();
    fs.rmSync(web, { recursive: true, force: true });
  }
});
