import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from '../../core/auth/policy.ts';
import { AppError } from '../../core/errors.ts';
import { hasRole } from '../../core/auth/actor.ts';

/** The legal office's queue: documents of the department whose legality review is open, soonest due first. */
export async function reviewQueue(ctx: Ctx, actor: Actor) {
  authorize(actor, 'normativeDocument', 'list');
  if (!hasRole(actor, 'legalOfficer', 'leader')) throw new AppError('FORBIDDEN', '合法性审核队列仅限法制审核人员查看');
  const items = await queryRows<{ id: string; title: string; drafting_org: string; opened_on: string; due_date: string | null; overdue: boolean; explanation: string }>(
    ctx.db,
    sql`select d.id, d.title, o.name as drafting_org, s.opened_on::text, s.due_date::text, s.overdue, s.explanation
        from case_steps s join normative_documents d on d.case_id = s.case_id left join organisations o on o.id = d.drafting_org_id
        where s.status = 'open' and s.step = 'legalReview' and s.department_id = ${actor.departmentId}
        order by s.due_date nulls last, d.title`,
  );
  return { items: items.map((i) => ({ id: i.id, title: i.title, draftingOrgName: i.drafting_org, openedOn: i.opened_on, dueDate: i.due_date, overdue: i.overdue || (!!i.due_date && i.due_date < ctx.clock.today()), explanation: i.explanation })) };
}
