// 重大行政决策 through the staff API on a real database, before the decision: expert review (a conflict
// of interest refused), risk assessment, the legality review (≥ 7 working days, not concluded without a
// 法律顾问's or 公职律师's opinion, Art 28) and submission to a meeting only after a lawful finding.
// Each test drives its own decision to the stage it is about (./testkit.ts over server/testing.ts,
// which puts this file in the runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { decisionsTest, type DecisionsApp } from './testkit.ts';

/** 钱律师, a 法律顾问 in the registry with an account of their own (madv). */
const registerAdvisor = async ({ legal, advisorUserId, ok }: DecisionsApp): Promise<string> =>
  (
    await ok(legal, 'POST', '/api/legal-advisors', {
      kind: 'external',
      name: '钱律师',
      affiliation: '安徽示范律师事务所',
      licenceNumber: '13416201510777001',
      termStart: '2025-01-01',
      termEnd: '2025-12-31',
      userId: advisorUserId,
    })
  ).id;

decisionsTest(
  'experts: a conflict of interest is refused; risk assessment; the legality review leaves ≥ 7 working days',
  'base',
  async ({ staff, ok, refused, drive }) => {
    const id = await drive('participated');
    const expert = {
      name: '张教授',
      kind: 'expert',
      affiliation: '示范大学',
      field: '科技管理',
      declaration: '本人与决策事项无直接利害关系',
      declaredOn: '2025-04-03',
    };
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/act`,
      { action: 'addExpert', on: '2025-04-03', data: { ...expert, hasConflict: true } },
      409,
      /直接利害关系.*第二十条/,
    );
    await ok(staff, 'POST', `/api/decisions/${id}/act`, {
      action: 'addExpert',
      on: '2025-04-03',
      data: { ...expert, hasConflict: false },
    });
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/legal-review`,
      { materials: '草案', requestedBy: '2025-04-30' },
      409,
      /专家论证/,
    );
    await ok(staff, 'POST', `/api/decisions/${id}/act`, {
      action: 'expertOpinion',
      on: '2025-04-03',
      data: {
        method: 'meeting',
        heldOn: '2025-04-03',
        organiser: '高新技术科',
        experts: '张教授等5人',
        opinion: '方案可行',
        signedAndSealed: true,
      },
    });
    await ok(staff, 'POST', `/api/decisions/${id}/act`, {
      action: 'expertAdoption',
      on: '2025-04-03',
      data: { adoptionSummary: '全部采纳' },
    });
    await ok(staff, 'POST', `/api/decisions/${id}/act`, {
      action: 'riskAssessment',
      on: '2025-04-03',
      data: {
        assessor: '示范市社会稳定风险评估中心',
        thirdParty: true,
        departmentsHeard: '已听取财政局意见',
        riskPoints: '资金兑付风险',
        countermeasures: '分批兑付',
        contingencyPlan: '暂停发放预案',
        riskLevel: 'low',
        controllable: 'controllable',
      },
    });
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/meeting`,
      { meetingId: '00000000-0000-4000-8000-000000000000' },
      404,
      /会议不存在/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/legal-review`,
      { materials: '草案、依据及程序说明', requestedBy: '2025-04-14' },
      409,
      /不少于7个工作日/,
    );
    const v = await ok(staff, 'POST', `/api/decisions/${id}/legal-review`, {
      materials: '草案、依据及程序说明',
      requestedBy: '2025-04-15',
    });
    assert.equal(v.legalReviews.length, 1);
    assert.equal(v.legalReviews[0].dueOn, '2025-04-15', '清明 (4月4日) is not a working day');
  },
);

decisionsTest(
  'the legality review is not concluded without a 法律顾问 or 公职律师 opinion (Art 28): refused, nothing changed, the reason on the decision page',
  'base',
  async (k) => {
    const { staff, legal, advisor, legalId, ok, refused, call } = k;
    const id = await k.drive('underReview');
    const {
      legalReviews: [matter],
    } = await ok(staff, 'GET', `/api/decisions/${id}`);
    const conclude = { conclusion: 'lawful', opinion: '决策草案合法' };
    await refused(
      legal,
      'POST',
      `/api/reviews/${matter.id}/conclude`,
      conclude,
      409,
      /应当组织法律顾问、公职律师提出法律意见.*（条例第二十八条）/,
    );
    const page = await ok(legal, 'GET', `/api/decisions/${id}`);
    const blocked = page.procedure.blocked.find(
      (b: { action: string }) => b.action === 'concludeLegalReview',
    );
    assert.match(
      blocked.reason,
      /法律顾问、公职律师.*第二十八条/,
      'the decision page says why the review cannot be concluded',
    );
    // The legal office's own opinion is a 法审意见 but not a 法律顾问's.
    await ok(legal, 'POST', `/api/reviews/${matter.id}/assign`, { userIds: [legalId] });
    await ok(legal, 'POST', `/api/reviews/${matter.id}/opinions`, {
      body: '请核查兑付条件是否设定了行政许可',
    });
    await refused(legal, 'POST', `/api/reviews/${matter.id}/conclude`, conclude, 409, /第二十八条/);
    // A 法律顾问 from the registry, with an account, gives an opinion: the decision records it for the legal office.
    const advisorId = await registerAdvisor(k);
    await ok(legal, 'POST', `/api/reviews/${matter.id}/assign`, { advisorIds: [advisorId] });
    const before = (await ok(legal, 'GET', `/api/decisions/${id}`)).procedure.events.length;
    await ok(advisor, 'POST', `/api/reviews/${matter.id}/opinions`, {
      body: '创新券兑付条件中的资格认定具有行政许可性质',
    });
    const after = await ok(legal, 'GET', `/api/decisions/${id}`);
    assert.equal(after.procedure.events.length, before + 1);
    const noted = after.procedure.events.at(-1);
    assert.equal(noted.type, 'advisorOpinion');
    assert.equal(noted.data.advisor, '钱律师（法律顾问）');
    assert.equal(noted.data.matterId, matter.id);
    assert.ok(
      !after.procedure.blocked.some((b: { action: string }) => b.action === 'concludeLegalReview'),
    );
    assert.equal(
      (await call(advisor, 'GET', `/api/decisions/${id}`)).statusCode,
      404,
      'the advisor still does not see the decision',
    );
  },
);

