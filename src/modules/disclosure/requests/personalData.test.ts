// Applicants' personal data (个人信息保护法 Art 6 最小必要): in full for the request's handlers — the 科室 it is
// assigned to, the 办公室, the leaders — masked for every other staff account of the department, in the list,
// the page and the reply letter. Through the API, on both databases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from './masking.ts';

const PW = 'Disclosure-Test-Passw0rd!';
const PORTAL = {
  applicantKind: 'naturalPerson',
  name: '李四',
  idType: 'idCard',
  idNumber: '341602199001010011',
  phone: '13800000001',
  email: 'li4@example.cn',
  address: '示范市幸福区幸福路88号3单元',
  description: '2024年度科技创新券发放名单',
  form: 'electronic',
  delivery: 'email',
};
const DESK = {
  applicantKind: 'naturalPerson',
  name: '王小五',
  idType: 'idCard',
  idNumber: '110101198001010022',
  phone: '13700000000',
  address: '示范市科教路1号',
  description: '2024年度高新技术企业认定名单',
  channel: 'inPerson',
  receivedOn: '2025-03-03',
};

test('the masks: 「李*」, 「3416**********0011」, 「138****0001」, the e-mail’s domain, the address’s beginning', () => {
  assert.equal(maskName('李四'), '李*');
  assert.equal(maskName('某科技有限公司'), '某******');
  assert.equal(maskIdNumber('341602199001010011'), '3416**********0011');
  assert.equal(maskPhone('13800000001'), '138****0001');
  assert.equal(maskPhone('0558-5000001'), '055*****0001');
  assert.equal(maskEmail('li4@example.cn'), 'l***@example.cn');
  assert.equal(maskAddress('示范市幸福区幸福路88号3单元'), '示范市幸福区****');
});

