/**
 * Test support for normative documents: the department's accounts (staff of two divisions, the legal
 * office, a leader, the 司法局, the 办公室), a draft, and a collective decision as users take it — a 局长办公会 on `on` with the document on its
 * agenda, its record entered, and the result recorded against that agenda item.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { queryRows } from '../core/db/client.ts';
import type { testApi } from './testApi.ts';
import { addUser, signIn, type createTestApp } from './testing.ts';

export const DOCUMENT_DRAFT = {
  title: '示范市科技创新券管理办法',
  docType: 'measures',
  trial: 'none',
  concernsMarket: false,
  touchesPublicInterest: true,
  draftingExplanation: '为落实习近平总书记关于科技创新的重要论述，规范创新券管理。',
  legalBases: '《中华人民共和国科学技术进步法》',
  bodyText:
    '第一条 为落实习近平总书记关于科技创新的重要论述，制定本办法。\n第二条 创新券用于购买科技服务。\n第三条 本办法自发布之日起施行。',
  keywords: '创新券',
};

/** The accounts of a document's life, signed in. */
export async function documentAccounts(t: Awaited<ReturnType<typeof createTestApp>>) {
  const accounts = [
    ['staff', 'ds', ['staff'], undefined],
    ['otherDivision', 'ds2', ['staff'], '成果转化与区域创新科'],
    ['legal', 'dl', ['legalOfficer'], '政策法规科'],
    ['leader', 'dlead', ['leader'], '示范市科学技术局'],
    ['oversight', 'dover', ['oversight'], '示范市司法局'],
    ['office', 'doff', ['staff'], '办公室'],
  ] as const;
  const out = {} as Record<(typeof accounts)[number][0], Awaited<ReturnType<typeof signIn>>>;
  for (const [key, username, roles, orgName] of accounts) {
    await addUser(t.ctx, { username, password: 'Doc-pass-2025', roles: [...roles], orgName });
    out[key] = await signIn(t.app, username, 'Doc-pass-2025');
  }
  return out;
}

// An API helper of src/server/testApi.ts bound to a session: the JSON answer, whose shape each test asserts.
type Post = (url: string, body: object) => ReturnType<ReturnType<typeof testApi>['ok']>;

export async function decideAtHeldMeeting(
  post: Post,
  documentId: string,
  on: string,
  decision = 'adopted',
) {
  const created = await post('/api/meetings', { kind: 'directorsOffice', meetingOn: on });
  const meetingId = created.meeting.id;
  await post(`/api/meetings/${meetingId}/agenda`, {
    title: '审议行政规范性文件',
    subjectType: 'normativeDocument',
    subjectId: documentId,
    isPublic: true,
    publicSummary: '审议文件',
  });
  await post(`/api/meetings/${meetingId}/held`, {
    attendees: '局长、副局长、各科室负责人',
    minutes: '会议审议该文件，同意按程序印发。',
  });
  return {
    meetingId,
    view: await post(`/api/documents/${documentId}/decide`, { meetingId, decision }),
  };
}

/**
 * The 保密审查 of any case carrying it (条例第十七条; disclosure/secrecyReview.ts) as users do it: the drafter names
 * the reviewer's account, which passes it in its own session. Answers the review as the decision left it.
 */
export async function passCaseSecrecyReview(
  t: { ctx: Ctx },
  asker: Post,
  reviewer: Post,
  caseId: string,
  reviewerUsername: string,
) {
  const [row] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from users where username = ${reviewerUsername}`,
  );
  await asker(`/api/cases/${caseId}/secrecy-review`, { reviewerId: row.id });
  return reviewer(`/api/cases/${caseId}/secrecy-review/decision`, {
    approve: true,
    opinion: '不涉及国家秘密，可以公开',
  });
}

/** A document's 保密审查 before 公开发布, passed by (by default) the legal office's account, dl. */
export async function passSecrecyReview(
  t: { ctx: Ctx },
  asker: Post,
  reviewer: Post,
  documentId: string,
  reviewerUsername = 'dl',
) {
  const [row] = await queryRows<{ caseId: string }>(
    t.ctx.db,
    sql`select case_id as "caseId" from normative_documents where id = ${documentId}`,
  );
  return passCaseSecrecyReview(t, asker, reviewer, row.caseId, reviewerUsername);
}
