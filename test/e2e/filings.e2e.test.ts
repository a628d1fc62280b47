// Issue 13 items 5–7 in a real browser. A normative document is decided at a held 局长办公会 by
// choosing the meeting (no typed meeting name): the agenda row and the portal /hyyt show the result.
// It is published and filed: the status is 报备审查中, not 已备案; the 司法局 finds the review in its
// 我的待办, opens the filed document and its materials, returns it for 纠错; the 纠错 is in the
// department's 我的待办; the answer carries the corrected text as version 2; after 准予备案 the
// 司法局's opinion (not the department's answer) is shown, and the document is 已备案.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { users } from '../../src/core/auth/schema.ts';
import type { Actor } from '../../src/core/auth/actor.ts';
import type { Role } from '../../src/core/auth/roles.ts';
import { createDraft } from '../../src/modules/documents/service.ts';
import { act, assignNumber } from '../../src/modules/documents/workflow.ts';
import { publications } from '../../src/modules/disclosure/publications/schema.ts';
import {
  addTopic,
  createMeeting,
  meetingName,
  publishAgenda,
  recordHeld,
} from '../../src/modules/meetings/index.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const TITLE = '示范市科技成果登记办法';
const BODY = '第一条 为规范科技成果登记，制定本办法。\n第二条 本办法自发布之日起施行。';

