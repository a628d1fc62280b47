import type { ReactNode } from 'react';
import { Alert, Button, Card, Space, Tooltip } from 'antd';
import type { Field } from './FormModal.tsx';
import type { DocumentPayload } from './types.ts';

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
  const engine = a.engineActions.map((x) =>
    ask({
      title: x.label,
      path: '/act',
      fields: [
        { name: 'on', label: '办理日期', type: 'date', required: true, initial: today },
        ...x.fields,
      ],
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
            fields: [
              {
                name: 'startOn',
                label: '开始日期',
                type: 'date',
                required: true,
                initial: today,
              },
              {
                name: 'endOn',
                label: '截止日期',
                type: 'date',
                required: true,
                help: '一般不少于7个工作日；涉及市场主体的不少于30日',
              },
            ],
          })}
        {a.closeComment && direct('结束征求意见', '/comment/close')}
        {a.publishFeedback && direct('公布意见采纳情况', '/comment/feedback')}
        {engine}
        {a.decideAt &&
          (a.decideAt.length ? (
            ask({
              title: '集体审议决定',
              path: '/decide',
              fields: [
                {
                  name: 'meetingId',
                  label: '会议',
                  type: 'select',
                  required: true,
                  options: a.decideAt.map((m) => ({
                    value: m.id,
                    label: `${m.name}（${m.meetingOn}）`,
                  })),
                  help: '已召开并将本文件列入议题的会议',
                },
                {
                  name: 'decision',
                  label: '审议结果',
                  type: 'select',
                  required: true,
                  options: a.decideOptions,
                },
                {
                  name: 'minutes',
                  label: '会议纪要摘录',
                  type: 'textarea',
                  help: '留空则采用会议记录中的会议纪要',
                },
              ],
            })
          ) : (
            <Tooltip title="请先在会议管理中将本文件列入会议议题，并在会后登记会议记录">
              <Button disabled>集体审议决定</Button>
            </Tooltip>
          ))}
        {a.assignNumber &&
          ask({
            title: '统一登记编号',
            path: '/number',
            fields: [
              {
                name: 'docNumber',
                label: '文号',
                help: '留空则按机关代字自动编号，如 科规〔2025〕3号',
              },
              { name: 'registrationNumber', label: '统一登记号' },
            ],
          })}
        {a.publish &&
          ask({
            title: '公开发布',
            path: '/publish',
            fields: [
              { name: 'interpretation', label: '政策解读', type: 'textarea', required: true },
              { name: 'effectiveOn', label: '施行日期', type: 'date' },
              {
                name: 'validUntil',
                label: '有效期至',
                type: 'date',
                help: '留空为最长有效期（5年；试行、暂行2年）',
              },
              { name: 'keywords', label: '关键词' },
            ],
          })}
        {a.file &&
          ask({
            title: '报送备案',
            path: '/filing',
            fields: [{ name: 'filingNo', label: '备案登记号' }],
          })}
        {a.amend && direct('启动修改（生成新版本）', '/amend')}
        {a.evaluate &&
          ask(
            {
              title: '后评估',
              path: '/evaluation',
              fields: [
                { name: 'on', label: '评估日期', type: 'date', required: true, initial: today },
                {
                  name: 'conclusion',
                  label: '评估结论',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'continue', label: '继续有效' },
                    { value: 'amend', label: '需要修改' },
                    { value: 'abolish', label: '建议废止' },
                  ],
                },
                { name: 'evaluation', label: '评估情况', type: 'textarea', required: true },
              ],
            },
            false,
          )}
        {a.end &&
          ask(
            {
              title: '废止或宣布失效',
              path: '/end',
              fields: [
                {
                  name: 'kind',
                  label: '决定类型',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'abolished', label: '废止' },
                    { value: 'declaredInvalid', label: '宣布失效' },
                  ],
                },
                { name: 'on', label: '决定日期', type: 'date', required: true, initial: today },
                { name: 'act', label: '决定依据（文号或会议）', required: true },
                { name: 'note', label: '说明', type: 'textarea' },
              ],
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
