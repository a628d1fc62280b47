import type { ReactNode } from 'react';
import { Alert, Button, Card, Space, Tooltip } from 'antd';
import type { Field } from './FormModal.tsx';
import type { DocumentPayload } from './types.ts';
import { filled, type FormFill } from '../lib/forms.ts';

/** An act of the document page that opens a form: its fields, where it posts, how values become the body. */
export interface Pending {
  title: string;
  fields: Field[];
  path: string;
  body?: (v: Record<string, string>) => unknown;
}

export const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/**
 * The 办理 card: the acts the server offers (abilities and the engine's allowed actions), each a form or a
 * confirmed direct act, and the blocked ones with the reason.
 */
export function DocumentActs({
  data,
  ask,
  direct,
}: {
  data: DocumentPayload;
  ask: (p: Pending, primary?: boolean) => ReactNode;
  direct: (label: string, path: string) => ReactNode;
}) {
  const a = data.abilities;
  const today = data.procedure.today;
  // The forms' fields as the server declares them (documents/forms.ts); the page adds initial values.
  const form = (k: string, fill?: FormFill) => filled(data.forms[k] ?? [], fill);
  const engine = a.engineActions.map((x) =>
    ask({
      title: x.label,
      path: '/act',
      fields: [...form('act', { initial: { on: today } }), ...x.fields],
      body: ({ on, ...rest }) => ({ action: x.action, on, data: rest }),
    }),
  );
  return (
    <Card title={h2('办理')}>
      <Space wrap>
        {a.openComment &&
          ask({
            title: '公开征求意见',
            path: '/comment/open',
            fields: form('openComment', { initial: { startOn: today } }),
          })}
        {a.closeComment && direct('结束征求意见', '/comment/close')}
        {a.publishFeedback && direct('公布意见采纳情况', '/comment/feedback')}
        {engine}
        {a.decideAt &&
          (a.decideAt.length ? (
            ask({ title: '集体审议决定', path: '/decide', fields: form('decide') })
          ) : (
            <Tooltip title="请先在会议管理中将本文件列入会议议题，并在会后登记会议记录">
              <Button disabled>集体审议决定</Button>
            </Tooltip>
          ))}
        {a.assignNumber && ask({ title: '统一登记编号', path: '/number', fields: form('number') })}
        {a.publish && ask({ title: '公开发布', path: '/publish', fields: form('publish') })}
        {a.file && ask({ title: '报送备案', path: '/filing', fields: form('filing') })}
        {a.amend && direct('启动修改（生成新版本）', '/amend')}
        {a.evaluate &&
          ask(
            {
              title: '后评估',
              path: '/evaluation',
              fields: form('evaluation', { initial: { on: today } }),
            },
            false,
          )}
        {a.end &&
          ask(
            {
              title: '废止或宣布失效',
              path: '/end',
              fields: form('end', { initial: { on: today } }),
            },
            false,
          )}
        {data.procedure.blocked.map((b) => (
          <Tooltip key={b.action} title={b.reason}>
            <Button disabled>{b.label}</Button>
          </Tooltip>
        ))}
      </Space>
      {data.procedure.blocked.length > 0 && (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          title="以下操作暂不能办理"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {data.procedure.blocked.map((b) => (
                <li key={b.action}>
                  {b.label}：{b.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
