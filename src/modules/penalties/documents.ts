/**
 * Case documents in 公文格式 (.docx, core/docx/gongwen.ts): 立案审批表, 行政处罚事先告知书, 听证通知书,
 * 行政处罚决定书 (Art 59 contents with the remedy), 送达回证. Dates as 2026年12月5日.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { gongwenDocx, type Block } from '../../core/docx/gongwen.ts';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import { loadPenalty } from './service.ts';
import { PARTY_KINDS, typeLabels } from './labels.ts';

export const DOCUMENT_KINDS = {
  filing: '立案审批表',
  notice: '行政处罚事先告知书',
  hearingNotice: '听证通知书',
  decision: '行政处罚决定书',
  serviceReceipt: '送达回证',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

const p = (text: string): Block => ({ kind: 'p', text, indent: true });
const money = (n: unknown) => `${Number(n ?? 0).toLocaleString('zh-CN')}元`;

export async function caseDocument(
  ctx: Ctx,
  actor: Actor,
  id: string,
  kind: DocumentKind,
): Promise<{ name: string; content: Buffer }> {
  const c = await loadPenalty(ctx.db, actor, id);
  const dept = await getOrg(ctx.db, c.departmentId);
  const history = await loadHistory(ctx.db, c.caseId);
  const last = (type: string) => [...history].reverse().find((e) => e.type === type);
  const missing = (what: string) =>
    new AppError('CONFLICT', `本案尚未${what}，不能生成${DOCUMENT_KINDS[kind]}`);
  const party = `${c.partyName}（${PARTY_KINDS[c.partyKind]}${c.partyIdNo ? `，${c.partyKind === 'organisation' ? '统一社会信用代码' : '身份证件号码'}${c.partyIdNo}` : ''}${c.partyAddress ? `，住所：${c.partyAddress}` : ''}）`;
  const sign = (on: string): Block => ({ kind: 'signature', lines: [dept.name, cnDate(on)] });
  let blocks: Block[];
  let subtitle = c.caseNo;
  switch (kind) {
    case 'filing': {
      const open = history[0];
      blocks = [
        {
          kind: 'table',
          header: [['项目', '内容']],
          rows: [
            ['案件名称', c.title],
            ['当事人', party],
            ['违法行为发生（终了）日期', c.actOn ? cnDate(c.actOn) : ''],
            ['发现日期', c.discoveredOn ? cnDate(c.discoveredOn) : ''],
            ['案情摘要', c.summary],
            ['执法人员', c.officerNames.join('、')],
            ['立案审批', String(open?.data?.approvedBy ?? '') || '负责人批准'],
            ['立案日期', cnDate(c.openedOn)],
          ],
          widths: [30, 70],
        },
      ];
      break;
    }
    case 'notice': {
      const n = c.notice as {
        types: string[];
        fineAmount: number;
        confiscationAmount: number;
        facts: string;
        reasons: string;
        basis: string;
        hearingEligible: boolean;
        statementUntil: string;
        servedOn: string;
      } | null;
      if (!n) throw missing('告知');
      blocks = [
        p(`${c.partyName}：`),
        p(`经查，${n.facts}`),
        p(
          `本机关认为：${n.reasons}依据${n.basis}的规定，本机关拟对你（单位）作出如下行政处罚：${typeLabels(n.types)}${n.fineAmount ? `，罚款${money(n.fineAmount)}` : ''}${n.confiscationAmount ? `，没收${money(n.confiscationAmount)}` : ''}。`,
        ),
        p(
          `根据《中华人民共和国行政处罚法》第四十四条、第四十五条${n.hearingEligible ? '、第六十三条、第六十四条' : ''}的规定，你（单位）享有陈述、申辩的权利${n.hearingEligible ? '，并有权要求举行听证' : ''}。请于${cnDate(n.statementUntil)}前提出陈述、申辩意见${n.hearingEligible ? `；要求听证的，应当在收到本告知书之日起五个工作日内提出` : ''}。逾期未提出的，视为放弃上述权利。`,
        ),
        sign(n.servedOn),
      ];
      break;
    }
    case 'hearingNotice': {
      const h = last('scheduleHearing');
      if (!h) throw missing('通知听证');
      const d = h.data as { hearingOn: string; place: string; chair: string; isPublic: boolean };
      blocks = [
        p(`${c.partyName}：`),
        p(
          `根据你（单位）的申请，本机关定于${cnDate(d.hearingOn)}在${d.place}就${c.title}举行听证，听证${d.isPublic ? '公开' : '不公开'}举行，由${d.chair}主持。`,
        ),
        p(
          '你（单位）可以亲自参加听证，也可以委托一至二人代理。认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。你（单位）不承担组织听证的费用（《中华人民共和国行政处罚法》第六十三条、第六十四条）。',
        ),
        sign(h.on),
      ];
      break;
    }
    case 'decision': {
      const d = c.decision as {
        types: string[];
        fineAmount: number;
        confiscationAmount: number;
        facts: string;
        basis: string;
        remedy: string;
        paymentMethod?: string;
        decidedOn: string;
        decisionType: string;
      } | null;
      if (!d) throw missing('作出决定');
      subtitle = c.decisionNo ?? c.caseNo;
      blocks = [
        p(`当事人：${party}`),
        p(`违法事实和证据：${d.facts}`),
        d.decisionType === 'penalty'
          ? p(
              `以上事实违反了相关规定。依据${d.basis}，本机关决定给予如下行政处罚：${typeLabels(d.types)}${d.fineAmount ? `，罚款${money(d.fineAmount)}` : ''}${d.confiscationAmount ? `，没收${money(d.confiscationAmount)}` : ''}。`,
            )
          : p(`依据${d.basis}，本机关决定不予行政处罚。`),
        ...(d.fineAmount
          ? [
              p(
                `请于收到本决定书之日起十五日内${d.paymentMethod ? `通过${d.paymentMethod}` : '到指定的银行或者通过电子支付系统'}缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第六十七条、第七十二条）。`,
              ),
            ]
          : []),
        p(d.remedy),
        sign(d.decidedOn),
      ];
      break;
    }
    case 'serviceReceipt': {
      const s = last('deliver');
      const decisionOn = c.decidedOn;
      if (!decisionOn) throw missing('作出决定');
      const sd = (s?.data ?? {}) as { method?: string; recipient?: string };
      blocks = [
        {
          kind: 'table',
          header: [['项目', '内容']],
          rows: [
            ['送达文书', `行政处罚决定书（${c.decisionNo ?? ''}）`],
            ['受送达人', sd.recipient ?? c.partyName],
            ['送达方式', sd.method ?? ''],
            ['送达日期', s ? cnDate(s.on) : '    年  月  日'],
            ['送达人', c.officerNames.join('、')],
            ['受送达人签名', ''],
          ],
          widths: [30, 70],
        },
        sign(s?.on ?? decisionOn),
      ];
      break;
    }
  }
  const content = await gongwenDocx({ title: DOCUMENT_KINDS[kind], subtitle, blocks });
  return { name: `${DOCUMENT_KINDS[kind]}（${c.caseNo}）.docx`, content };
}
