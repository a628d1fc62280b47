// A database error's log line holds no parameter values (applicants' data, tracking codes): core/http/errors.ts loggableError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../../server/app.ts';
import { createTestContext } from '../../../server/testing.ts';
import { newId } from '../../../core/clock.ts';
import { disclosureRequests } from './schema.ts';

const APPLICANT = {
  name: '李小四',
  idNumber: '341602199001010011',
  phone: '13800000001',
  email: 'li.xiaosi@example.cn',
  address: '示范市幸福路88号',
};
const TRACKING = 'abcdefghijklmnopqrstuvwxyz234567';

test(
  'a forced database error is logged without the query’s parameter values, on both databases',
  { timeout: 60_000 },
  async (t) => {
    const tc = await createTestContext();
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ ctx: tc.ctx, logger: { level: 'error', stream } });
    t.after(async () => {
      await app.close();
      await tc.close();
    });
    const now = new Date();
    // A not-null violation: PostgreSQL's detail would quote the whole row ("Failing row contains (…)").
    app.get('/app-test/insert', async () => {
      await tc.ctx.db.insert(disclosureRequests).values({
        id: newId(),
        caseId: null as unknown as string,
        departmentId: newId(),
        trackingCode: TRACKING,
        applicantKind: 'naturalPerson',
        reportColumn: 'naturalPerson',
        ...APPLICANT,
        channel: 'online',
        receivedOn: '2025-03-03',
        dedupeHash: 'x'.repeat(64),
        createdAt: now,
        updatedAt: now,
      });
      return {};
    });
    // PostgreSQL quotes the bad value in its message: `invalid input syntax for type integer: "…"`.
    app.get('/app-test/cast', async () => {
      await tc.ctx.db.execute(
        sql`select ${APPLICANT.idNumber + 'x'}::int, ${APPLICANT.phone}::text`,
      );
      return {};
    });

    for (const url of ['/app-test/insert', '/app-test/cast']) {
      lines.length = 0;
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 500);
      assert.match(res.json().error.message, /服务器内部错误/);
      const log = lines.join('');
      assert.match(log, /unhandled error/, 'the error is logged');
      assert.match(
        log,
        /disclosure_requests|select \$1::int/,
        'the query text (placeholders) stays for the operator',
      );
      for (const value of [...Object.values(APPLICANT), TRACKING])
        assert.ok(!log.includes(value), `${url}: no ${value} in the log: ${log}`);
      assert.ok(!/"params"|"detail"/.test(log), 'no params or detail fields');
    }
    const entry = JSON.parse(lines[0]);
    assert.equal(entry.err.code, '22003', 'the SQLSTATE (numeric value out of range) stays');
    assert.equal(entry.err.name, 'DrizzleQueryError');
  },
);
