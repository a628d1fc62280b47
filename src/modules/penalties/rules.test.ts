// The 行政处罚 rules the service applies beside the procedure (rules.ts): hearing triggers (Art 63), no
// heavier penalty than notified (Art 45), the surcharge (Art 72), the discretion range, masking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heavierThan, hearingEligible, maskName, outsideRange, surcharge } from './rules.ts';

test('rules: hearing triggers (Art 63), heavier than notified (Art 45), surcharge (Art 72), discretion range, masking', () => {
  const s = { hearingFineIndividual: 10_000, hearingFineOrganisation: 100_000 };
  assert.equal(
    hearingEligible({ types: ['fine'], fineAmount: 9_999, confiscationAmount: 0 }, 'individual', s),
    false,
  );
  assert.equal(
    hearingEligible(
      { types: ['fine'], fineAmount: 10_000, confiscationAmount: 0 },
      'individual',
      s,
    ),
    true,
  );
  assert.equal(
    hearingEligible(
      { types: ['fine'], fineAmount: 50_000, confiscationAmount: 0 },
      'organisation',
      s,
    ),
    false,
  );
  assert.equal(
    hearingEligible(
      { types: ['warning', 'revokeLicence'], fineAmount: 0, confiscationAmount: 0 },
      'organisation',
      s,
    ),
    true,
  );
  const notified = { types: ['fine'] as const, fineAmount: 5000, confiscationAmount: 0 };
  assert.match(
    heavierThan(
      { types: ['fine'], fineAmount: 5001, confiscationAmount: 0 },
      { ...notified, types: ['fine'] },
    ) ?? '',
    /超过告知/,
  );
  assert.match(
    heavierThan(
      { types: ['fine', 'suspendBusiness'], fineAmount: 5000, confiscationAmount: 0 },
      { ...notified, types: ['fine'] },
    ) ?? '',
    /责令停产停业/,
  );
  assert.equal(
    heavierThan(
      { types: ['warning'], fineAmount: 0, confiscationAmount: 0 },
      { ...notified, types: ['fine'] },
    ),
    null,
  );
  assert.equal(
    heavierThan(
      { types: ['fine'], fineAmount: 3000, confiscationAmount: 0 },
      { ...notified, types: ['fine'] },
    ),
    null,
  );
  assert.equal(surcharge(1000, 0), 0);
  assert.equal(surcharge(1000, 10), 300);
  assert.equal(surcharge(1000, 40), 1000, 'capped at the fine');
  const row = { code: 'light', label: '情节较轻', minAmount: 1000, maxAmount: 10_000, basis: '' };
  assert.equal(outsideRange(row, 5000), null);
  assert.match(outsideRange(row, 20_000) ?? '', /不在裁量基准/);
  assert.equal(maskName('张三'), '张某');
  assert.equal(maskName('欧阳娜娜'), '欧阳某');
});
