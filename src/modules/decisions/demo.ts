/**
 * Demo data for 示范市科学技术局 through the real services: the year's published catalogue, a decision
 * made and published about two months ago (with its meeting, 列席 and archive), and one in progress
 * whose draft is open for public comment on the portal now. The catalogue is published early in its
 * year, as bureaus do (in the first quarter, or before the year's first decision starts), and each
 * item's 计划完成时间 is a quarter of that year after the publication.
 */
import { and, eq, sql } from 'drizzle-orm';
import { fixedClock } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import {
  addItem,
  approveCatalogue,
  createCatalogue,
  itemsOf,
  publishCatalogue,
} from './catalogue.ts';
import { decisionTimeline, driveDecision } from './testkit.ts';
import { askSecrecyReview, decideSecrecyReview } from '../disclosure/index.ts';

async function actorWith(ctx: Ctx, departmentId: string, role: Role): Promise<Actor | null> {
  const [u] = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      orgName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        sql`${role} = any(${users.roles})`,
        sql`(${organisations.id} = ${departmentId} or ${organisations.parentId} = ${departmentId})`,
      ),
    )
    .limit(1);
  return u
    ? {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        orgId: u.orgId,
        orgName: u.orgName,
        departmentId,
        roles: [role],
        mustChangePassword: false,
      }
    : null;
}

const quarterOf = (d: string) => Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
/** 2026年第二季度 */
export const quarterLabel = (year: number, q: number) => `${year}年第${'一二三四'[q - 1]}季度`;

/**
 * One decision made and published about two months ago, one whose comment window opened five days
 * ago; the catalogue of the first one's year, published on a working day in March (or three working
 * days before that decision starts, when it starts earlier), and the planned quarters: the made
 * decision's is the quarter it was published in (the fourth when that fell in the next year), the
 * open one's about three months ahead (at the latest the fourth quarter) — never before the catalogue.
 */
export function decisionDemoDates(cal: Calendar, today: string) {
  const madeFrom = cal.addDays(today, -60);
  const inProgressFrom = cal.addDays(today, -5);
  const year = Number(madeFrom.slice(0, 4));
  const march = cal.nextWorkday(`${year}-03-10`);
  const catalogueOn = march < madeFrom ? march : cal.addWorkdays(madeFrom, -3);
  const earliest = catalogueOn.startsWith(String(year)) ? quarterOf(catalogueOn) : 1;
  const plannedQuarter = (d: string) =>
    Number(d.slice(0, 4)) === year ? Math.max(quarterOf(d), earliest) : 4;
  const madePublishedOn = decisionTimeline(cal, madeFrom).publishOn;
  return {
    year,
    madeFrom,
    inProgressFrom,
    catalogueOn,
    planned: {
      made: quarterLabel(year, plannedQuarter(madePublishedOn)),
      inProgress: quarterLabel(year, plannedQuarter(cal.addDays(today, 90))),
    },
  };
}

export async function seedDemoDecisions(ctx: Ctx, staff: Actor): Promise<void> {
  const [leader, legal] = await Promise.all([
    actorWith(ctx, staff.departmentId, 'leader'),
    actorWith(ctx, staff.departmentId, 'legalOfficer'),
  ]);
  if (!leader || !legal) return;
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const { year, madeFrom, inProgressFrom, catalogueOn, planned } = decisionDemoDates(cal, today);
  // The year's catalogue, agreed by the 市委 and published the same day.
  const early: Ctx = { ...ctx, clock: fixedClock(`${catalogueOn}T04:00:00.000Z`) };
  const cat = await createCatalogue(early, staff, { year });
  await addItem(early, staff, cat.id, {
    title: '示范市科技创新券实施方案',
    undertakingUnit: '高新技术科',
    basis: '《中华人民共和国科学技术进步法》',
    plannedTime: planned.made,
    content: '面向科技型中小企业发放创新券，支持购买研发服务。',
  });
  await addItem(early, staff, cat.id, {
    title: '示范市科技成果转化奖励办法（修订）',
    undertakingUnit: '成果转化与区域创新科',
    basis: '《中华人民共和国促进科技成果转化法》',
    plannedTime: planned.inProgress,
  });
  await approveCatalogue(early, staff, cat.id, {
    approvedOn: catalogueOn,
    approvedBy: '中共示范市委',
    approvalRef: '市委常委会会议',
  });
  // 条例第十七条: the legal office's officer, named by the drafter, reviews the catalogue for secrets.
  await askSecrecyReview(early, staff, cat.caseId, { reviewerId: legal.userId });
  await decideSecrecyReview(early, legal, cat.caseId, {
    approve: true,
    opinion: '不涉及国家秘密、工作秘密，同意公开。',
  });
  await publishCatalogue(early, staff, cat.id);
  const [innovation, transfer] = await itemsOf(ctx.db, cat.id);
  const who = { staff, leader, legal };
  const inYear = Number(inProgressFrom.slice(0, 4)) === year;
  await driveDecision(ctx, who, {
    startOn: madeFrom,
    input: {
      title: '示范市科技创新券实施方案',
      catalogueItemId: innovation.id,
      outsideCatalogueReason: null,
      technical: true,
      partyReportRequired: true,
      problem: '科技型中小企业购买检验检测、研发设计等科技服务的成本较高',
      initialPlan: '每年安排创新券额度，企业凭券购买科技服务，服务机构凭券兑付',
    },
    draftText:
      '示范市科技创新券实施方案\n一、总体目标\n二、支持对象和额度\n三、申领和使用\n四、兑付和监督',
    comments: [
      '建议将单个企业年度额度提高到30万元。',
      '建议创新券可用于购买知识产权服务。',
      '建议简化兑付流程，实行线上办理。',
    ],
  });
  await driveDecision(ctx, who, {
    startOn: inProgressFrom,
    input: {
      title: '示范市科技成果转化奖励办法（修订）',
      ...(inYear ? { catalogueItemId: transfer.id, outsideCatalogueReason: null } : {}),
      undertakingUnit: '成果转化与区域创新科',
      riskRelevant: true,
      problem: '现行奖励标准偏低、兑现周期长',
      initialPlan: '提高奖励标准，缩短兑现周期',
    },
    draftText:
      '示范市科技成果转化奖励办法（修订征求意见稿）\n第一条 为促进科技成果转化，制定本办法。\n第二条 对技术合同成交额较大的单位给予奖励。\n第三条 本办法自发布之日起施行。',
    comments: ['建议明确奖励资金的申报时间。'],
    until: 'commentOpen',
  });
}
