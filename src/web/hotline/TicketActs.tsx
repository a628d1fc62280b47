import { Button, Space } from 'antd';
import type { StepField } from '../decisions/StepModal.tsx';
import { filled } from '../lib/forms.ts';
import type { TicketPayload } from './types.ts';

/** An act of the ticket page that opens a form: its fields, where it posts, how values become the body. */
export interface Pending {
  title: string;
  path: string;
  fields: StepField[];
  body: (v: Record<string, unknown>) => unknown;
}

type Act = keyof TicketPayload['abilities'];
/** Each act: its button, the form's title, whether it is the page's main act. */
const ACTS: Array<[Act, string, string, boolean?]> = [
  ['sign', '签收', '签收', true],
  ['assign', '交办科室', '交办科室'],
  ['dispute', '退单', '退单（派单异议）'],
  ['requestExtension', '申请延期', '申请延期'],
  ['approveExtension', '审批延期', '审批延期'],
  ['reply', '答复', '答复', true],
  ['visit', '登记回访', '登记回访结果'],
  ['reopen', '重新办理', '重新办理'],
  ['merge', '并单', '并单'],
  ['convert', '转其他程序', '转其他程序办理'],
  ['publish', '在门户网站公开答复', '公开答复'],
];
// Acts with a route of their own; the others post to /act with their action.
const PATHS: Partial<Record<Act, string>> = { convert: '/convert', publish: '/publish' };

/**
 * The ticket's act buttons: those the server's abilities allow, each opening its form with the fields
 * the server declares (data.forms); the page adds only the initial values.
 */
export function TicketActs({ data, open }: { data: TicketPayload; open: (p: Pending) => void }) {
  const initial = (act: Act) => ({
    on: data.today,
    decision: act === 'approveExtension' ? 'approved' : undefined,
    text: act === 'publish' ? (data.ticket.replyText ?? undefined) : undefined,
  });
  return (
    <Space wrap>
      {ACTS.filter(([act]) => data.abilities[act]).map(([act, button, title, primary]) => (
        <Button
          key={act}
          type={primary ? 'primary' : undefined}
          onClick={() =>
            open({
              title,
              path: PATHS[act] ?? '/act',
              fields: filled(data.forms[act] ?? [], { initial: initial(act) }),
              body: PATHS[act] ? (v) => v : (v) => ({ action: act, ...v }),
            })
          }
        >
          {button}
        </Button>
      ))}
    </Space>
  );
}
