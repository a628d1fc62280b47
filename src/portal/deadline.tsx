// The public working-day deadline calculator (工作日期限计算器): a plain GET form.
export type DeadlineUnit = 'workday' | 'day';

export interface DeadlineValues {
  from: string;
  count: string;
  unit: string;
}

export type DeadlineErrors = Partial<Record<keyof DeadlineValues, string>>;

export interface DeadlineInput {
  from: string;
  count: number;
  unit: DeadlineUnit;
}

export interface DeadlineResult {
  due: string;
  provisional: boolean;
  explanation: string;
}

export const MAX_COUNT = 1000;

const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;

function normalize(value: string | undefined): string {
  return (value ?? '')
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0D/g, '-')
    .trim()
    .slice(0, 100);
}

/** True for a real calendar date written 'YYYY-MM-DD' between 1949 and 2100. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function parseDeadlineQuery(raw: { from?: string; count?: string; unit?: string }): {
  values: DeadlineValues;
  input?: DeadlineInput;
  errors: DeadlineErrors;
} {
  const values: DeadlineValues = {
    from: normalize(raw.from),
    count: normalize(raw.count),
    unit: normalize(raw.unit),
  };
  const errors: DeadlineErrors = {};
  if (!values.from) errors.from = '请输入起算日期。';
  else if (!isIsoDate(values.from))
    errors.from = '起算日期无效，请按“年-月-日”格式填写，例如 2025-01-20。';
  const count = /^\d{1,4}$/.test(values.count) ? Number(values.count) : NaN;
  if (!values.count) errors.count = '请输入期限天数。';
  else if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    errors.count = `期限天数应为 1 至 ${MAX_COUNT} 之间的整数。`;
  if (values.unit !== 'workday' && values.unit !== 'day')
    errors.unit = '请选择计算方式：工作日或自然日。';
  if (Object.keys(errors).length > 0) return { values, errors };
  return { values, errors, input: { from: values.from, count, unit: values.unit as DeadlineUnit } };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2025-02-20' → '2025年2月20日（星期四）' */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${y}年${mo}月${d}日（${weekday}）`;
}

const FIELD_IDS: Record<keyof DeadlineValues, string> = {
  from: 'deadline-from',
  count: 'deadline-count',
  unit: 'deadline-unit-workday',
};

function errorId(field: keyof DeadlineValues) {
  return `deadline-${field}-error`;
}

export function ErrorSummary({ errors }: { errors: DeadlineErrors }) {
  const entries = (Object.keys(FIELD_IDS) as (keyof DeadlineValues)[]).filter((k) => errors[k]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">输入有误，请修改后重新计算</h2>
      <ul>
        {entries.map((k) => (
          <li key={k}>
            <a href={`#${FIELD_IDS[k]}`}>{errors[k]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DeadlineForm({
  values,
  errors = {},
  headingLevel = 2,
  title = '工作日期限计算器',
}: {
  values: DeadlineValues;
  errors?: DeadlineErrors;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const describedBy = (field: keyof DeadlineValues, hintId?: string) =>
    [hintId, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className="deadline-form"
      method="get"
      action="/tools/deadline"
      noValidate
      aria-labelledby="deadline-form-title"
    >
      <Heading id="deadline-form-title">{title}</Heading>
      <p className="hint" id="deadline-intro">
        按法定节假日和调休安排计算法定期限的届满日期，例如政府信息公开申请的 20 个工作日答复期限。
      </p>
      <div className={errors.from ? 'form-group has-error' : 'form-group'}>
        <label htmlFor={FIELD_IDS.from}>起算日期</label>
        <span className="hint" id="deadline-from-hint">
          如收到申请之日，格式：年-月-日，例如 2025-01-20
        </span>
        {errors.from ? (
          <span className="field-error" id={errorId('from')}>
            <span className="visually-hidden">错误：</span>
            {errors.from}
          </span>
        ) : null}
        <input
          type="date"
          id={FIELD_IDS.from}
          name="from"
          defaultValue={values.from}
          aria-describedby={describedBy('from', 'deadline-from-hint')}
          aria-invalid={errors.from ? 'true' : undefined}
        />
      </div>
      <div className={errors.count ? 'form-group has-error' : 'form-group'}>
        <label htmlFor={FIELD_IDS.count}>期限天数</label>
        <span className="hint" id="deadline-count-hint">
          1 至 {MAX_COUNT} 之间的整数
        </span>
        {errors.count ? (
          <span className="field-error" id={errorId('count')}>
            <span className="visually-hidden">错误：</span>
            {errors.count}
          </span>
        ) : null}
        <input
          type="text"
          inputMode="numeric"
          id={FIELD_IDS.count}
          name="count"
          defaultValue={values.count}
          autoComplete="off"
          aria-describedby={describedBy('count', 'deadline-count-hint')}
          aria-invalid={errors.count ? 'true' : undefined}
        />
      </div>
      <div className={errors.unit ? 'form-group has-error' : 'form-group'}>
        <fieldset aria-describedby={errors.unit ? errorId('unit') : undefined}>
          <legend>计算方式</legend>
          {errors.unit ? (
            <span className="field-error" id={errorId('unit')}>
              <span className="visually-hidden">错误：</span>
              {errors.unit}
            </span>
          ) : null}
          <div className="radios">
            <label>
              <input
                type="radio"
                id={FIELD_IDS.unit}
                name="unit"
                value="workday"
                defaultChecked={values.unit === 'workday'}
              />
              工作日
            </label>
            <label>
              <input
                type="radio"
                id="deadline-unit-day"
                name="unit"
                value="day"
                defaultChecked={values.unit === 'day'}
              />
              自然日
            </label>
          </div>
        </fieldset>
      </div>
      <button type="submit" className="button">
        计算到期日
      </button>
    </form>
  );
}

export function DeadlineResultView({
  input,
  result,
}: {
  input: DeadlineInput;
  result: DeadlineResult;
}) {
  return (
    <section className="result" aria-labelledby="deadline-result-title">
      <h2 id="deadline-result-title">计算结果</h2>
      <p>
        自 {formatChineseDate(input.from)} 起计 {input.count} 个
        {input.unit === 'workday' ? '工作日' : '自然日'}：
      </p>
      <p className="due">
        到期日：<time dateTime={result.due}>{formatChineseDate(result.due)}</time>
      </p>
      {result.provisional ? (
        <p className="notice">
          注意：该年度的法定节假日安排尚未公布，本结果暂按《全国年节及纪念日放假办法》规定的节假日计算，未计入调休，待国务院办公厅公布当年安排后以正式安排为准。
        </p>
      ) : null}
      <p>计算说明：{result.explanation}</p>
      <p className="hint">本结果仅供参考，具体期限以法律法规和相关法律文书的规定为准。</p>
    </section>
  );
}
