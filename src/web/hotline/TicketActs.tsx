import { Button, Space } from 'antd';
import type { StepField } from '../decisions/StepModal.tsx';
import { useLabels } from '../lib/labels.ts';
import type { TicketPayload } from './types.ts';

/** An act of the ticket page that opens a form: its fields, where it posts, how values become the body. */
export interface Pending {
  title: string;
  path: string;
  fields: StepField[];
  body: (v: Record<string, unknown>) => unknown;
}

/** The ticket's act buttons: those the server's abilities allow, each opening its form. */
export function TicketActs({
  data,
  on,
  act,
  open,
}: {
  data: TicketPayload;
  /** The 办理日期 field every act starts with. */
  on: StepField;
  act: (
    title: string,
    action: string,
    fields?: StepField[],
    body?: (v: Record<string, unknown>) => Record<string, unknown>,
  ) => void;
  open: (p: Pending) => void;
}) {
  const labels = useLabels('hotline');
  const t = data.ticket;
  const a = data.abilities;
  const divisions = data.divisions.map((d) => ({ value: d.id, label: d.name }));
  return (
    <Space wrap>
      {a.sign && (
        <Button type="primary" onClick={() => act('签收', 'sign')}>
          签收
        </Button>
      )}
      {a.assign && (
        <Button
          onClick={() =>
            act(
              '交办科室',
              'assign',
              [
                {
                  name: 'orgId',
                  label: '主办科室',
                  type: 'select',
                  required: true,
                  options: divisions,
                },
                { name: 'coOrgId', label: '协办科室', type: 'select', options: divisions },
              ],
              ({ coOrgId, ...v }) => ({ ...v, coOrgIds: coOrgId ? [coOrgId] : [] }),
            )
          }
        >
          交办科室
        </Button>
      )}
      {a.dispute && (
        <Button
          onClick={() =>
            act('退单（派单异议）', 'dispute', [
              { name: 'reason', label: '退单理由', type: 'textarea', required: true },
            ])
          }
        >
          退单
        </Button>
      )}
      {a.requestExtension && (
        <Button
          onClick={() =>
            act('申请延期', 'requestExtension', [
              { name: 'dueOn', label: '申请延长至', type: 'date', required: true },
              { name: 'reason', label: '延期理由', type: 'textarea', required: true },
            ])
          }
        >
          申请延期
        </Button>
      )}
      {a.approveExtension && (
        <Button
          onClick={() =>
            act('审批延期', 'approveExtension', [
              {
                name: 'decision',
                label: '审批意见',
                type: 'select',
                required: true,
                options: [
                  { value: 'approved', label: '同意' },
                  { value: 'rejected', label: '不同意' },
                ],
                initial: 'approved',
              },
              { name: 'reason', label: '审批说明', type: 'textarea' },
            ])
          }
        >
          审批延期
        </Button>
      )}
      {a.reply && (
        <Button
          type="primary"
          onClick={() =>
            act('答复', 'reply', [
              { name: 'text', label: '答复内容', type: 'textarea', required: true },
            ])
          }
        >
          答复
        </Button>
      )}
      {a.visit && (
        <Button
          onClick={() =>
            act('登记回访结果', 'visit', [
              {
                name: 'satisfaction',
                label: '满意度',
                type: 'select',
                required: true,
                options: labels.choices('satisfaction'),
              },
              { name: 'note', label: '回访情况', type: 'textarea' },
            ])
          }
        >
          登记回访
        </Button>
      )}
      {a.reopen && (
        <Button
          onClick={() =>
            act('重新办理', 'reopen', [
              { name: 'reason', label: '重新办理原因', type: 'textarea', required: true },
            ])
          }
        >
          重新办理
        </Button>
      )}
      {a.merge && (
        <Button
          onClick={() =>
            act('并单', 'merge', [{ name: 'intoTicketNo', label: '并入工单编号', required: true }])
          }
        >
          并单
        </Button>
      )}
      {a.convert && (
        <Button
          onClick={() =>
            open({
              title: '转其他程序办理',
              path: '/convert',
              fields: [
                on,
                {
                  name: 'target',
                  label: '转入程序',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'disclosure', label: '政府信息公开申请' },
                    { value: 'petition', label: '信访事项' },
                  ],
                },
              ],
              body: (v) => v,
            })
          }
        >
          转其他程序
        </Button>
      )}
      {a.publish && (
        <Button
          onClick={() =>
            open({
              title: '公开答复',
              path: '/publish',
              fields: [
                {
                  name: 'text',
                  label: '公开的答复内容',
                  type: 'textarea',
                  required: true,
                  initial: t.replyText ?? '',
                  help: '公开前请删除诉求人的姓名、电话、证件号码等个人信息',
                },
              ],
              body: (v) => v,
            })
          }
        >
          在门户网站公开答复
        </Button>
      )}
    </Space>
  );
}
