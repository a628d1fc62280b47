// Views of the 依申请公开 portal pages. All text is escaped by React; nothing uses dangerouslySetInnerHTML.
import type { ReactNode } from 'react';
import { formatChineseDate } from '../../../portal/plugin.tsx';
import { ErrorList, Field, type Values } from '../../../portal/forms.tsx';

export type { Values };

type Opt = { value: string; label: string };

function Radios({
  name,
  legend,
  options,
  value,
}: {
  name: string;
  legend: string;
  options: Opt[];
  value?: string;
}) {
  return (
    <fieldset id={`f-${name}`}>
      <legend>{legend}</legend>
      <div className="radios">
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const ORG_TYPES: Opt[] = [
  { value: 'business', label: '商业企业' },
  { value: 'research', label: '科研机构' },
  { value: 'publicInterest', label: '社会公益组织' },
  { value: 'legalService', label: '法律服务机构' },
  { value: 'other', label: '其他' },
];

export function ApplyForm({
  csrf,
  values,
  errors,
  options,
}: {
  csrf: ReactNode;
  values: Values;
  errors: Record<string, string>;
  options: { forms: Opt[]; deliveries: Opt[]; idTypes: Opt[] };
}) {
  const f = { values, errors };
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，请填写申请人信息、所需政府信息的描述以及获取方式。本机关自收到申请之日起20个工作日内答复；申请内容不明确的，将在7个工作日内一次性告知补正。
      </p>
      <ErrorList errors={errors} />
      <form method="post" action="/xxgk/apply" noValidate>
        {csrf}
        <Radios
          name="applicantKind"
          legend="申请人类型"
          value={values.applicantKind}
          options={[
            { value: 'naturalPerson', label: '公民（自然人）' },
            { value: 'legalPerson', label: '法人或其他组织' },
          ]}
        />
        <Radios
          name="orgType"
          legend="法人或其他组织类型（法人或其他组织申请时填写）"
          value={values.orgType}
          options={ORG_TYPES}
        />
        <Field name="name" label="姓名或名称" {...f} />
        <Radios
          name="idType"
          legend="证件类型（公民填写）"
          value={values.idType}
          options={options.idTypes}
        />
        <Field name="idNumber" label="证件号码（公民填写）" {...f} />
        <Field name="creditCode" label="统一社会信用代码（法人或其他组织填写）" {...f} />
        <Field name="phone" label="联系电话" {...f} />
        <Field name="email" label="电子邮箱" {...f} />
        <Field name="address" label="通信地址" {...f} />
        <Field
          name="description"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          long
          {...f}
        />
        <Radios
          name="form"
          legend="获取信息的载体形式"
          value={values.form}
          options={options.forms}
        />
        <Radios
          name="delivery"
          legend="获取信息的方式"
          value={values.delivery}
          options={options.deliveries}
        />
        <p className="hint">
          提交后将生成查询码，请妥善保存，凭查询码查看办理情况。同一申请人10分钟内重复提交相同内容的，不重复登记。
        </p>
        <button type="submit" className="button">
          提交申请
        </button>
      </form>
    </>
  );
}

export interface TrackViewData {
  stage: string;
  receivedOn: string;
  closedOn: string | null;
  outcomeLabel: string | null;
  due: { label: string; date: string | null; explanation: string; provisional: boolean } | null;
  supplementItems: string | null;
}

const FLASH: Record<string, string> = {
  submitted: '申请已提交。请保存本页地址或下方查询码，凭查询码查看办理情况。',
  duplicate: '您在10分钟内已提交过内容相同的申请，系统未重复登记。以下是该申请的办理情况。',
  supplemented: '补正材料已提交。答复期限自今日起重新计算。',
};

export function TrackView({
  code,
  view,
  flash,
}: {
  code: string;
  view: TrackViewData;
  flash?: string;
}) {
  return (
    <>
      <h1>申请办理情况</h1>
      {flash ? (
        <div className="result" role="status">
          <p>{FLASH[flash]}</p>
        </div>
      ) : null}
      <dl className="track">
        <dt>查询码</dt>
        <dd>
          <code>{code.match(/.{1,4}/g)!.join(' ')}</code>
        </dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{view.stage}</strong>
        </dd>
        <dt>收到申请日期</dt>
        <dd>{formatChineseDate(view.receivedOn)}</dd>
        {view.due ? (
          <>
            <dt>{view.due.label}期限</dt>
            <dd>
              {view.due.date ? formatChineseDate(view.due.date) : '期限暂停计算'}
              {view.due.provisional ? '（暂定）' : ''}
              <p className="hint">{view.due.explanation}</p>
            </dd>
          </>
        ) : null}
        {view.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{formatChineseDate(view.closedOn)}</dd>
            <dt>答复类型</dt>
            <dd>{view.outcomeLabel}</dd>
          </>
        ) : null}
      </dl>
      {view.supplementItems ? (
        <div className="notice">
          <p>
            <strong>需要补正的事项：</strong>
            {view.supplementItems}
          </p>
        </div>
      ) : null}
      {view.closedOn ? (
        <p>
          <a href={`/hcp/${code}`}>对本次答复作出评价（好差评）</a>
        </p>
      ) : null}
      <p className="hint">答复书按您选择的方式送达。本页面不显示申请人的个人信息。</p>
    </>
  );
}

export function SupplementForm({
  code,
  csrf,
  values,
  errors,
}: {
  code: string;
  csrf: ReactNode;
  values: Values;
  errors: Record<string, string>;
}) {
  const f = { values, errors };
  return (
    <section aria-labelledby="supplement-title">
      <h2 id="supplement-title">提交补正</h2>
      <ErrorList errors={errors} />
      <form method="post" action={`/xxgk/track/${code}/supplement`} noValidate>
        {csrf}
        <Field
          name="description"
          label="补正后的申请内容"
          hint="请按补正告知的要求，写明所需政府信息的名称、文号或特征描述"
          long
          {...f}
        />
        <Field name="name" label="姓名或名称" {...f} />
        <Field name="idNumber" label="证件号码" {...f} />
        <Field name="creditCode" label="统一社会信用代码" {...f} />
        <Field name="phone" label="联系电话" {...f} />
        <button type="submit" className="button">
          提交补正
        </button>
      </form>
    </section>
  );
}
