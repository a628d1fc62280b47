// Test helpers for the publication tests (real database, real users; no mocks).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { Role } from '../../../core/auth/roles.ts';
import { users } from '../../../core/auth/schema.ts';
import { getOrg } from '../../../core/orgs/service.ts';
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