test(
  '依申请公开 personal data: full for the assigned 科室, the 办公室 and leaders; masked for other 科室; the letter only for handlers',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp(); // 2025-03-03
    t.after(() => app.close());
    await addUser(app.ctx, {
      username: 'pd-office',
      password: PW,
      roles: ['staff'],
      orgName: '办公室',
    });
    await addUser(app.ctx, { username: 'pd-hightech', password: PW, roles: ['staff'] }); // 高新技术科
    await addUser(app.ctx, {
      username: 'pd-transfer',
      password: PW,
      roles: ['staff'],
      orgName: '成果转化与区域创新科',
    });
    await addUser(app.ctx, {
      username: 'pd-leader',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    });
    const [office, hightech, transfer, leader] = await Promise.all(
      ['pd-office', 'pd-hightech', 'pd-transfer', 'pd-leader'].map((u) => signIn(app.app, u, PW)),
    );
    const api = (who: typeof office, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      app.app.inject({ method, url, headers: who.headers, payload: payload as object });

    // A portal application: assigned to the department itself (the 办公室 handles it).
    const form = await app.app.inject({ method: 'GET', url: '/xxgk/apply' });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const cookie = `fazhi_pcsrf=${form.cookies.find((c) => c.name === 'fazhi_pcsrf')!.value}`;
    const sent = await app.app.inject({
      method: 'POST',
      url: '/xxgk/apply',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...PORTAL }).toString(),
    });
    assert.equal(sent.statusCode, 303);
    const code = /\/xxgk\/track\/([a-z2-7]{32})/.exec(sent.headers.location as string)![1];
    const portalId = (await api(office, 'GET', '/api/disclosure/requests'))
      .json()
      .items.find((i: { description: string }) => i.description === PORTAL.description)
      .id as string;
    // A request received at the 高新技术科's desk: assigned to that 科室.
    const desk = await api(hightech, 'POST', '/api/disclosure/requests', DESK);
    assert.equal(desk.statusCode, 200, desk.body);
    const deskId = desk.json().id as string;

    const full = async (who: typeof office, id: string, p: typeof PORTAL | typeof DESK) => {
      const r = (await api(who, 'GET', `/api/disclosure/requests/${id}`)).json().request;
      assert.equal(r.personalDataMasked, false);
      assert.deepEqual(
        [r.name, r.idNumber, r.phone, r.address],
        [p.name, p.idNumber, p.phone, p.address],
      );
      assert.equal(r.applicantKey, undefined, 'the normalised applicant key is nobody’s to read');
      const item = (await api(who, 'GET', '/api/disclosure/requests'))
        .json()
        .items.find((i: { id: string }) => i.id === id);
      assert.equal(item.applicant, p.name);
      return r;
    };
    const masked = async (who: typeof office, id: string, p: typeof PORTAL | typeof DESK) => {
      const res = await api(who, 'GET', `/api/disclosure/requests/${id}`);
      assert.equal(res.statusCode, 200, 'the request itself stays readable in the department');
      const r = res.json().request;
      assert.equal(r.personalDataMasked, true);
      assert.deepEqual(
        [r.name, r.idNumber, r.phone, r.address],
        [maskName(p.name), maskIdNumber(p.idNumber), maskPhone(p.phone), maskAddress(p.address)],
      );
      assert.equal(r.trackingCode, '');
      assert.equal(r.description, p.description, 'what is asked for is not personal data');
      for (const secret of [
        p.name,
        p.idNumber,
        p.phone,
        p.address,
        ...('email' in p ? [p.email] : []),
        code,
      ])
        assert.ok(!res.body.includes(secret), `no ${secret} in the page`);
      const list = await api(who, 'GET', '/api/disclosure/requests');
      assert.equal(
        list.json().items.find((i: { id: string }) => i.id === id).applicant,
        maskName(p.name),
      );
      assert.ok(!list.body.includes(p.idNumber) && !list.body.includes(p.phone));
    };

    // The portal request: the 办公室 and the leader see it in full; 高新技术科 and 成果转化科 masked.
    assert.equal((await full(office, portalId, PORTAL)).trackingCode, code);
    await full(leader, portalId, PORTAL);
    await masked(hightech, portalId, PORTAL);
    await masked(transfer, portalId, PORTAL);
    // The desk request: the assigned 高新技术科, the 办公室 and the leader in full; 成果转化科 masked.
    await full(hightech, deskId, DESK);
    await full(office, deskId, DESK);
    await full(leader, deskId, DESK);
    await masked(transfer, deskId, DESK);

    // Only the handlers act on a request: another 科室 reads it (masked) but may not answer it; nothing changes.
    const notHandler = await api(transfer, 'POST', `/api/disclosure/requests/${deskId}/answer`, {
      on: '2025-03-03',
      outcome: 'disclose',
    });
    assert.equal(notHandler.statusCode, 403);
    assert.match(notHandler.json().error.message, /只有承办科室/);
    // Nor through the generic case page: the request's own rule for acting applies there too.
    const deskCase = (await api(hightech, 'GET', '/api/disclosure/requests'))
      .json()
      .items.find((i: { id: string }) => i.id === deskId).caseId as string;
    const generic = await api(transfer, 'POST', `/api/cases/${deskCase}/actions`, {
      action: 'answer',
      on: '2025-03-03',
      data: { outcome: 'disclose' },
    });
    assert.equal(generic.statusCode, 403, generic.body);
    assert.equal((await api(hightech, 'GET', `/api/cases/${deskCase}`)).json().case.outcome, null);

    // The 答复书 is addressed to the applicant: handlers download it, others are refused.
    assert.equal(
      (
        await api(office, 'POST', `/api/disclosure/requests/${portalId}/answer`, {
          on: '2025-03-03',
          outcome: 'disclose',
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await api(leader, 'POST', `/api/disclosure/requests/${portalId}/answer/decision`, {
          on: '2025-03-03',
          approve: true,
        })
      ).statusCode,
      200,
      'signed off by the leader',
    );
    assert.equal(
      (await api(office, 'GET', `/api/disclosure/requests/${portalId}/reply-letter`)).statusCode,
      200,
    );
    const refused = await api(hightech, 'GET', `/api/disclosure/requests/${portalId}/reply-letter`);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().error.message, /申请人个人信息/);
    // The 送达 note may quote the address: handlers only.
    const note = `邮寄至${PORTAL.address}，李四本人签收`;
    assert.equal(
      (
        await api(office, 'POST', `/api/disclosure/requests/${portalId}/delivery`, {
          on: '2025-03-03',
          method: 'post',
          note,
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (await api(leader, 'GET', `/api/disclosure/requests/${portalId}`)).json().request
        .deliveryNote,
      note,
    );
    const other = await api(transfer, 'GET', `/api/disclosure/requests/${portalId}`);
    assert.equal(other.json().request.deliveryNote, null);
    assert.equal(other.json().request.deliveredOn, '2025-03-03');
    assert.ok(!other.body.includes(PORTAL.address) && !other.body.includes(PORTAL.name));
  },
);
