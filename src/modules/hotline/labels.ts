/** Codes and Chinese labels of the hotline module (12345 tickets and 网民留言, RULES §7.2). */
export const KINDS = [
  { value: 'consult', label: '咨询' },
  { value: 'help', label: '求助' },
  { value: 'suggest', label: '建议' },
  { value: 'complain', label: '投诉' },
  { value: 'report', label: '举报' },
] as const;
export type Kind = (typeof KINDS)[number]['value'];
export const KIND_CODES = KINDS.map((k) => k.value) as [Kind, ...Kind[]];

export const CHANNELS = [
  { value: 'phone', label: '12345电话' },
  { value: 'web', label: '12345网站' },
  { value: 'app', label: '12345移动端' },
  { value: 'wechat', label: '微信' },
  { value: 'portal', label: '网民留言' },
  { value: 'other', label: '其他' },
] as const;
export type Channel = (typeof CHANNELS)[number]['value'];
export const CHANNEL_CODES = CHANNELS.map((k) => k.value) as [Channel, ...Channel[]];

export const SOURCES: Record<string, string> = {
  platform: '热线平台推送',
  manual: '人工录入',
  excel: 'Excel导入',
  portal: '门户网站留言',
};

/** The 回访 result (the hotline's own three levels). */
export const SATISFACTION = [
  { value: 'satisfied', label: '满意' },
  { value: 'basic', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
] as const;

/** 政务服务"好差评" (国办发〔2019〕51号): five levels; 差评 = 不满意 and 非常不满意. */
export const SCORES = [
  { value: '5', label: '非常满意' },
  { value: '4', label: '满意' },
  { value: '3', label: '基本满意' },
  { value: '2', label: '不满意' },
  { value: '1', label: '非常不满意' },
] as const;

export const labelOf = (
  list: ReadonlyArray<{ value: string; label: string }>,
  v: string | null | undefined,
) => list.find((x) => x.value === v)?.label ?? v ?? '';
