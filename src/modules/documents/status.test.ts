import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultValidUntil, legalStatus, publicationValidity, type StatusInput } from './status.ts';

const pub = { kind: 'published', on: '2025-04-01' };
const table: Array<[name: string, input: StatusInput, status: string, since?: string]> = [
  ['never published', { events: [], today: '2025-05-01' }, 'draft'],
  ['published later than today', { events: [pub], today: '2025-03-31' }, 'draft'],
  [
    'published, in force',
    { events: [pub], validUntil: '2030-03-31', today: '2025-05-01' },
    'inForce',
    '2025-04-01',
  ],
  [
    'published, effective date ahead',
    { events: [pub], effectiveOn: '2025-05-01', today: '2025-04-15' },
    'notYetInForce',
  ],
  [
    'effective date reached',
    { events: [pub], effectiveOn: '2025-05-01', today: '2025-05-01' },
    'inForce',
    '2025-05-01',
  ],
  [
    'last day of validity is still in force',
    { events: [pub], validUntil: '2027-03-31', today: '2027-03-31' },
    'inForce',
  ],
  [
    'expires by itself the day after',
    { events: [pub], validUntil: '2027-03-31', today: '2027-04-01' },
    'expired',
    '2027-04-01',
  ],
  [
    'recorded expiry',
    {
      events: [pub, { kind: 'expired', on: '2027-04-01' }],
      validUntil: '2027-03-31',
      today: '2028-01-01',
    },
    'expired',
    '2027-04-01',
  ],
  [
    'amended',
    {
      events: [pub, { kind: 'amended', on: '2026-02-01', act: '科规〔2026〕1号' }],
      validUntil: '2030-03-31',
      today: '2026-02-01',
    },
    'amended',
    '2026-02-01',
  ],
  [
    'amendment dated in the future',
    { events: [pub, { kind: 'amended', on: '2026-02-01' }], today: '2026-01-31' },
    'inForce',
  ],
  [
    'abolished',
    { events: [pub, { kind: 'abolished', on: '2026-06-01' }], today: '2026-07-01' },
    'abolished',
    '2026-06-01',
  ],
  [
    'declared invalid',
    { events: [pub, { kind: 'declaredInvalid', on: '2026-06-01' }], today: '2026-07-01' },
    'expired',
    '2026-06-01',
  ],
  [
    'abolished before it would have expired',
    {
      events: [pub, { kind: 'abolished', on: '2026-06-01' }],
      validUntil: '2027-03-31',
      today: '2028-01-01',
    },
    'abolished',
    '2026-06-01',
  ],
  [
    'expired before a later abolition',
    {
      events: [pub, { kind: 'abolished', on: '2028-06-01' }],
      validUntil: '2027-03-31',
      today: '2028-07-01',
    },
    'expired',
    '2027-04-01',
  ],
];

for (const [name, input, status, since] of table) {
  test(`legal status: ${name}`, () => {
    const s = legalStatus(input);
    assert.equal(s.status, status);
    if (since) assert.equal(s.since, since);
  });
}

test('the deciding act is carried with the ending', () => {
  const s = legalStatus({
    events: [pub, { kind: 'abolished', on: '2026-06-01', act: '科规〔2026〕9号' }],
    today: '2026-06-02',
  });
  assert.equal(s.act, '科规〔2026〕9号');
  assert.equal(s.ending, 'abolished');
});

test('validity periods and publication 有效性', () => {
  assert.equal(defaultValidUntil('2025-04-01', 5), '2030-03-31');
  assert.equal(defaultValidUntil('2024-02-29', 2), '2026-02-28');
  assert.equal(publicationValidity('notYetInForce'), 'inForce');
  assert.equal(publicationValidity('draft'), null);
  assert.equal(publicationValidity('abolished'), 'abolished');
});
