import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { createTestContext, type TestContext } from './testing.ts';
import { buildApp } from './app.ts';

let t: TestContext | undefined;
after(() => t?.close());

test('each request is logged once (method, url, status, ms), with no Fastify deprecation warning', async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) =>
    warnings.push(`${w.code ?? w.name}: ${w.message}`);
  process.on('warning', onWarning);
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  t = await createTestContext();
  const app = await buildApp({ ctx: t.ctx, logger: { level: 'info', stream } });
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/no-such-page' })).statusCode, 404);
    await new Promise((r) => setImmediate(r));
    const about = (url: string) => lines.filter((l) => JSON.stringify(l).includes(url));
    assert.equal(about('/healthz').length, 1, JSON.stringify(lines));
    assert.deepEqual(
      {
        method: about('/healthz')[0].method,
        status: about('/healthz')[0].status,
        msg: about('/healthz')[0].msg,
      },
      { method: 'GET', status: 200, msg: 'request' },
    );
    assert.equal(typeof about('/healthz')[0].ms, 'number');
    assert.equal(about('/no-such-page').length, 1);
    assert.equal(
      lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').length,
      0,
    );
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      warnings.filter((w) => /FSTDEP|disableRequestLogging/.test(w)),
      [],
    );
  } finally {
    process.off('warning', onWarning);
    await app.close();
  }
});
