// Views of the 网民留言 portal pages (/wmly). All text is escaped by React; nothing uses dangerouslySetInnerHTML.
import type { ReactNode } from 'react';
import { formatChineseDate } from '../../portal/plugin.tsx';
import { KINDS, SCORES } from './labels.ts';
import { ErrorList, Field, type Values } from '../../portal/forms.tsx';

export interface PublishedReply {
  ticketNo: string;
  title: string;
  kind: string;
  receivedOn: string;
  publishedOn: string;
  reply: string;
}

export function MessageHome({ replies }: { replies: PublishedReply[] }) {
  return (
    <>
      <h1>网民留言</h1>
      <p>
        您可以在此向本机关留言咨询、求助、建议、投诉或举报。留言按12345政务服务便民热线的时限办理；提交后您将获得查询码，可凭查询码查看办理情况，并在办结后作出评价。
      </p>
      <p>
        <a className="button" href="/wmly/new">
          我要留言
        </a>{' '}
        <a href="/wmly/track">查询办理情况</a>
      </p>
      <h2>公开答复</h2>
      {replies.length ? (
        <ul className="item-list">
          {replies.map((r) => (
            <li key={r.ticketNo}>
              <h3>{r.title}</h3>
              <p className="meta">
                {KINDS.find((k) => k.value === r.kind)?.label ?? ''} · 留言日期{' '}
                {formatChineseDate(r.receivedOn)} · 答复公开日期 {formatChineseDate(r.publishedOn)}
              </p>
              <p>{r.reply}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无公开的答复。</p>
      )}
    </>
  );
}

export function MessageForm({
  csrf,
  values,
  errors,
}: {
  csrf: ReactNode;
  values: Values;
  errors: Record<string, string>;
}) {
  const f = { values, errors };
  return (
    <>
      <h1>我要留言</h1>
      <ErrorList errors={errors} />
      <form method="post" action="/wmly/new" noValidate>
        {csrf}
        <div className="form-group">
          <label htmlFor="f-kind">留言类型</label>
          <select id="f-kind" name="kind" defaultValue={values.kind ?? 'consult'}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <Field name="title" label="留言标题" {...f} />
        <Field
          name="content"
          label="留言内容"
          long
          hint="请写明事项、时间、地点等，便于办理"
          {...f}
        />
        <Field name="location" label="事发地点（选填）" {...f} />
        <Field name="name" label="姓名" {...f} />
        <Field name="phone" label="联系电话" type="tel" hint="用于回访，不会公开" {...f} />
        <fieldset id="f-publishConsent">
          <legend>是否同意公开答复</legend>
          <div className="radios">
            <label>
              <input
                type="radio"
                name="publishConsent"
                value="yes"
                defaultChecked={values.publishConsent === 'yes'}
              />
              同意在网站公开答复（公开时删除个人信息）
            </label>
            <label>
              <input
                type="radio"
                name="publishConsent"
                value="no"
                defaultChecked={values.publishConsent !== 'yes'}
              />
              不同意公开
            </label>
          </div>
        </fieldset>
        <button type="submit">提交留言</button>
      </form>
    </>
  );
}

export interface TrackInfo {
  ticketNo: string;
  title: string;
  receivedOn: string;
  dueOn: string;
  statusLabel: string;
  closed: boolean;
  reply: string | null;
  repliedOn: string | null;
  rated: boolean;
  ratable: boolean;
}

export function TrackView({
  code,
  info,
  flash,
  csrf,
  errors,
}: {
  code: string;
  info: TrackInfo;
  flash?: string;
  csrf: ReactNode;
  errors: Record<string, string>;
}) {
  return (
    <>
      <h1>留言办理情况</h1>
      {flash === 'submitted' ? (
        <div className="notice" role="status">
          <p>留言已提交。请妥善保存查询码：</p>
          <p className="tracking-code">{code}</p>
        </div>
      ) : null}
      {flash === 'rated' ? (
        <div className="notice" role="status">
          <p>感谢您的评价。</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>编号</dt>
        <dd>{info.ticketNo}</dd>
        <dt>标题</dt>
        <dd>{info.title}</dd>
        <dt>留言日期</dt>
        <dd>{formatChineseDate(info.receivedOn)}</dd>
        <dt>办理时限</dt>
        <dd>{formatChineseDate(info.dueOn)}</dd>
        <dt>办理状态</dt>
        <dd>{info.statusLabel}</dd>
        {info.reply ? (
          <>
            <dt>答复</dt>
            <dd>{info.reply}</dd>
          </>
        ) : null}
      </dl>
      <ErrorList errors={errors} />
      {info.rated ? <p>您已对本件留言作出评价。</p> : null}
      {info.ratable ? (
        <RatingForm action={`/wmly/track/${code}/rate`} csrf={csrf} errors={errors} />
      ) : null}
    </>
  );
}

/** The 好差评 form (five levels and an optional comment), posted with the portal CSRF field. */
export function RatingForm({
  action,
  csrf,
  errors,
}: {
  action: string;
  csrf: ReactNode;
  errors: Record<string, string>;
}) {
  return (
    <>
      <h2>办理评价</h2>
      <form method="post" action={action}>
        {csrf}
        <fieldset id="f-score">
          <legend>您对办理结果的评价</legend>
          <div className="radios">
            {SCORES.map((s) => (
              <label key={s.value}>
                <input type="radio" name="score" value={s.value} />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="comment" label="评价意见（选填）" long values={{}} errors={errors} />
        <button type="submit">提交评价</button>
      </form>
    </>
  );
}
