import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultDue, makeApp } from './testApp.ts';

describe('deadline calculator', () => {
  test('shows the due date and explanation', async () => {
    const calls: unknown[] = [];
    const app = await makeApp({
      computeDue: (input) => {
        calls.push(input);
        return defaultDue(input);
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-01-20&count=20&unit=workday',
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(calls, [{ from: '2025-01-20', count: 20, unit: 'workday' }]);
    assert.match(res.body, /到期日：<time dateTime="2025-02-20">2025年2月20日（星期四）<\/time>/i);
    assert.match(res.body, /自2025-01-20次日起算20个工作日，跳过春节假期/);
    assert.doesNotMatch(res.body, /暂按周一至周五计算/);
    await app.close();
  });

  test('marks a provisional result and accepts full-width digits', async () => {
    const app = await makeApp({
      computeDue: () => ({
        due: '2027-02-01',
        provisional: true,
        explanation: '暂按周一至周五计算',
      }),
    });
    const res = await app.inject({
      method: 'GET',
      url: `/tools/deadline?from=2027-01-04&count=${encodeURIComponent('２０')}&unit=workday`,
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="notice"/);
    assert.match(res.body, /2027年2月1日（星期一）/);
    await app.close();
  });

  test('without parameters shows the empty form', async () => {
    const app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/tools/deadline' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>工作日期限计算器<\/h1>/);
    assert.doesNotMatch(res.body, /aria-invalid/);
    await app.close();
  });

  test('invalid input shows Chinese field errors with aria-describedby and status 400', async () => {
    let called = false;
    const app = await makeApp({
      computeDue: (i) => {
        called = true;
        return defaultDue(i);
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-02-30&count=abc&unit=week',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(called, false);
    const html = res.body;
    assert.match(html, /<title>错误：工作日期限计算器/);
    assert.match(html, /起算日期无效/);
    assert.match(html, /期限天数应为 1 至 1000 之间的整数/);
    assert.match(html, /请选择计算方式/);
    assert.match(
      html,
      /id="deadline-from"[^>]*aria-describedby="deadline-from-hint deadline-from-error"[^>]*aria-invalid="true"/,
    );
    assert.match(
      html,
      /id="deadline-count"[^>]*aria-describedby="deadline-count-hint deadline-count-error"/,
    );
    assert.match(html, /<span class="field-error" id="deadline-from-error">/);
    assert.match(html, /<fieldset aria-describedby="deadline-unit-error">/);
    assert.match(html, /role="alert"/);
    assert.match(html, /href="#deadline-from"/);
    assert.doesNotMatch(html, /\bat \S+ \(|Error:|stack/i);
    await app.close();
  });

  test('a failing calculation gives a Chinese message, not a stack trace', async () => {
    const app = await makeApp({
      computeDue: () => {
        throw new Error('boom at secret/path.ts:1');
      },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/tools/deadline?from=2025-01-20&count=5&unit=day',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /无法计算该期限/);
    assert.doesNotMatch(res.body, /boom|secret/);
    await app.close();
  });
});
