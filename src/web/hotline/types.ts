export const KINDS = [
  { value: 'consult', label: '咨询' },
  { value: 'help', label: '求助' },
  { value: 'suggest', label: '建议' },
  { value: 'complain', label: '投诉' },
  { value: 'report', label: '举报' },
];
export const CHANNELS = [
  { value: 'phone', label: '12345电话' },
  { value: 'web', label: '12345网站' },
  { value: 'app', label: '12345移动端' },
  { value: 'wechat', label: '微信' },
  { value: 'portal', label: '网民留言' },
  { value: 'other', label: '其他' },
];
export const SATISFACTION = [
  { value: 'satisfied', label: '满意' },
  { value: 'basic', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];

export interface TicketItem {
  id: string;
  ticketNo: string;
  title: string;
  kindLabel: string;
  channelLabel: string;
  receivedOn: string;
  dueOn: string;
  repliedOn: string | null;
  late: boolean;
  satisfactionLabel: string;
  citizenName: string | null;
  citizenPhone: string | null;
  status: string;
  statusLabel: string;
  orgName: string | null;
}

export interface ClockInfo {
  clock: string;
  label: string;
  state: string;
  due?: string;
  explanation?: string;
  overdue: boolean;
  late?: boolean;
}

export interface TicketPayload {
  ticket: {
    id: string;
    ticketNo: string;
    title: string;
    content: string;
    location: string | null;
    kindLabel: string;
    channelLabel: string;
    sourceLabel: string;
    receivedOn: string;
    dueOn: string;
    citizenName: string | null;
    citizenPhone: string | null;
    citizenIdNumber: string | null;
    personalDataMasked: boolean;
    trackingCode: string;
    publishConsent: boolean;
    replyText: string | null;
    repliedOn: string | null;
    late: boolean;
    satisfactionLabel: string;
    publishedReply: string | null;
    publishedOn: string | null;
    orgName: string;
    coOrgNames: string[];
    convertedTo: string | null;
    convertedId: string | null;
    caseId: string;
  };
  today: string;
  status: string;
  statusLabel: string;
  clocks: ClockInfo[];
  history: Array<{ seq: number; label: string; on: string; data: Record<string, unknown> }>;
  divisions: Array<{ id: string; name: string }>;
  rating: { score: string; scoreLabel: string; comment: string | null; ratedOn: string } | null;
  abilities: Record<
    | 'sign'
    | 'dispute'
    | 'assign'
    | 'requestExtension'
    | 'approveExtension'
    | 'reply'
    | 'visit'
    | 'reopen'
    | 'merge'
    | 'convert'
    | 'publish',
    boolean
  >;
}

export interface ImportResult {
  received: number;
  created: number;
  duplicates: string[];
  errors: Array<{ index: number; ticketNo: string | null; message: string }>;
}

export interface Option {
  value: string;
  label: string;
}
/** The server's labels (GET /api/hotline/labels): the 办理状态 filter and the 好差评 levels. */
export interface HotlineLabels {
  statuses: Option[];
  scores: Option[];
}
