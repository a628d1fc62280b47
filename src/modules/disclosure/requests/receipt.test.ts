// 条例 Art 31: the receipt date from what staff record for each channel (pure), and through the staff API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../core/errors.ts';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { receiptOf, type ReceiptInput } from './receipt.ts';

const TODAY = '2025-03-03';

const accepted: Array<
  [name: string, input: ReceiptInput, receivedOn: string, details: Record<string, string>]
> = [
  [
    'in person: the day of submission',
    { channel: 'inPerson', receivedOn: '2025-03-03' },
    '2025-03-03',
    {},
  ],
  [
    'online: the day both sides confirm',
    { channel: 'online', receivedOn: '2025-02-28' },
    '2025-02-28',
    {},
  ],
  [
    'post needing a signature: the 签收 date',
    { channel: 'registeredPost', signedOn: '2025-02-28', mailNumber: ' XA1234567890CN ' },
    '2025-02-28',
    { signedOn: '2025-02-28', mailNumber: 'XA1234567890CN' },
  ],
  [
    'post: a 收到申请之日 saying the same day is accepted',
    { channel: 'registeredPost', signedOn: '2025-02-28', receivedOn: '2025-02-28' },
    '2025-02-28',
    { signedOn: '2025-02-28' },
  ],
  [
    '平常信函 confirmed on the day it arrived',
    {
      channel: 'mail',
      arrivedOn: '2025-02-28',
      confirmedOn: '2025-02-28',
      confirmation: '电话确认',
    },
    '2025-02-28',
    { arrivedOn: '2025-02-28', confirmedOn: '2025-02-28', confirmation: '电话确认' },
  ],
  [
    '平常信函 confirmed later, with the reason',
    {
      channel: 'mail',
      arrivedOn: '2025-02-27',
      confirmedOn: '2025-02-28',
      lateReason: '申请人电话当日无人接听',
    },
    '2025-02-28',
    { arrivedOn: '2025-02-27', confirmedOn: '2025-02-28', lateReason: '申请人电话当日无人接听' },
  ],
];

for (const [name, input, receivedOn, details] of accepted) {
  test(`receipt: ${name}`, () =>
    assert.deepEqual(receiptOf(input, TODAY), { receivedOn, details }));
}

const refused: Array<
  [name: string, input: ReceiptInput, fields: Array<[path: string, message: string]>]
> = [
  ['post without the 签收 date', { channel: 'registeredPost' }, [['signedOn', '签收日期：必填']]],
  [
    'post with another 收到申请之日',
    { channel: 'registeredPost', signedOn: '2025-02-28', receivedOn: '2025-03-03' },
    [
      [
        'receivedOn',
        '收到申请之日：邮寄提交的申请以签收日期为收到申请之日（条例第三十一条第（二）项），无需另填',
      ],
    ],
  ],
  [
    'a 签收 date in the future',
    { channel: 'registeredPost', signedOn: '2025-03-04' },
    [['signedOn', '签收日期：不能晚于今天']],
  ],
  [
    '平常信函 without its dates',
    { channel: 'mail' },
    [
      ['arrivedOn', '信函收到日期：必填'],
      ['confirmedOn', '与申请人确认日期：必填'],
    ],
  ],
  [
    '平常信函 confirmed before it arrived',
    { channel: 'mail', arrivedOn: '2025-02-28', confirmedOn: '2025-02-27' },
    [['confirmedOn', '与申请人确认日期：不能早于信函收到日期']],
  ],
  [
    '平常信函 confirmed later without a reason',
    { channel: 'mail', arrivedOn: '2025-02-27', confirmedOn: '2025-02-28' },
    [
      [
        'lateReason',
        '未能当日确认的原因：与申请人确认日期晚于信函收到日期的，应当说明未能当日确认的原因',
      ],
    ],
  ],
  [
    '平常信函 with a 签收 date',
    { channel: 'mail', arrivedOn: '2025-02-28', confirmedOn: '2025-02-28', signedOn: '2025-02-28' },
    [['signedOn', '签收日期：只适用于需签收的邮寄申请']],
  ],
  [
    'in person with post fields',
    { channel: 'inPerson', receivedOn: '2025-03-03', arrivedOn: '2025-03-03' },
    [['arrivedOn', '信函收到日期：只适用于平常信函等无需签收的邮寄申请']],
  ],
  ['in person without the date', { channel: 'inPerson' }, [['receivedOn', '收到申请之日：必填']]],
];

