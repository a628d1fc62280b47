// 依申请公开 end to end through HTTP (portal + staff API) on a real database (PGlite, or PostgreSQL with FAZHI_TEST_DB=postgres).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { addUser, createTestApp, orgIdByName, signIn } from '../../../server/testing.ts';
import { and, eq } from 'drizzle-orm';
import { disclosureRequestFacts } from './facts.ts';
import { caseSteps } from '../../../core/cases/schema.ts';
import { runSweep } from '../../../core/cases/sweep.ts';
import { sweepTasks } from '../../../server/modules.ts';

type App = Awaited<ReturnType<typeof createTestApp>>;
const PW = 'Disclosure-Test-Passw0rd!';

async function portalSession(app: App['app']) {
  const res = await app.inject({ method: 'GET', url: '/xxgk/apply' });
  assert.equal(res.statusCode, 200);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1];
  const cookie = `fazhi_pcsrf=${res.cookies.find((c) => c.name === 'fazhi_pcsrf')!.value}`;
  return { token, cookie };
}

async function submit(app: App['app'], fields: Record<string, string>) {
  const s = await portalSession(app);
  return app.inject({
    method: 'POST',
    url: '/xxgk/apply',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: s.token, ...fields }).toString(),
  });
}

const codeOf = (location: string) => /\/xxgk\/track\/([a-z2-7]{32})/.exec(location)![1];

const PERSON = {
  applicantKind: 'naturalPerson',
  name: '李四<script>alert(1)</script>',
  idType: 'idCard',
  idNumber: '110101199003070011',
  phone: '13912345678',
  description: '2024年度科技创新券发放名单',
  form: 'electronic',
  delivery: 'email',
  email: 'li4@example.cn',
};

