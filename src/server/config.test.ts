import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readConfig } from './config.ts';

test('defaults: 127.0.0.1:3000, ./data, embedded PGlite with demo data', () => {
  const c = readConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.dataDir, path.resolve('data'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.demo, true);
  assert.equal(c.secureCookies, false);
});

test('PORT, HOST and FAZHI_DATA_DIR change the address and the data dir', () => {
  const c = readConfig({ PORT: '8080', HOST: '0.0.0.0', FAZHI_DATA_DIR: '/var/lib/fazhi' });
  assert.deepEqual([c.port, c.host, c.dataDir], [8080, '0.0.0.0', '/var/lib/fazhi']);
});

test('on PostgreSQL no demo data unless FAZHI_DEMO=1', () => {
  assert.equal(readConfig({ DATABASE_URL: 'postgres://db/fazhi' }).demo, false);
  assert.equal(readConfig({ DATABASE_URL: 'postgres://db/fazhi', FAZHI_DEMO: '1' }).demo, true);
  assert.equal(readConfig({ FAZHI_DEMO: '0' }).demo, false);
});

test('FAZHI_TRUST_PROXY: off by default; "1" = a proxy on this machine; otherwise the proxies\' addresses/CIDRs, never any', () => {
  assert.equal(readConfig({}).trustProxy, false);
  assert.equal(readConfig({ FAZHI_TRUST_PROXY: '0' }).trustProxy, false);
  assert.deepEqual(readConfig({ FAZHI_TRUST_PROXY: '1' }).trustProxy, ['loopback']);
  assert.deepEqual(
    readConfig({ FAZHI_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,fd00::/8' }).trustProxy,
    ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8'],
  );
  for (const bad of ['true', '2', 'all', '10.0.0.0/33', '10.0.0.300', 'proxy.example']) {
    assert.throws(() => readConfig({ FAZHI_TRUST_PROXY: bad }), /FAZHI_TRUST_PROXY/, bad);
  }
});

test('FAZHI_SESSION_MAX_HOURS: 12 by default, a number of hours up to 72', () => {
  assert.equal(readConfig({}).sessionMaxHours, 12);
  assert.equal(readConfig({ FAZHI_SESSION_MAX_HOURS: '8' }).sessionMaxHours, 8);
  for (const bad of ['0', '-1', 'abc', '100'])
    assert.throws(
      () => readConfig({ FAZHI_SESSION_MAX_HOURS: bad }),
      /FAZHI_SESSION_MAX_HOURS/,
      bad,
    );
});
