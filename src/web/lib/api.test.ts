import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { api, get, poll, post } from './api.ts';

// The session's idle timeout must not be reset by requests the user did not ask for: the workbench
// marks them with x-fazhi-background (the server's session.ts then leaves last_seen alone).
const sent: Headers[] = [];
const realFetch = globalThis.fetch;
const realNow = Date.now;
globalThis.fetch = (async (_url: string, init: RequestInit) => {
  sent.push(new Headers(init.headers));
  return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
}) as typeof fetch;
afterEach(() => {
  sent.length = 0;
  Date.now = realNow;
});
test.after(() => {
  globalThis.fetch = realFetch;
});

const background = () => sent.map((h) => h.get('x-fazhi-background'));

test('a poll is marked background; requests right after the user acted are not', async () => {
  await poll('/api/notifications');
  await get('/api/worklist');
  await post('/api/notifications/read-all');
  assert.deepEqual(background(), ['1', null, null]);
});

test('a GET long after the last input (an interval refetch) is background; a POST never is unless asked', async () => {
  const start = realNow();
  Date.now = () => start + 31_000;
  await get('/api/worklist');
  await post('/api/notifications/read-all');
  await api('/api/worklist', { background: false });
  assert.deepEqual(background(), ['1', null, null]);
});