for (const [name, input, fields] of refused) {
  test(`receipt refused: ${name}`, () => {
    assert.throws(
      () => receiptOf(input, TODAY),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, 'VALIDATION');
        assert.deepEqual(
          e.fields?.map((f) => [f.path, f.message]),
          fields,
        );
        return true;
      },
    );
  });
}

test(
  'staff API: a request by post is received on its 签收 date and the clock counts from the next day; errors name the fields',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp(); // 2025-03-03, Monday
    t.after(() => app.close());
    await addUser(app.ctx, {
      username: 'xxgk-post',
      password: 'Disclosure-Post-Passw0rd!',
      roles: ['staff'],
    });
    const staff = await signIn(app.app, 'xxgk-post', 'Disclosure-Post-Passw0rd!');
    const post = (payload: object) =>
      app.app.inject({
        method: 'POST',
        url: '/api/disclosure/requests',
        headers: staff.headers,
        payload,
      });
    const get = async (id: string) =>
      (
        await app.app.inject({
          method: 'GET',
          url: `/api/disclosure/requests/${id}`,
          headers: staff.headers,
        })
      ).json();
    const applicant = {
      applicantKind: 'naturalPerson',
      name: '钱七',
      idNumber: '110101199101010044',
      address: '示范市人民路2号',
    };
    const count = async () =>
      (
        await app.app.inject({
          method: 'GET',
          url: '/api/disclosure/requests',
          headers: staff.headers,
        })
      ).json().total as number;
    const before = await count();

    // Signed for on Friday 2025-02-28: 20 working days from Monday 3-03 → 2025-03-28.
    const signed = await post({
      ...applicant,
      description: '2024年度科技奖励评审结果',
      channel: 'registeredPost',
      signedOn: '2025-02-28',
      mailNumber: 'XA1234567890CN',
    });
    assert.equal(signed.statusCode, 200, signed.body);
    let d = await get(signed.json().id);
    assert.equal(d.request.receivedOn, '2025-02-28');
    assert.deepEqual(d.request.receipt, { signedOn: '2025-02-28', mailNumber: 'XA1234567890CN' });
    assert.equal(d.clocks.find((c: { clock: string }) => c.clock === 'answer').due, '2025-03-28');
    const receive = d.events.find((e: { type: string }) => e.type === 'receive');
    assert.equal(receive.on, '2025-02-28');

    // A 平常信函 that arrived on 2-27 and was confirmed on 2-28 (the applicant could not be reached on the day).
    const letter = await post({
      ...applicant,
      description: '2024年度科技项目验收名单',
      channel: 'mail',
      arrivedOn: '2025-02-27',
      confirmedOn: '2025-02-28',
      confirmation: '电话确认',
      lateReason: '2月27日申请人电话无人接听',
    });
    assert.equal(letter.statusCode, 200, letter.body);
    d = await get(letter.json().id);
    assert.equal(d.request.receivedOn, '2025-02-28');
    assert.equal(d.request.receipt.arrivedOn, '2025-02-27');
    assert.equal(d.clocks.find((c: { clock: string }) => c.clock === 'answer').due, '2025-03-28');

    // Refusals: 400, each message names its field in Chinese, nothing is created.
    for (const [payload, fields] of [
      [
        { channel: 'registeredPost', receivedOn: '2025-03-03' },
        [
          ['signedOn', '签收日期：必填'],
          [
            'receivedOn',
            '收到申请之日：邮寄提交的申请以签收日期为收到申请之日（条例第三十一条第（二）项），无需另填',
          ],
        ],
      ],
      [{ channel: 'registeredPost', signedOn: '2025/02/28' }, [['signedOn', '签收日期：']]], // the format message is core/http's
      [
        { channel: 'mail', arrivedOn: '2025-02-27', confirmedOn: '2025-02-28' },
        [
          [
            'lateReason',
            '未能当日确认的原因：与申请人确认日期晚于信函收到日期的，应当说明未能当日确认的原因',
          ],
        ],
      ],
      [{ channel: 'inPerson' }, [['receivedOn', '收到申请之日：必填']]],
    ] as Array<[object, string[][]]>) {
      const res = await post({ ...applicant, description: '另一项申请', ...payload });
      assert.equal(res.statusCode, 400, res.body);
      const got = res.json().error.fields as Array<{ path: string; message: string }>;
      assert.equal(got.length, fields.length, res.body);
      for (const [path, message] of fields)
        assert.ok(
          got.some((f) => f.path === path && f.message.startsWith(message)),
          `${path} ${message}: ${res.body}`,
        );
    }
    assert.equal(await count(), before + 2);
  },
);
