import { sql } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { queryRows } from '../core/db/client.ts';
import type { Actor } from '../core/auth/actor.ts';
import type { Role } from '../core/auth/roles.ts';
import { createOrg } from '../core/orgs/service.ts';
import { createUser } from '../core/users/service.ts';
import { openCase, recordAction } from '../core/cases/service.ts';

export interface DemoAccount { username: string; password: string; role: Role; displayName: string; orgName: string }

/**
 * The demo department: 示范市科学技术局 with its 科室, under 示范市人民政府, with 示范市司法局 as the
 * oversight body; one account per role; a few 依申请公开 cases so that 我的待办 has content.
 * Loaded once: returns null when the database already has organisations.
 */
export async function loadDemo(ctx: Ctx): Promise<DemoAccount[] | null> {
  const [{ n }] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from organisations`);
  if (n > 0) return null;
  // Demo data is written by the system itself (no signed-in actor); the audit records actor null.
  const asSystem = { userId: null, orgId: null } as unknown as Actor;
  const gov = await createOrg(ctx, asSystem, { name: '示范市人民政府', kind: 'government', creditCode: '11341600003046157D' });
  const justice = await createOrg(ctx, asSystem, { name: '示范市司法局', kind: 'oversight', parentId: gov.id, creditCode: '11341600003046210W' });
  const bureau = await createOrg(ctx, asSystem, {
    name: '示范市科学技术局',
    kind: 'department',
    parentId: gov.id,
    creditCode: '11341600734987449Q',
    docPrefix: '科规',
    address: '示范市政务服务中心B座8楼',
    phone: '0558-5123456',
  });
  const division = (name: string) => createOrg(ctx, asSystem, { name, kind: 'division', parentId: bureau.id });
  const office = await division('办公室');
  const legal = await division('政策法规科');
  const hightech = await division('高新技术科');
  await division('成果转化与区域创新科');
  await division('科技监督与诚信建设科');

  const plan: { username: string; displayName: string; org: { id: string; name: string }; role: Role }[] = [
    { username: 'staff', displayName: '王晓明（高新技术科）', org: hightech, role: 'staff' },
    { username: 'legal', displayName: '李静（政策法规科）', org: legal, role: 'legalOfficer' },
    { username: 'leader', displayName: '张建国（副局长）', org: bureau, role: 'leader' },
    { username: 'advisor', displayName: '陈律师（法律顾问）', org: legal, role: 'legalAdvisor' },
    { username: 'officer', displayName: '赵执法（科技监督与诚信建设科）', org: hightech, role: 'officer' },
    { username: 'oversight', displayName: '刘备案（市司法局）', org: justice, role: 'oversight' },
    { username: 'sysadmin', displayName: '系统管理员', org: office, role: 'sysAdmin' },
    { username: 'secadmin', displayName: '安全管理员', org: office, role: 'secAdmin' },
    { username: 'auditadmin', displayName: '审计管理员', org: office, role: 'auditAdmin' },
  ];
  const accounts: DemoAccount[] = [];
  let staffActor: Actor | null = null;
  for (const p of plan) {
    const { id, initialPassword } = await createUser(ctx, null, { username: p.username, displayName: p.displayName, orgId: p.org.id, roles: [p.role] });
    accounts.push({ username: p.username, password: initialPassword, role: p.role, displayName: p.displayName, orgName: p.org.name });
    if (p.role === 'staff') {
      staffActor = { userId: id, username: p.username, displayName: p.displayName, orgId: hightech.id, orgName: hightech.name, departmentId: bureau.id, roles: ['staff'], mustChangePassword: false };
    }
  }
  await demoRequests(ctx, staffActor!, hightech.id);
  await demoDocuments(ctx, staffActor!, hightech.id);
  return accounts;
}

/** Requests received 25, 17, 10 and 2 working days ago: one overdue, one due soon, two running. */
async function demoRequests(ctx: Ctx, staff: Actor, orgId: string) {
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const requests = [
    { ago: 22, applicant: '某科技有限公司', type: 'business', content: '申请公开2024年度市级科技计划项目立项清单及资助金额' },
    { ago: 18, applicant: '周某', type: 'naturalPerson', content: '申请公开本人申报的高新技术企业认定材料的评审意见' },
    { ago: 10, applicant: '某大学科研院', type: 'research', content: '申请公开市重点实验室绩效评估办法及评估结果' },
    { ago: 2, applicant: '孙某', type: 'naturalPerson', content: '申请公开科技型中小企业评价入库名单' },
  ];
  for (const r of requests) {
    const on = cal.addWorkdays(today, -r.ago);
    await openCase(ctx, staff, {
      procedure: 'disclosureRequest',
      title: `${r.applicant}：${r.content}`,
      orgId,
      first: { action: 'receive', on, data: { channel: 'online', applicantType: r.type, applicantName: r.applicant, content: r.content } },
    });
  }
}

/** Two normative documents: one in legality review (a step for the legal office), one just drafted. */
async function demoDocuments(ctx: Ctx, staff: Actor, orgId: string) {
  const cal = ctx.calendar.current();
  const ago = (n: number) => cal.addWorkdays(ctx.clock.today(), -n);
  const reviewed = await openCase(ctx, staff, {
    procedure: 'normativeDocument',
    title: '示范市科技企业孵化器认定和管理办法',
    orgId,
    first: { action: 'draft', on: ago(25), data: { title: '示范市科技企业孵化器认定和管理办法', concernsMarket: false, assessment: '经调研论证，确有必要制定。' } },
  });
  const steps = [
    { action: 'openComment', on: ago(24), data: { startOn: ago(24), endOn: ago(14), channel: '市科技局门户网站意见征集栏目' } },
    { action: 'closeComment', on: ago(13), data: { commentCount: 6, adoptionSummary: '收到意见6条，采纳4条，部分采纳1条，未采纳1条。' } },
    { action: 'submitLegalReview', on: ago(3), data: { materials: '送审稿、起草说明、征求意见及采纳情况、制定依据' } },
  ];
  for (const step of steps) await recordAction(ctx, staff, reviewed.id, step);
  await openCase(ctx, staff, {
    procedure: 'normativeDocument',
    title: '示范市科技型中小企业研发费用补助实施细则',
    orgId,
    first: { action: 'draft', on: ago(1), data: { title: '示范市科技型中小企业研发费用补助实施细则', concernsMarket: true } },
  });
}