decisionsTest(
  'discussion: refused during the review and after an unlawful finding; allowed after a lawful one',
  'base',
  async (k) => {
    const { staff, legal, advisor, ok, refused, day } = k;
    // Under review, the first matter has a registered 法律顾问's opinion (Art 28): it can be concluded.
    const id = await k.drive('underReview');
    const advisorId = await registerAdvisor(k);
    const [matter] = (await ok(staff, 'GET', `/api/decisions/${id}`)).legalReviews;
    await ok(legal, 'POST', `/api/reviews/${matter.id}/assign`, { advisorIds: [advisorId] });
    await ok(advisor, 'POST', `/api/reviews/${matter.id}/opinions`, {
      body: '创新券兑付条件中的资格认定具有行政许可性质',
    });
    const m = await ok(staff, 'POST', '/api/meetings', {
      kind: 'directorsOffice',
      meetingOn: '2025-04-18',
      location: '局第一会议室',
      chair: '局长',
    });
    const meetingId = m.meeting.id;
    assert.match(m.meeting.name, /^2025年第\d+次局长办公会$/);
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/meeting`,
      { meetingId },
      409,
      /未经合法性审查|合法性审查尚未完成/,
    );
    let v = await ok(staff, 'GET', `/api/decisions/${id}`);
    await day('2025-04-10');
    await ok(legal, 'POST', `/api/reviews/${v.legalReviews[0].id}/conclude`, {
      conclusion: 'unlawful',
      opinion: '创新券兑付条件增设了行政许可',
    });
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/meeting`,
      { meetingId },
      409,
      /不合法，不得提交决策机关讨论/,
    );
    await ok(staff, 'POST', `/api/decisions/${id}/draft`, {
      draftText: '一、目标\n二、创新券的发放对象和额度（删除许可条件）\n三、兑付程序',
      legalSort: '同上',
      revisionNote: '根据合法性审查意见修改',
    });
    await ok(staff, 'POST', `/api/decisions/${id}/legal-review`, {
      materials: '修改稿',
      requestedBy: '2025-04-21',
    });
    v = await ok(staff, 'GET', `/api/decisions/${id}`);
    await refused(
      legal,
      'POST',
      `/api/reviews/${v.legalReviews[1].id}/conclude`,
      { conclusion: 'lawful', opinion: '修改后的草案合法' },
      409,
      /第二十八条/,
    );
    await ok(legal, 'POST', `/api/reviews/${v.legalReviews[1].id}/assign`, {
      advisorIds: [advisorId],
    });
    await ok(advisor, 'POST', `/api/reviews/${v.legalReviews[1].id}/opinions`, {
      body: '修改后的草案已删除许可条件，未发现合法性问题',
    });
    await ok(legal, 'POST', `/api/reviews/${v.legalReviews[1].id}/conclude`, {
      conclusion: 'lawful',
      opinion: '修改后的草案合法',
    });
    v = await ok(staff, 'POST', `/api/decisions/${id}/meeting`, {
      meetingId,
      isPublic: true,
      publicSummary: '研究创新券实施方案',
    });
    // Issue 13 item 9: the draft before the meeting is not put out for comment again.
    assert.equal(v.abilities.openComment, false);
    assert.match(
      v.procedure.blocked.find((b: { action: string }) => b.action === 'openComment').reason,
      /已提请集体讨论/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/comment/open`,
      { startOn: '2025-04-18', endOn: '2025-05-19' },
      409,
      /已提请集体讨论/,
    );
    assert.ok(
      v.materials.every((m: { required: boolean; present: boolean }) => !m.required || m.present),
      'Art 29 materials complete',
    );
    assert.equal(v.agenda[0].materials.length, 5);
  },
);
