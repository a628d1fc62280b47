// The session's `abilities` of every demo account, against the values recorded before the older modules'
// rules moved from core/auth/policy.ts into their own folders (issue 11 item 1): moving a rule must not
// change what any account may see. A new or changed ability updates abilities.expected.json on purpose.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp } from './testing.ts';

const EXPECTED: Record<string, Record<string, boolean>> = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'abilities.expected.json'), 'utf8'),
);

let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('every demo account signs in with exactly the recorded abilities', async () => {
  assert.deepEqual(t.accounts.map((a) => a.username).sort(), Object.keys(EXPECTED).sort());
  for (const a of t.accounts) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.username, password: a.password },
    });
    assert.equal(res.statusCode, 200, a.username);
    const abilities = res.json().abilities as Record<string, boolean>;
    assert.deepEqual(Object.keys(abilities).sort(), Object.keys(EXPECTED[a.username]!).sort());
    assert.deepEqual(abilities, EXPECTED[a.username], a.username);
  }
});
