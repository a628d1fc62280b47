/** Contact details and identity numbers in a text meant for the portal (国办发〔2014〕46号: 复文 published without them). */
const PATTERNS: Array<[RegExp, string]> = [
  [/(?<!\d)\d{17}[\dXx](?!\d)/, '身份证号码'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/, '手机号码'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/, '固定电话号码'],
  [/[\w.+-]+@[\w-]+\.[\w.]+/, '电子邮箱'],
];

/** What kinds of personal data the text contains (empty: none); `known` are the person's own values. */
export function personalDataIn(text: string, known: string[] = []): string[] {
  const found = PATTERNS.filter(([re]) => re.test(text)).map(([, label]) => label);
  const compact = text.replace(/[\s-]/g, '');
  if (
    known.some(
      (k) => k.replace(/[\s-]/g, '').length >= 5 && compact.includes(k.replace(/[\s-]/g, '')),
    ) &&
    !found.length
  )
    found.push('代表委员的联系方式');
  return found;
}
