// 依申请公开 end to end through HTTP (portal + staff API) on a real database (PGlite, or PostgreSQL with FAZHI_TEST_DB=postgres).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { codeOf, PERSON, PW, submit, supplementBare } from './testkit.ts';

test(
  '依申请公开: intake, duplicates, scope, 补正 restart, pause, extension cap, answer',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp();
    t.after(() => app.close());
    await addUser(app.ctx, { username: 'xxgk', password: PW, roles: ['staff'], orgName: '办公室' }); // the disclosure office (条例 Art 4)
    await addUser(app.ctx, { username: 'fzsh', password: PW, roles: ['legalOfficer'] });
    await addUser(app.ctx, {
      username: 'xxgk-lead',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    }); // approves (条例 Art 33 ¶2)
    let staff = await signIn(app.app, 'xxgk', PW);
    let legal = await signIn(app.app, 'fzsh', PW);
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = staff) =>
      app.app.inject({ method, url, headers: who.headers, payload: payload as object });

    // --- portal intake and tracking ---
    const res = await submit(app.app, PERSON);
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /\?new=1$/);
    const code = codeOf(res.headers.location as string);
    const track = await app.app.inject({ method: 'GET', url: `/xxgk/track/${code}` });
    assert.equal(track.statusCode, 200);
    assert.match(track.body, /办理中/);
    assert.match(track.body, /2025年3月31日/); // 20 WD from 2025-03-03
    for (const secret of ['李四', '13912345678', '110101199003070011', 'li4@example.cn'])
      assert.ok(!track.body.includes(secret), `no ${secret} on the tracking page`);
    // Lookup form: spaces and capitals are fine; unknown codes are 404, malformed ones 400.
    const lookup = await app.app.inject({
      method: 'GET',
      url: `/xxgk/track?code=${encodeURIComponent(code.toUpperCase().match(/.{4}/g)!.join(' '))}`,
    });
    assert.equal(lookup.headers.location, `/xxgk/track/${code}`);
    assert.equal(
      (await app.app.inject({ method: 'GET', url: `/xxgk/track/${'a'.repeat(32)}` })).statusCode,
      404,
    );
    assert.equal(
      (await app.app.inject({ method: 'GET', url: '/xxgk/track?code=short' })).statusCode,
      400,
    );

    // Duplicate within 10 minutes → the same request; after 10 minutes → a new one.
    const dup = await submit(app.app, PERSON);
    assert.equal(codeOf(dup.headers.location as string), code);
    assert.match(dup.headers.location as string, /\?dup=1$/);
    // CSRF: a form without the token changes nothing.
    const forged = await app.app.inject({
      method: 'POST',
      url: '/xxgk/apply',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(PERSON).toString(),
    });
    assert.equal(forged.statusCode, 403);

    const list = await api('GET', '/api/disclosure/requests?status=open');
    assert.equal(list.statusCode, 200);
    const mine = list
      .json()
      .items.filter((i: { description: string }) => i.description === PERSON.description);
    assert.equal(mine.length, 1, 'one request for two submissions');
    const id = mine[0].id as string;
    const detail = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(detail.request.name, PERSON.name, 'stored as typed (escaped on output)');
    assert.equal(detail.request.trackingCode, code);
    assert.deepEqual(detail.request.missing, []);

    // --- personal data scope: the legal officer sees neither the request nor, through the generic
    // case API, its case (a module's case answers exactly what the module's endpoint answers) ---
    assert.equal(
      (await api('GET', `/api/disclosure/requests/${id}`, undefined, legal)).statusCode,
      404,
    );
    assert.equal((await api('GET', '/api/disclosure/requests', undefined, legal)).statusCode, 403);
    assert.equal(
      (await api('GET', `/api/cases/${detail.case.id}`, undefined, legal)).statusCode,
      404,
    );
    assert.equal(
      (
        await api(
          'POST',
          `/api/cases/${detail.case.id}/actions`,
          { action: 'extend', on: '2025-03-03', data: {} },
          legal,
        )
      ).statusCode,
      404,
    );
    const caseForStaff = await api('GET', `/api/cases/${detail.case.id}`);
    assert.equal(caseForStaff.statusCode, 200);
    assert.ok(!caseForStaff.body.includes('13912345678'), 'the case holds no personal data');

    // --- an incomplete request (no 身份证明, a description too vague to search) is received and goes down the 补正 path ---
    const bare = await submit(app.app, {
      applicantKind: 'naturalPerson',
      name: '王五',
      phone: '13700000000',
      description: '文件',
    });
    assert.equal(bare.statusCode, 303);
    const bareCode = codeOf(bare.headers.location as string);
    const bareItem = (await api('GET', '/api/disclosure/requests?status=open'))
      .json()
      .items.find(
        (i: { incomplete: boolean; description: string }) =>
          i.incomplete && i.description === '文件',
      );
    const bareDetail = (await api('GET', `/api/disclosure/requests/${bareItem.id}`)).json();
    assert.equal(bareDetail.request.missing.length, 2);
    const caseId = bareDetail.case.id as string;
    const act = (action: string, on: string, data: Record<string, unknown> = {}) =>
      api('POST', `/api/cases/${caseId}/actions`, { action, on, data });
    assert.equal(
      (
        await act('supplementRequest', '2025-03-03', {
          items: '请提供姓名、身份证号码和所需信息的名称',
          supplementDueOn: '2025-03-17',
        })
      ).statusCode,
      200,
    );
    let page = await app.app.inject({ method: 'GET', url: `/xxgk/track/${bareCode}` });
    assert.match(page.body, /等待申请人补正/);
    assert.match(page.body, /请提供姓名、身份证号码和所需信息的名称/);
    assert.match(page.body, /提交补正/);
    // Answering while awaiting 补正 is refused.
    const early = await api('POST', `/api/disclosure/requests/${bareItem.id}/answer`, {
      on: '2025-03-03',
      outcome: 'disclose',
    });
    assert.equal(early.statusCode, 409);
    // The applicant corrects on 2025-03-10: the 20 WD restart from that day (→ 2025-04-08, 清明 4-4 to 4-6 skipped).
    app.clock.set('2025-03-10T02:00:00.000Z');
    const sup = await supplementBare(app.app, bareCode);
    assert.equal(sup.statusCode, 303);
    page = await app.app.inject({ method: 'GET', url: `/xxgk/track/${bareCode}` });
    assert.match(page.body, /办理中/);
    assert.match(page.body, /2025年4月8日/);
    assert.match(page.body, /重新起算/);
    assert.ok(!page.body.includes('王五'));
    // A week later: sessions have idled out (30 minutes), sign in again.
    staff = await signIn(app.app, 'xxgk', PW);
    legal = await signIn(app.app, 'fzsh', PW);
    const lead = await signIn(app.app, 'xxgk-lead', PW);
    // A second 补正 is refused (once, Art 30).
    assert.equal(
      (
        await act('supplementRequest', '2025-03-10', {
          items: '再补',
          supplementDueOn: '2025-03-20',
        })
      ).statusCode,
      409,
    );

    // --- pause and extension cap on the first request ---
    const c1 = detail.case.id as string;
    const act1 = (action: string, on: string, data: Record<string, unknown> = {}) =>
      api('POST', `/api/cases/${c1}/actions`, { action, on, data });
    assert.equal(
      (await act1('thirdPartyConsult', '2025-03-04', { thirdParty: '某公司' })).statusCode,
      200,
    );
    let d1 = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(d1.clocks.find((c: { clock: string }) => c.clock === 'answer').state, 'paused');
    assert.equal(
      (await act1('thirdPartyReplied', '2025-03-06', { opinion: 'consent' })).statusCode,
      200,
    );
    // The clerk asks, the leader consents in their own session (条例 Art 33 ¶2).
    assert.equal(
      (
        await api('POST', `/api/disclosure/requests/${id}/extension`, {
          on: '2025-03-07',
          workdays: 15,
          reason: '需要检索档案',
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await api(
          'POST',
          `/api/disclosure/requests/${id}/extension/decision`,
          { on: '2025-03-07', approve: true },
          lead,
        )
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await api('POST', `/api/disclosure/requests/${id}/extension`, {
          on: '2025-03-07',
          workdays: 10,
          reason: '再延长',
        })
      ).statusCode,
      200,
    );
    const over = await api(
      'POST',
      `/api/disclosure/requests/${id}/extension/decision`,
      { on: '2025-03-07', approve: true },
      lead,
    );
    assert.equal(over.statusCode, 409, 'extension beyond 20 WD refused');
    assert.equal(
      (
        await api(
          'POST',
          `/api/disclosure/requests/${id}/extension/decision`,
          { on: '2025-03-07', approve: false, opinion: '累计超过20个工作日' },
          lead,
        )
      ).statusCode,
      200,
    );
    d1 = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(d1.clocks.find((c: { clock: string }) => c.clock === 'answer').extended, 15);

    // --- the answer: exactly once ---
    assert.equal(
      (await act1('feeNotice', '2025-03-10', { amount: 1 })).statusCode,
      409,
      'the generic case page cannot send a fee notice',
    );
    const noReasons = await api('POST', `/api/disclosure/requests/${id}/answer`, {
      on: '2025-03-10',
      outcome: 'partial',
    });
    assert.equal(noReasons.statusCode, 409);
    const drafted = await api('POST', `/api/disclosure/requests/${id}/answer`, {
      on: '2025-03-10',
      outcome: 'partial',
      reasons: '其中涉及企业商业秘密的部分不予公开',
      delivery: 'email',
      replyLetterNo: '科依申〔2025〕1号',
    });
    assert.equal(drafted.statusCode, 200, drafted.body);
    assert.equal(drafted.json().case.status, 'open', 'the answer waits for 审签');
    const ok = await api(
      'POST',
      `/api/disclosure/requests/${id}/answer/decision`,
      { on: '2025-03-10', approve: true },
      lead,
    );
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().case.outcome, 'partial');
    assert.match(ok.json().answer.legalBasis, /第三十七条/);
    const again = await api('POST', `/api/disclosure/requests/${id}/answer`, {
      on: '2025-03-10',
      outcome: 'disclose',
    });
    assert.equal(again.statusCode, 409, 'answering a closed request is refused');
    assert.equal((await act1('withdraw', '2025-03-10')).statusCode, 409);
    page = await app.app.inject({ method: 'GET', url: `/xxgk/track/${code}` });
    assert.match(page.body, /已答复/);
    assert.match(page.body, /部分公开/);
  },
);

test('the portal request form is rate-limited per address (429 with a Chinese message)', async () => {
  const app = await createTestApp();
  try {
    const post = () =>
      app.app.inject({
        method: 'POST',
        url: '/xxgk/apply',
        remoteAddress: '203.0.113.7',
        payload: 'description=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    for (let i = 0; i < 10; i++)
      assert.notEqual((await post()).statusCode, 429, `request ${i + 1} is within the limit`);
    const over = await post();
    assert.equal(over.statusCode, 429);
    // A citizen gets a portal page, not JSON.
    assert.match(String(over.headers['content-type']), /text\/html/);
    assert.match(over.body, /请求过于频繁/);
    // Another address is not affected.
    const other = await app.app.inject({
      method: 'GET',
      url: '/xxgk/apply',
      remoteAddress: '203.0.113.8',
    });
    assert.equal(other.statusCode, 200);
  } finally {
    await app.close();
  }
});
