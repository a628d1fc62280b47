// 重大行政决策 through the staff API on a real database, its beginning: the catalogue (approved by the
// Party committee, frozen, adjusted), the start inside or outside it, and public participation (the bad
// inputs of issue 5 each refused in Chinese with nothing changed).
// Each test starts from its own app (./testkit.ts over server/testing.ts, which puts this file in
// the runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../core/db/client.ts';
import { submitComment } from '../../consultation/index.ts';
import { decisionsTest, START } from './testkit.ts';

decisionsTest(
  'catalogue: approved by the Party committee before publication, frozen after approval, adjusted by a published adjustment',
  'demo',
  async ({ t, staff, ok, refused, secrecyReviewPassed }) => {
    // The demo published 2025's catalogue; the bureau drafts 2026's.
    await refused(staff, 'POST', '/api/decision-catalogues', { year: 2025 }, 409, /已经存在/);
    let r = await ok(staff, 'POST', '/api/decision-catalogues', { year: 2026 });
    const catId = r.items.find((c: { year: number }) => c.year === 2026).id;
    r = await ok(staff, 'POST', `/api/decision-catalogues/${catId}/items`, {
      title: '示范市科技创新券实施方案',
      undertakingUnit: '高新技术科',
      basis: '科学技术进步法',
      plannedTime: '2026年第二季度',
    });
    await refused(
      staff,
      'POST',
      `/api/decision-catalogues/${catId}/publish`,
      {},
      409,
      /经同级党委同意后向社会公布/,
    );
    await ok(staff, 'POST', `/api/decision-catalogues/${catId}/approve`, {
      approvedOn: '2025-03-03',
      approvedBy: '中共示范市委',
      approvalRef: '市委常委会2025年第3次会议',
    });
    await refused(
      staff,
      'POST',
      `/api/decision-catalogues/${catId}/items`,
      { title: '新增事项名称', undertakingUnit: '办公室' },
      409,
      /不能直接修改/,
    );
    const { caseId } = r.items.find((c: { id: string }) => c.id === catId);
    await secrecyReviewPassed(caseId);
    r = await ok(staff, 'POST', `/api/decision-catalogues/${catId}/publish`, {});
    assert.equal(r.items.find((c: { id: string }) => c.id === catId).status, 'published');
    r = await ok(staff, 'GET', '/api/decision-catalogues?year=2026');
    await ok(staff, 'POST', `/api/decision-catalogues/${catId}/adjustments`, {
      reason: '根据市政府工作部署增加事项',
      approvedOn: '2025-03-03',
      approvedBy: '中共示范市委',
      add: [{ title: '示范市科技成果转化奖励办法', undertakingUnit: '成果转化与区域创新科' }],
    });
    await secrecyReviewPassed(caseId);
    await ok(staff, 'POST', `/api/decision-catalogues/${catId}/adjustments/publish`, {});
    r = await ok(staff, 'GET', '/api/decision-catalogues?year=2026');
    assert.equal(r.items[0].adjustments.length, 1);
    assert.equal(r.items[0].items.length, 2);
    const [{ n }] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from publications where source_module = 'decisions' and source_entity_id = ${catId}`,
    );
    assert.equal(n, 2, 'the catalogue and its adjustment are published');
  },
);

decisionsTest(
  'start: outside the catalogue only with a reason; advisors and the oversight body do not see decisions',
  'demo',
  async ({ staff, advisor, oversight, ok, refused, call }) => {
    // The demo published 2025's catalogue: the decision starts from one of its items.
    const itemId = (await ok(staff, 'GET', '/api/decision-catalogues?year=2025')).items[0].items[0]
      .id;
    await refused(
      staff,
      'POST',
      '/api/decisions',
      { ...START, title: '目录外的临时决策事项' },
      409,
      /目录外启动的理由/,
    );
    const outside = await ok(staff, 'POST', '/api/decisions', {
      ...START,
      title: '目录外的临时决策事项',
      outsideCatalogueReason: '上级部署的紧急事项',
      technical: false,
      riskRelevant: false,
      partyReportRequired: false,
    });
    assert.equal(outside.decision.catalogueItemId, null);
    const v = await ok(staff, 'POST', '/api/decisions', { ...START, catalogueItemId: itemId });
    const id = v.decision.id;
    assert.equal(v.decision.catalogueItemTitle, '示范市科技创新券实施方案');
    assert.equal(v.flow.find((n: { code: string }) => n.code === 'draftPlan').state, 'current');
    assert.equal((await call(advisor, 'GET', `/api/decisions/${id}`)).statusCode, 404);
    assert.equal((await call(oversight, 'GET', `/api/decisions/${id}`)).statusCode, 404);
    assert.equal((await call(advisor, 'GET', '/api/decisions')).statusCode, 403);
  },
);

decisionsTest(
  'public participation: skipping it, a window under 30 days without a reason, and closing early are refused',
  'base',
  async ({ t, staff, ok, refused, day }) => {
    const { decision } = await ok(staff, 'POST', '/api/decisions', {
      ...START,
      outsideCatalogueReason: '年度目录公布后新增的事项',
    });
    const id = decision.id;
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/comment/open`,
      { startOn: '2025-03-03', endOn: '2025-04-02' },
      409,
      /尚未拟订决策草案/,
    );
    await ok(staff, 'POST', `/api/decisions/${id}/draft`, {
      draftText: '一、目标\n二、创新券的发放对象和额度\n三、兑付程序',
      legalSort: '科学技术进步法、市科技计划管理办法',
    });
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/legal-review`,
      { materials: '草案', requestedBy: '2025-03-20' },
      409,
      /尚未完成公众参与/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/comment/open`,
      { startOn: '2025-03-03', endOn: '2025-04-01' },
      409,
      /不少于30日.*第十五条/,
    );
    const v = await ok(staff, 'POST', `/api/decisions/${id}/comment/open`, {
      startOn: '2025-03-03',
      endOn: '2025-04-02',
    });
    // Issue 13 item 9: while the public is commenting, 公众参与 is in progress (due at the period's end), never 已完成.
    const participation = v.procedure.steps.filter(
      (s: { stepCode: string }) => s.stepCode === 'participation',
    );
    assert.deepEqual(
      participation.map((s: { status: string; dueDate: string }) => [s.status, s.dueDate]),
      [['open', '2025-04-02']],
    );
    assert.equal(v.flow.find((n: { code: string }) => n.code === 'participation').state, 'current');
    await submitComment(t.ctx, v.consultation.id, {
      body: '建议将创新券额度提高到每家企业30万元',
      authorName: '某科技公司',
    });
    await submitComment(t.ctx, v.consultation.id, { body: '建议简化兑付程序' });
    await refused(staff, 'POST', `/api/decisions/${id}/comment/close`, {}, 409, /届满前不能结束/);
    await day('2025-04-03');
    const closed = await ok(staff, 'POST', `/api/decisions/${id}/comment/close`, {});
    const [c1, c2] = closed.consultation.comments;
    // Issue 13 item 16: the engine says before the click why the summary cannot be made yet.
    assert.equal(closed.abilities.summarizeParticipation, false);
    assert.match(
      closed.procedure.blocked.find(
        (b: { action: string }) => b.action === 'summarizeParticipation',
      ).reason,
      /逐条处理.*第十八条/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/participation`,
      { adoptionSummary: '已研究' },
      409,
      /逐条处理/,
    );
    await ok(staff, 'POST', `/api/decisions/${id}/comments/${c1.id}/disposition`, {
      disposition: 'partlyAdopted',
      reason: '额度上限调整为20万元',
    });
    await ok(staff, 'POST', `/api/decisions/${id}/comments/${c2.id}/disposition`, {
      disposition: 'adopted',
    });
    const fed = await ok(staff, 'POST', `/api/decisions/${id}/comment/feedback`, {});
    assert.equal(fed.abilities.summarizeParticipation, true);
    assert.equal(fed.abilities.publishFeedback, false, 'published once');
    const done = await ok(staff, 'POST', `/api/decisions/${id}/participation`, {
      adoptionSummary: '采纳1条，部分采纳1条',
    });
    assert.deepEqual(
      done.procedure.steps
        .filter((s: { stepCode: string }) => s.stepCode === 'participation')
        .map((s: { status: string }) => s.status),
      ['done'],
    );
    const summary = done.procedure.events.find(
      (e: { type: string }) => e.type === 'summarizeParticipation',
    );
    assert.equal(summary.data.methods, '向社会公开征求意见');
    assert.equal(summary.data.adoptedCount, 2);
  },
);
