/**
 * The dates of the demo history (demoHistory.ts), as a pure function of today and the calendar, so
 * that a test can check them against the procedure for every day of several years: the demo must
 * load on 除夕 as on any other day.
 */
import type { Calendar } from '../../core/calendar/calendar.ts';
import type { NewCaseEvent } from '../../core/procedure/engine.ts';
import { SECRECY_REVIEWER } from '../disclosure/index.ts';

/** Every act of one document's history, oldest first. */
export interface DocumentDates {
  start: string;
  end: string;
  /** One day per public comment, inside the window. */
  commentOn: string[];
  closedOn: string;
  feedbackOn: string;
  fairReviewOn?: string;
  submitReviewOn: string;
  concludeReviewOn: string;
  decideOn: string;
  publishOn: string;
  filedOn: string;
  filingReviewedOn: string;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * A document published on `target` (or a little later when holidays stretch the drafting): the
 * window is at least 7 working days (示范指标体系 item 24) and, for market documents, at least 30
 * days (优化营商环境条例 Art 62), counted on the calendar rather than with a fixed day offset.
 */
export function documentDates(
  cal: Calendar,
  target: string,
  o: { market: boolean; comments: number },
): DocumentDates {
  const start = cal.addDays(target, o.market ? -80 : -60);
  const end = later(cal.addDays(start, o.market ? 30 : 14), cal.addWorkdays(start, 7));
  const commentOn = Array.from({ length: o.comments }, (_, i) => cal.addDays(start, 1 + i * 2));
  const closedOn = cal.addDays(end, 1);
  const feedbackOn = cal.addDays(closedOn, 1);
  let day = cal.addWorkdays(closedOn, 2);
  let fairReviewOn: string | undefined;
  if (o.market) {
    fairReviewOn = day;
    day = cal.addWorkdays(day, 2);
  }
  const submitReviewOn = day;
  // 115号: at least 5 and at most 15 working days of review.
  const concludeReviewOn = cal.addWorkdays(submitReviewOn, 7);
  const decideOn = cal.addWorkdays(concludeReviewOn, 3);
  const publishOn = later(target, cal.addWorkdays(decideOn, 2));
  // 备案 within 30 days of publication (国办发〔2018〕37号 and the local rule).
  const filedOn = cal.addDays(publishOn, 12);
  return {
    start,
    end,
    commentOn,
    closedOn,
    feedbackOn,
    fairReviewOn,
    submitReviewOn,
    concludeReviewOn,
    decideOn,
    publishOn,
    filedOn,
    filingReviewedOn: cal.addDays(filedOn, 15),
  };
}

/** The same history as the procedure engine sees it (for the plan test). */
export function documentEvents(d: DocumentDates, market: boolean): NewCaseEvent[] {
  const staff = ['staff'];
  return [
    {
      type: 'draft',
      on: d.start,
      data: { title: '示范文件', concernsMarket: market },
      actorRoles: staff,
    },
    {
      type: 'openComment',
      on: d.start,
      data: { startOn: d.start, endOn: d.end },
      actorRoles: staff,
    },
    {
      type: 'closeComment',
      on: d.closedOn,
      data: { commentCount: d.commentOn.length },
      actorRoles: staff,
    },
    ...(d.fairReviewOn
      ? [
          {
            type: 'fairCompetitionReview',
            on: d.fairReviewOn,
            data: { conclusion: 'pass', opinion: '通过' },
            actorRoles: staff,
          },
        ]
      : []),
    {
      type: 'submitLegalReview',
      on: d.submitReviewOn,
      data: { materials: '送审稿' },
      actorRoles: staff,
    },
    {
      type: 'concludeLegalReview',
      on: d.concludeReviewOn,
      data: { conclusion: 'lawful', opinion: '合法' },
      actorRoles: ['legalOfficer'],
    },
    {
      type: 'collectiveDecision',
      on: d.decideOn,
      data: { meeting: 'directorsOffice', decision: 'adopted' },
      actorRoles: ['leader'],
    },
    {
      type: 'assignNumber',
      on: d.publishOn,
      data: { docNumber: '科规〔2025〕1号' },
      actorRoles: staff,
    },
    {
      type: 'requestSecrecyReview',
      on: d.publishOn,
      data: { reviewer: '法制审核人员', reviewerId: 'legal', dueOn: d.publishOn },
      actorRoles: staff,
    },
    // The named reviewer acts in the procedure's reviewer role (disclosure/secrecyReviewService.ts).
    { type: 'passSecrecyReview', on: d.publishOn, data: {}, actorRoles: [SECRECY_REVIEWER] },
    {
      type: 'publish',
      on: d.publishOn,
      data: { channel: '政府网站', filingDueOn: d.filedOn },
      actorRoles: staff,
    },
    { type: 'file', on: d.filedOn, data: { filedWith: '示范市司法局' }, actorRoles: staff },
  ];
}

const addMonths = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
};

/** The four documents of the demo history and the 清理 campaign of a year ago. */
export function historyPlan(cal: Calendar, today: string) {
  const doc = (monthsAgo: number, market: boolean, comments: number) =>
    documentDates(cal, addMonths(today, -monthsAgo), { market, comments });
  const campaignOpenedOn = addMonths(today, -13);
  return {
    // 创新券: a market document with three comments, published about 26 months ago.
    voucher: doc(26, true, 3),
    // 项目管理办法: five years less four months ago, so its validity ends within six months.
    plan: doc(56, false, 1),
    // 暂行 (two years at most): expired by itself about eight months ago.
    interim: doc(32, false, 0),
    sme: doc(50, false, 0),
    campaign: {
      openedOn: campaignOpenedOn,
      decidedOn: cal.addDays(campaignOpenedOn, 10),
      publishedOn: addMonths(today, -12),
    },
  };
}
