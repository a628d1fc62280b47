/** The bureau's own records a case may challenge, for the registration form (newest first, the department's only). */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import type { ActModule } from './labels.ts';

export async function actTargets(ctx: Ctx, actor: Actor, module: ActModule): Promise<Array<{ id: string; title: string; on: string }>> {
  authorize(actor, 'litigationCase', 'register');
  if (module === 'normativeDocument') {
    return queryRows(ctx.db, sql`select id, title, coalesce(created_at::date::text, '') as "on" from normative_documents where department_id = ${actor.departmentId} order by created_at desc limit 200`);
  }
  // A request is named by its receipt date and content (never the applicant's personal data).
  return queryRows(
    ctx.db,
    sql`select r.id, coalesce(nullif(r.description, ''), '政府信息公开申请') as title, r.received_on::text as "on"
        from disclosure_requests r join cases c on c.id = r.case_id
        where r.department_id = ${actor.departmentId} order by r.received_on desc limit 200`,
  );
}
