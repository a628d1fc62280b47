/**
 * 依申请公开 (DisclosureRequest) under the 政府信息公开条例 (国务院令第711号, in force 2019-05-15),
 * RULES §5.4 and §13. Declared as data; the procedure engine enforces it.
 */
import type { ProcedureDef, StepDef } from '../../core/procedure/engine.ts';
import { DISCLOSURE_OUTCOMES, outcomeLabel } from './outcomes.ts';
import {
  answerPending,
  APPROVER,
  extensionPending,
  type DisclosureSettings,
} from './requestProcedure/conditions.ts';
import { clocks } from './requestProcedure/clocks.ts';
import { intakeActions, withdrawAction } from './requestProcedure/intake.ts';
import { consultation, feeActions } from './requestProcedure/consultation.ts';
import { answerActions, extensionActions, legalCheckAction } from './requestProcedure/answer.ts';

export { APPROVER, type DisclosureSettings } from './requestProcedure/conditions.ts';
export { RECEIPT_DATE_FIELD } from './requestProcedure/intake.ts';

const steps: StepDef[] = [
  {
    code: 'answer',
    label: '答复申请人',
    roles: ['staff'],
    open: {
      all: [{ status: 'open' }, { not: { clock: 'applicantSupplement', state: 'running' } }],
    },
    clock: 'answer',
  },
  // 条例 Art 33 ¶2: the extension needs the 负责人's consent before the answer period ends.
  {
    code: 'extensionApproval',
    label: '审批延长答复期限',
    roles: [APPROVER],
    open: { all: [{ status: 'open' }, extensionPending] },
    clock: 'answer',
  },
  {
    code: 'extensionNotice',
    label: '告知申请人延长答复期限',
    roles: ['staff'],
    open: { all: [{ status: 'open' }, { latest: ['extend', 'extensionNotice'], is: 'extend' }] },
  },
  // The answer goes out under the organ's name only once signed off (审签) by the approver.
  {
    code: 'answerApproval',
    label: '审签答复',
    roles: [APPROVER],
    open: { all: [{ status: 'open' }, answerPending] },
    clock: 'answer',
  },
  {
    code: 'applicantSupplement',
    label: '申请人补正',
    roles: ['applicant'],
    open: { clock: 'applicantSupplement', state: 'running' },
    clock: 'applicantSupplement',
  },
  {
    code: 'thirdPartyReply',
    label: '第三方提出意见',
    roles: ['thirdParty'],
    open: { clock: 'thirdPartyReply', state: 'running', overdue: false },
    clock: 'thirdPartyReply',
  },
  {
    code: 'organReply',
    label: '有关机关提出意见',
    roles: ['otherOrgan'],
    open: { clock: 'organReply', state: 'running', overdue: false },
    clock: 'organReply',
  },
  {
    code: 'feePayment',
    label: '申请人缴纳信息处理费',
    roles: ['applicant'],
    open: { clock: 'feePayment', state: 'running' },
    clock: 'feePayment',
  },
];

// In the order the workbench offers them.
const actions = [
  ...intakeActions,
  ...consultation('thirdParty', '第三方', 'thirdPartyReply'),
  ...consultation('organ', '有关机关', 'organReply'),
  ...extensionActions,
  ...feeActions,
  legalCheckAction,
  ...answerActions(),
  withdrawAction,
];

/** Builds the procedure; settings cover rules that are not verified nationally (RULES §14). */
export function disclosureRequestProcedure(settings: DisclosureSettings = {}): ProcedureDef {
  const s: Required<DisclosureSettings> = { feePausesClock: settings.feePausesClock ?? true };
  return {
    code: 'disclosureRequest',
    label: '依申请公开',
    statuses: [
      { code: 'new', label: '待登记' },
      { code: 'open', label: '办理中' },
      { code: 'closed', label: '办结', final: true },
    ],
    initialStatus: 'new',
    roleLabels: {
      staff: '工作人员',
      leader: '负责人',
      [APPROVER]: '审批人（政府信息公开工作机构负责人）',
      legalOfficer: '法制审核人员',
      applicant: '申请人',
      thirdParty: '第三方',
      otherOrgan: '有关机关',
    },
    steps,
    actions,
    clocks: clocks(s),
    outcomes: DISCLOSURE_OUTCOMES.map((o) => ({ code: o.code, label: outcomeLabel(o) })),
  };
}

/** The default 依申请公开 procedure. */
export const DISCLOSURE_REQUEST: ProcedureDef = disclosureRequestProcedure();
