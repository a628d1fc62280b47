// 依申请公开 after the answer, through HTTP: released files, the 答复书, delivery, fees, table 三, facts and the annual report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { disclosureRequestFacts } from './facts.ts';
import { codeOf, PERSON, PW, submit, supplementBare } from './testkit.ts';

test(
  '依申请公开 answered: released files, 答复书, delivery, fees, table 三, facts, annual report',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp(); // 2025-03-03
    t.after(() => app.close());
    await addUser(app.ctx, { username: 'xxgk', password: PW, roles: ['staff'], orgName: '办公室' });
    await addUser(app.ctx, { username: 'fzsh', password: PW, roles: ['legalOfficer'] });
    const leadId = await addUser(app.ctx, {
      username: 'xxgk-lead',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    });
    let staff = await signIn(app.app, 'xxgk', PW);
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = staff) =>
      app.app.inject({ method, url, headers: who.headers, payload: payload as object });
    const ok = (res: { statusCode: number; body: string }) =>
      assert.equal(res.statusCode, 200, res.body);

    // Set-up (asserted in requests.test.ts): a complete request from the portal, and a bare one that is corrected.
    assert.equal((await submit(app.app, PERSON)).statusCode, 303);
    const open = async () =>
      (await api('GET', '/api/disclosure/requests?status=open')).json().items as {
        id: string;
        description: string;
        incomplete: boolean;
      }[];
    const id = (await open()).find((i) => i.description === PERSON.description)!.id;
    const bare = await submit(app.app, {
      applicantKind: 'naturalPerson',
      name: '王五',
      phone: '13700000000',
      description: '文件',
    });
    const bareCode = codeOf(bare.headers.location as string);
    const bareItem = (await open()).find((i) => i.incomplete && i.description === '文件')!;
    const bareCase = (await api('GET', `/api/disclosure/requests/${bareItem.id}`)).json().case.id;
    ok(
      await api('POST', `/api/cases/${bareCase}/actions`, {
        action: 'supplementRequest',
        on: '2025-03-03',
        data: { items: '请提供姓名、身份证号码和所需信息的名称', supplementDueOn: '2025-03-17' },
      }),
    );
    app.clock.set('2025-03-10T02:00:00.000Z');
    const sup = await supplementBare(app.app, bareCode);
    assert.equal(sup.statusCode, 303);
    staff = await signIn(app.app, 'xxgk', PW);
    const legal = await signIn(app.app, 'fzsh', PW);
    const lead = await signIn(app.app, 'xxgk-lead', PW);
    ok(
      await api('POST', `/api/disclosure/requests/${id}/answer`, {
        on: '2025-03-10',
        outcome: 'partial',
        reasons: '其中涉及企业商业秘密的部分不予公开',
        delivery: 'email',
        replyLetterNo: '科依申〔2025〕1号',
      }),
    );
    ok(
      await api(
        'POST',
        `/api/disclosure/requests/${id}/answer/decision`,
        { on: '2025-03-10', approve: true },
        lead,
      ),
    );

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
    // 条例第十七条: the 保密审查 is the named leader's own act (disclosure/secrecyReviewService.ts), then publication.
    const reportCase = sub.json().caseId as string;
    ok(await api('POST', `/api/cases/${reportCase}/secrecy-review`, { reviewerId: leadId }));
    ok(
      await api(
        'POST',
        `/api/cases/${reportCase}/secrecy-review/decision`,
        { approve: true },
        lead,
      ),
    );
    const pub = await api('POST', '/api/disclosure/reports/2025/publish', { on: '2025-03-10' });
    assert.equal(pub.statusCode, 200, pub.body);
    assert.ok(pub.json().indexNumber);
  },
);
