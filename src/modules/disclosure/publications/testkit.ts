// Test helpers for the publication tests (real database, real users; no mocks).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { Role } from '../../../core/auth/roles.ts';
import { users } from '../../../core/auth/schema.ts';
import { getOrg } from '../../../core/orgs/service.ts';
import type { FastifyInstance } from 'fastify';
import { addUser, signIn, type createTestApp } from '../../../server/testing.ts';
import type { PublicationInput } from './service.ts';

/** The Actor of an existing user, as a session would resolve it. */
export async function actorOf(ctx: Ctx, username: string): Promise<Actor> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  const org = await getOrg(ctx.db, u.orgId);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: org.name,
    departmentId: u.departmentId,
    roles: u.roles as Role[],
    mustChangePassword: false,
  };
}

export function sampleInput(patch: Partial<PublicationInput> = {}): PublicationInput {
  return {
    title: '示范市科学技术局关于2024年法治政府建设情况的报告',
    category: 'plan',
    topic: 'scienceLaw',
    keywords: ['法治政府'],
    formedOn: '2025-02-20',
    summary: '报告2024年度法治政府建设主要举措和成效。',
    body: '2024年度，市科技局坚持以习近平新时代中国特色社会主义思想为指导。\n\n一、主要举措\n深入学习贯彻习近平法治思想。',
    confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-02-28' },
    ...patch,
  };
}

/**
 * The 主动公开 form's body for an input: the 保密审查 names the reviewer's account (another account than the
 * caller's, reviewers.ts), not a typed name.
 */
export function withReviewer(input: object, reviewerId: string): object {
  const review = (input as { confidentialityReview?: { reviewer?: string } }).confidentialityReview;
  if (!review) return input;
  const { reviewer: _name, ...rest } = review;
  return { ...input, confidentialityReview: { ...rest, reviewerId } };
}

type Headers = Record<string, string>;

/**
 * 主动公开 over HTTP as it is done (条例 Art 17, review.ts): the drafter asks with the reviewer named in the body,
 * the reviewer passes it in their own session. Answers what GET /api/publications/:id answers, or the first refusal.
 */
export async function publishViaReview(
  app: FastifyInstance,
  drafter: { headers: Headers },
  reviewer: { headers: Headers },
  body: object,
) {
  const asked = await app.inject({
    method: 'POST',
    url: '/api/publications',
    headers: drafter.headers,
    payload: body,
  });
  if (asked.statusCode !== 200) return asked;
  const passed = await app.inject({
    method: 'POST',
    url: `/api/publications/reviews/${asked.json().id}/decision`,
    headers: reviewer.headers,
    payload: { approve: true },
  });
  if (passed.statusCode !== 200) return passed;
  return app.inject({
    url: `/api/publications/${passed.json().publicationId}`,
    headers: drafter.headers,
  });
}

/** A multipart/form-data body with one file field. */
export function multipartBody(name: string, content: Buffer, mime = 'application/pdf') {
  const boundary = `----fazhi${content.length}x${name.length}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * The publication tests' accounts: a clerk (科室 staff), a colleague of the 办公室 named as reviewer, an outside
 * 法律顾问 and an account of another department (示范市司法局).
 */
export async function publicationUsers(t: Awaited<ReturnType<typeof createTestApp>>) {
  await addUser(t.ctx, { username: 'pub-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  const reviewerId = await addUser(t.ctx, {
    username: 'pub-reviewer',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'pub-advisor',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'pub-justice',
    password: 'Justice-pass-2025',
    roles: ['staff'],
    orgName: '示范市司法局',
  });
  return {
    reviewerId,
    staff: await signIn(t.app, 'pub-staff', 'Staff-pass-2025'),
    reviewer: await signIn(t.app, 'pub-reviewer', 'Staff-pass-2025'),
    advisor: await signIn(t.app, 'pub-advisor', 'Advisor-pass-2025'),
    otherDept: await signIn(t.app, 'pub-justice', 'Justice-pass-2025'),
  };
}