test(
  'a document decided at its meeting, filed, corrected and accepted by the 司法局',
  { timeout: 420_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    const actor = async (username: string): Promise<Actor> => {
      const [u] = await server.ctx.db.select().from(users).where(eq(users.username, username));
      return {
        userId: u.id,
        username,
        displayName: u.displayName,
        orgId: u.orgId,
        orgName: '',
        departmentId: u.departmentId,
        roles: u.roles as Role[],
        mustChangePassword: false,
      };
    };
    try {
      await server.createUser({ username: 'e2e_ds', password: PW, roles: ['staff'] });
      await server.createUser({
        username: 'e2e_legal',
        password: PW,
        roles: ['legalOfficer'],
        orgName: '政策法规科',
      });
      await server.createUser({
        username: 'e2e_lead',
        password: PW,
        roles: ['leader'],
        orgName: '示范市科学技术局',
      });
      await server.createUser({
        username: 'e2e_over',
        password: PW,
        roles: ['oversight'],
        orgName: '示范市司法局',
      });
      const [staffA, legalA, leaderA] = [
        await actor('e2e_ds'),
        await actor('e2e_legal'),
        await actor('e2e_lead'),
      ];
      const { ctx } = server;
      const on = '2025-03-03';
      // Made up to the deliberation through the services (the browser flow of drafting is documents.e2e).
      const doc = await createDraft(ctx, staffA, {
        title: TITLE,
        docType: 'measures',
        trial: 'none',
        concernsMarket: false,
        touchesPublicInterest: true,
        draftingExplanation: '规范科技成果登记工作，起草本办法。',
        legalBases: '《中华人民共和国促进科技成果转化法》',
        bodyText: BODY,
      });
      await act(ctx, leaderA, doc.id, 'exemptComment', on, { reason: '依法需要保密' });
      await act(ctx, staffA, doc.id, 'submitLegalReview', on, { materials: '送审稿' });
      await act(ctx, legalA, doc.id, 'concludeLegalReview', on, {
        conclusion: 'lawful',
        opinion: '经审核，该文件合法。',
      });
      const meeting = await createMeeting(ctx, leaderA, { kind: 'directorsOffice', meetingOn: on });
      await addTopic(ctx, leaderA, meeting.id, {
        title: `审议《${TITLE}》`,
        subjectType: 'normativeDocument',
        subjectId: doc.id,
        isPublic: true,
        publicSummary: '规范科技成果登记',
      });
      await publishAgenda(ctx, leaderA, meeting.id);
      await recordHeld(ctx, leaderA, meeting.id, {
        attendees: '局长、副局长、各科室负责人',
        publicAttendees: [],
        minutes: '会议审议了科技成果登记办法，同意印发。',
      });
      const name = meetingName(meeting);
      const docUrl = `${base}/app/documents/${doc.id}`;

      // Item 7: the leader chooses the held meeting; no meeting name is typed again.
      const leader = await workbenchAt(browser, base, 'e2e_lead', PW, docUrl);
      await leader.getByRole('heading', { name: TITLE }).waitFor();
      await submitDialog(leader, '集体审议决定', async (d) => {
        assert.equal(await d.getByLabel('会议名称及期次').count(), 0, 'no free-text meeting name');
        await d.getByLabel('会议', { exact: true }).selectOption({ label: `${name}（${on}）` });
        await d.getByLabel('审议结果').selectOption({ label: '审议通过' });
      });
      await leader.getByText(name).first().waitFor();
      await leader.goto(`${base}/app/meetings/${meeting.id}`);
      await leader
        .getByRole('row', { name: new RegExp(`审议《${TITLE}》`) })
        .getByText('审议通过')
        .waitFor();
      const publicCtx = await newAxeContext(browser);
      const portal = await publicCtx.newPage();
      await portal.goto(`${base}/hyyt`);
      const topic = portal.getByRole('row', { name: new RegExp(`审议《${TITLE}》`) });
      assert.match((await topic.textContent()) ?? '', /审议通过/);
      assert.doesNotMatch((await topic.textContent()) ?? '', /待审议/);

      // Item 5: filed is not 已备案.
      await assignNumber(ctx, staffA, doc.id, {});
      // Issue 13 item 11: the 保密审查 (条例第十七条) is asked on the page, naming the reviewer's account; it waits in
      // that account's 我的待办; the reviewer passes it in their own session; only then may the document be published.
      const staff = await workbenchAt(browser, base, 'e2e_ds', PW, docUrl);
      await staff.getByRole('heading', { name: TITLE }).waitFor();
      await staff.getByText('公开发布：须经保密审查通过后方可公开').first().waitFor();
      await staff.getByLabel('保密审查人', { exact: true }).click();
      const offered = staff.locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      );
      assert.ok(
        !(await offered.allInnerTexts()).includes('e2e_ds'),
        'the drafter is not offered as their own reviewer',
      );
      await offered.filter({ hasText: 'e2e_legal' }).first().click();
      await staff.getByRole('button', { name: '提请保密审查' }).click();
      await staff.getByText('待保密审查').first().waitFor();
      await assertNoSeriousA11yViolations(staff, 'document: secrecy review asked');

      const reviewer = await workbenchLogin(browser, base, 'e2e_legal', PW);
      const todo = reviewer
        .getByRole('row', { name: new RegExp(TITLE) })
        .filter({ hasText: '保密审查' });
      await todo.waitFor();
      await todo.getByRole('link', { name: TITLE }).click();
      await reviewer.getByRole('link', { name: '打开行政规范性文件页面' }).click();
      await reviewer.getByRole('heading', { name: TITLE }).waitFor();
      await reviewer.getByRole('button', { name: '保密审查通过' }).click();
      const dialog = reviewer.getByRole('dialog');
      await dialog.getByLabel('审查意见').fill('不涉及国家秘密，可以公开');
      await dialog.getByRole('button', { name: '确认通过' }).click();
      await reviewer.getByText('保密审查通过').first().waitFor();
      await dialog.waitFor({ state: 'hidden' });

      await staff.reload();
      await submitDialog(staff, '公开发布', async (d) => {
        await d
          .getByLabel('政策解读')
          .fill('一、制定背景。二、主要内容：科技成果登记的范围和程序。');
      });
      await staff.getByText('行政规范性文件 · 已发布待备案').waitFor();
      const [pub] = await ctx.db
        .select({ review: publications.confidentialityReview })
        .from(publications)
        .where(eq(publications.sourceEntityId, doc.id));
      assert.equal((pub.review as { reviewerId: string }).reviewerId, legalA.userId);
      await submitDialog(staff, '报送备案');
      await staff.getByText('已报送待审查').waitFor();
      await staff.getByText('行政规范性文件 · 报备审查中').waitFor();
      assert.equal(await staff.getByText('行政规范性文件 · 已备案').count(), 0);

      // Item 6: the 司法局's 我的待办 lists the review with its clock; it opens the filing's materials and the document.
      const over = await workbenchLogin(browser, base, 'e2e_over', PW);
      const review = over.getByRole('row', { name: new RegExp(TITLE) });
      await review.getByText('备案审查').waitFor();
      await review.getByText('2025-03-24').waitFor();
      await assertNoSeriousA11yViolations(over, 'oversight worklist');
      await over.goto(`${base}/app/filings`);
      await over
        .getByRole('button', { name: /展开行/ })
        .first()
        .click();
      await over.getByText('合法性审核意见').waitFor();
      await over
        .getByText(/经审核，该文件合法。/)
        .first()
        .waitFor();
      await over.getByText('规范科技成果登记工作，起草本办法。').waitFor();
      await assertNoSeriousA11yViolations(over, 'filings with materials');
      await over.getByRole('link', { name: TITLE }).click();
      await over.getByRole('heading', { name: TITLE }).waitFor();
      await over.getByText('第一条 为规范科技成果登记，制定本办法。').first().waitFor();
      await submitDialog(over, '退回纠错', async (d) => {
        await d.getByLabel('纠错意见').fill('第二条应明确登记机关');
      });
      await over.getByText('纠错意见：第二条应明确登记机关').first().waitFor();

      // Item 5: the 纠错 is the department's step with its clock; the answer is a new version.
      await staff.goto(`${base}/app`);
      const correction = staff.getByRole('row', { name: new RegExp(TITLE) });
      await correction.getByText('纠错并报告纠错情况').waitFor();
      await correction.getByText('2025-04-02').waitFor();
      await staff.goto(docUrl);
      await submitDialog(staff, '答复纠错意见', async (d) => {
        await d.getByLabel('纠错情况').fill('已在第二条明确登记机关为市科学技术局');
        await d
          .getByLabel('纠正后的文本')
          .fill(
            '第一条 为规范科技成果登记，制定本办法。\n第二条 市科学技术局负责科技成果登记。\n第三条 本办法自发布之日起施行。',
          );
      });
      await staff.getByText('第2版').first().waitFor();
      await staff.getByText('第二条 市科学技术局负责科技成果登记。').first().waitFor();

      // Item 6: after 准予备案 the 审查意见 column shows the 司法局's opinion, not the department's answer.
      await over.goto(`${base}/app/filings`);
      await submitDialog(over, '准予备案', async (d) => {
        await d.getByLabel('审查意见').fill('经审查，准予备案。');
      });
      const row = over.getByRole('row', { name: new RegExp(TITLE) }).first();
      await row.getByText('经审查，准予备案。').waitFor();
      assert.doesNotMatch((await row.textContent()) ?? '', /已在第二条明确登记机关/);
      await staff.goto(docUrl);
      await staff.getByText('行政规范性文件 · 已备案').waitFor();
    } finally {
      await server.close();
    }
  },
);