test(
  '依申请公开: intake, duplicates, 补正 restart, pause, extension cap, answer, scope, letter, report',
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
    const staffDept = await orgIdByName(app.ctx, '示范市科学技术局');
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
    const s = await portalSession(app.app);
    const sup = await app.app.inject({
      method: 'POST',
      url: `/xxgk/track/${bareCode}/supplement`,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: s.token,
        name: '王五',
        idNumber: '110101198001010022',
        phone: '13700000000',
        description: '2024年科技项目验收结果',
      }).toString(),
    });
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

    // --- released files: uploaded through core/files, linked to the request ---
    const boundary = '----xxgk';
    const upload = await app.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...staff.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 released\r\n--${boundary}--\r\n`,
      ),
    });
    assert.equal(upload.statusCode, 200, upload.body);
    const fileId = upload.json().id as string;
    assert.equal(
      (
        await api('POST', `/api/disclosure/requests/${id}/files`, {
          fileIds: ['00000000-0000-4000-8000-000000000000'],
        })
      ).statusCode,
      400,
    );
    const attached = await api('POST', `/api/disclosure/requests/${id}/files`, {
      fileIds: [fileId],
    });
    assert.equal(attached.statusCode, 200, attached.body);
    assert.deepEqual(
      attached.json().files.map((f: { name: string }) => f.name),
      ['list.pdf'],
    );

    // --- the 答复书 ---
    const letter = await api('GET', `/api/disclosure/requests/${id}/reply-letter`);
    assert.equal(letter.statusCode, 200);
    assert.match(String(letter.headers['content-disposition']), /filename\*=UTF-8''/);
    const text = (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
    for (const s of [
      '政府信息公开申请答复书',
      '科依申〔2025〕1号',
      '2025年3月3日收到',
      PERSON.description,
      '向您提供可以公开的部分',
      '第三十七条',
      '应当先自收到本答复书之日起六十日内向示范市人民政府申请行政复议',
      '不能直接向人民法院提起行政诉讼',
      '示范市人民政府',
      '示范市科学技术局',
      '随本答复书提供政府信息1份',
    ])
      assert.ok(text.includes(s), s);
    assert.ok(
      !text.includes('六个月内'),
      'a partial refusal offers no direct lawsuit (行政复议法 Art 23)',
    );
    assert.ok(
      text.includes(
        `收到您通过互联网渠道提交的政府信息公开申请，申请获取“${PERSON.description}”。`,
      ),
      'the channel reads as a phrase (not 「以互联网渠道方式提出」)',
    );

    const dl = await api('POST', `/api/disclosure/requests/${id}/delivery`, {
      on: '2025-03-10',
      method: 'email',
      note: '已发送至申请人邮箱',
    });
    assert.equal(dl.statusCode, 200, dl.body);
    assert.equal(dl.json().request.deliveredOn, '2025-03-10');
    assert.equal(
      (
        await api('POST', `/api/disclosure/requests/${id}/delivery`, {
          on: '2025-03-10',
          method: 'email',
        })
      ).statusCode,
      409,
      'delivery is recorded once',
    );
    assert.equal(
      (await api('POST', `/api/disclosure/requests/${id}/files`, { fileIds: [fileId] })).statusCode,
      409,
      'no files after delivery',
    );
    assert.equal(
      (
        await api('POST', `/api/disclosure/requests/${bareItem.id}/delivery`, {
          on: '2025-03-10',
          method: 'email',
        })
      ).statusCode,
      409,
      'not answered yet',
    );

    // --- fees: the applicant's first request this month is free ---
    const fee = await api('GET', `/api/disclosure/requests/${bareItem.id}/fee?method=perRequest`);
    assert.equal(fee.json().amount, 0);
    assert.equal(
      (
        await api('GET', `/api/disclosure/requests/${bareItem.id}/fee?method=perPage&pages=45`)
      ).json().amount,
      150,
    );
    const freeNotice = await api('POST', `/api/disclosure/requests/${bareItem.id}/fee-notice`, {
      on: '2025-03-10',
      method: 'perRequest',
    });
    assert.equal(freeNotice.statusCode, 409);
    const notice = await api('POST', `/api/disclosure/requests/${bareItem.id}/fee-notice`, {
      on: '2025-03-10',
      method: 'perPage',
      pages: 45,
      deliveredOn: '2025-03-10',
    });
    assert.equal(notice.statusCode, 200, notice.body);
    assert.equal(notice.json().quote.amount, 150);

    // --- the annual table counts the partial disclosure under （二）, 自然人 ---
    const report = (await api('GET', '/api/disclosure/reports/2025')).json();
    const row = (k: string) =>
      report.tables.table3.find((r: { key: string }) => r.key === k).cells as number[];
    assert.equal(row('partial')[0], 1);
    assert.equal(row('partial')[6], 1);
    assert.equal(row('received')[6], 6, '4 demo requests + 2 portal requests');
    assert.deepEqual(report.violations, []);
    const cell = (
      await api('GET', '/api/disclosure/reports/2025/cell?row=partial&col=naturalPerson')
    ).json();
    assert.deepEqual(
      cell.map((c: { id: string }) => c.id),
      [id],
    );
    assert.equal(
      (
        await api(
          'GET',
          '/api/disclosure/reports/2025/cell?row=partial&col=naturalPerson',
          undefined,
          legal,
        )
      ).statusCode,
      403,
    );

    // --- facts for the 法治政府建设年度报告 ---
    const factsRes = await api('GET', '/api/disclosure/facts?year=2025');
    assert.equal(factsRes.statusCode, 200, factsRes.body);
    const facts = factsRes.json().facts as Awaited<ReturnType<typeof disclosureRequestFacts>>;
    const fact = (k: string) => facts.find((f) => f.key === k)!;
    assert.ok(
      facts.some((f) => f.key.startsWith('disclosure.publications')),
      'publication facts come with the request facts',
    );
    assert.equal((await api('GET', '/api/disclosure/facts?year=20x5')).statusCode, 400);
    assert.equal(fact('disclosure.requests.received').value, 6);
    // One answered on time; the demo requests received 22 and 18 working days before 2025-03-03 are overdue and
    // unanswered by 2025-03-10, and count as late (requests/facts.ts): 1 of 3.
    assert.equal(fact('disclosure.requests.overdue').value, 2);
    assert.equal(fact('disclosure.requests.answeredOnTime').value, 33.3);
    assert.equal(
      fact('disclosure.requests.answeredOnTime').sentence,
      '本年度作出答复1件，在法定期限内答复；截至2025年3月10日另有2件已超过答复期限尚未答复，按期答复率33.3%。',
    );
    assert.equal(fact('disclosure.requests.outcome.partial').value, 100);

    // --- report: drafts, 勾稽, submission freezes, .docx ---
    const put = await api('PUT', '/api/disclosure/reports/2025', {
      prose: {
        overview: '本年度主动公开政府信息120条。',
        problems: '公开平台有待完善。',
        other: '',
      },
      manual: { table2: { licensing: [12] } },
    });
    assert.equal(put.statusCode, 200, put.body);
    // Table 四 is counted from the litigation module's cases (none in the small demo), never typed in.
    assert.deepEqual(put.json().tables.table4, Array(15).fill(0));
    assert.equal(put.json().violations.length, 0);
    // Table 二: 行政规范性文件 is counted from the documents module (and not typed in); 行政许可 is 人工录入.
    const t2 = put.json().tables.table2 as { key: string; source: string; values: number[] }[];
    assert.equal(t2.find((r) => r.key === 'normativeDocuments')!.source, 'module');
    assert.equal(t2.find((r) => r.key === 'normativeDocuments')!.values.length, 3);
    assert.deepEqual(
      t2.find((r) => r.key === 'licensing'),
      { ...t2.find((r) => r.key === 'licensing')!, source: 'manual', values: [12] },
    );
    const sub = await api('POST', '/api/disclosure/reports/2025/submit', {
      on: '2025-03-10',
      submittedTo: '示范市人民政府办公室',
    });
    assert.equal(sub.statusCode, 200, sub.body);
    assert.equal(sub.json().frozen, true);
    assert.equal(
      (
        await api('PUT', '/api/disclosure/reports/2025', {
          prose: { overview: 'x', problems: '', other: '' },
        })
      ).statusCode,
      409,
    );
    const docx = await api('GET', '/api/disclosure/reports/2025/docx');
    const body = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const s of [
      '示范市科学技术局2025年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度主动公开政府信息120条。',
      '三、收到和处理政府信息公开申请情况',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '四、结转下年度继续办理',
      '六、其他需要报告的事项',
    ])
      assert.ok(body.includes(s), s);
    const pub = await api('POST', '/api/disclosure/reports/2025/publish', {
      on: '2025-03-10',
      reviewer: '张主任',
    });
    assert.equal(pub.statusCode, 200, pub.body);
    assert.ok(pub.json().indexNumber);
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

test(
  'fees over HTTP: the notice pauses the clock, the window lapses, 逾期未缴费 closes as 其他处理-2 in its table 三 cell; extension needs an approver',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp(); // 2025-03-03
    t.after(() => app.close());
    await addUser(app.ctx, {
      username: 'xxgk-fee',
      password: PW,
      roles: ['staff'],
      orgName: '办公室',
    });
    let staff = await signIn(app.app, 'xxgk-fee', PW);
    const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      app.app.inject({ method, url, headers: staff.headers, payload: payload as object });
    const letter = {
      applicantKind: 'legalPerson',
      orgType: 'research',
      name: '示范市材料研究所',
      creditCode: '12341600MB1234567X',
      address: '示范市科教路1号',
      description: '2024年度科研项目经费拨付明细',
      channel: 'registeredPost',
      signedOn: '2025-03-03',
    };
    const intake = await api('POST', '/api/disclosure/requests', letter);
    assert.equal(intake.statusCode, 200, intake.body);
    const { id, caseId } = intake.json();
    const again = await api('POST', '/api/disclosure/requests', letter);
    assert.equal(
      again.json().duplicate,
      true,
      'the same letter entered twice within minutes is one request',
    );
    assert.equal(again.json().id, id);

    const noApprover = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'extend',
      on: '2025-03-03',
      data: { workdays: 10, approver: '张主任' },
    });
    assert.equal(noApprover.statusCode, 409);
    assert.match(noApprover.json().error.message, /没有待审批的延长答复期限申请|所属业务页面/);

    // 150 yuan for 45 pages; the applicant receives the notice on 3-04 and has until 4-01 (20 WD) to pay.
    const notice = await api('POST', `/api/disclosure/requests/${id}/fee-notice`, {
      on: '2025-03-03',
      method: 'perPage',
      pages: 45,
      deliveredOn: '2025-03-04',
    });
    assert.equal(notice.statusCode, 200, notice.body);
    const clock = (d: { clocks: { clock: string }[] }, c: string) =>
      d.clocks.find((x) => x.clock === c) as { state: string; due?: string } | undefined;
    let d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(clock(d, 'answer')!.state, 'paused');
    assert.equal(clock(d, 'feePayment')!.due, '2025-04-01');
    const code = d.request.trackingCode as string;
    const page = await app.app.inject({ url: `/xxgk/track/${code}` });
    assert.match(page.body, /等待申请人缴纳信息处理费/);
    assert.match(page.body, /2025年4月1日/);

    const answerStep = async () =>
      (
        await app.ctx.db
          .select()
          .from(caseSteps)
          .where(
            and(
              eq(caseSteps.caseId, caseId),
              eq(caseSteps.step, 'answer'),
              eq(caseSteps.status, 'open'),
            ),
          )
      )[0];
    assert.equal((await answerStep()).dueDate, null, 'paused: no due date in 我的待办');

    app.clock.set('2025-04-02T02:00:00.000Z');
    // The sweep resumes the answer step once the payment window has lapsed (no act is recorded then).
    const swept = await runSweep(app.ctx, sweepTasks);
    assert.equal(swept.results.disclosurePausesLapsed, 1);
    assert.ok(
      (await answerStep()).dueDate! > '2025-04-02',
      'the answer step carries its due date again',
    );
    assert.equal(
      (await runSweep(app.ctx, sweepTasks)).results.disclosurePausesLapsed,
      0,
      'idempotent',
    );
    staff = await signIn(app.app, 'xxgk-fee', PW);
    d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(clock(d, 'answer')!.state, 'running', 'the pause ended with the payment window');
    const late = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'feePaid',
      on: '2025-04-02',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().error.message, /视为放弃申请/);
    const unpaid = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'feeUnpaid',
      on: '2025-04-02',
    });
    assert.equal(unpaid.statusCode, 200, unpaid.body);
    d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(d.case.outcome, 'other2');
    assert.match((await app.app.inject({ url: `/xxgk/track/${code}` })).body, /已办结/);
    const answer = await api('POST', `/api/disclosure/requests/${id}/answer`, {
      on: '2025-04-02',
      outcome: 'disclose',
    });
    assert.equal(answer.statusCode, 409, 'a closed request cannot be answered');

    const report = (await api('GET', '/api/disclosure/reports/2025')).json();
    const row = report.tables.table3.find((r: { key: string }) => r.key === 'other2')
      .cells as number[];
    assert.deepEqual(row, [0, 0, 1, 0, 0, 0, 1], '其他处理-2 × 科研机构');
    assert.deepEqual(report.violations, []);
    const cell = (
      await api('GET', '/api/disclosure/reports/2025/cell?row=other2&col=research')
    ).json();
    assert.deepEqual(
      cell.map((c: { id: string }) => c.id),
      [id],
    );
  },
);
