import { App, Badge, Button, Dropdown, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage, poll, post } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import type { Notification, Notifications } from '../lib/types.ts';

const key = ['notifications'] as const;
const TAGS: Record<Notification['kind'], string> = {
  overdue: '【已超期】',
  dueSoon: '【即将到期】',
  evaluationDue: '【后评估】',
};
// A 规范性文件 后评估 reminder belongs to a published document (its step id is the document's id), not to an open step.
const targetOf = (n: Notification) =>
  n.kind === 'evaluationDue'
    ? `/documents/${encodeURIComponent(n.stepId)}`
    : `/cases/${encodeURIComponent(n.caseId)}`;

function NotificationLabel({ n }: { n: Notification }) {
  const unread = !n.readAt;
  return (
    <div style={{ maxWidth: 360, whiteSpace: 'normal', padding: '2px 0' }}>
      <Typography.Text
        strong={unread}
        style={{ color: n.kind === 'overdue' ? '#a8071a' : '#7a4100' }}
      >
        {TAGS[n.kind] ?? '【提醒】'}
      </Typography.Text>
      <Typography.Text strong={unread}>{n.message}</Typography.Text>
      {unread && <span className="sr-only">（未读）</span>}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dateTime(n.createdAt)}
        </Typography.Text>
      </div>
    </div>
  );
}

/** Header bell: unread count polled every 60 s (as a background poll); choosing a notification opens its case and marks it read. */
export function NotificationBell() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data } = useQuery({
    queryKey: key,
    // A background poll: the bell keeps no session alive (the idle timeout still logs out an open tab).
    queryFn: ({ signal }) => poll<Notifications>('/api/notifications', undefined, signal),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  const markAll = useMutation({
    mutationFn: () => post('/api/notifications/read-all'),
    onSuccess: () => message.success('已全部标为已读'),
    onError: (err) => message.error(errorMessage(err)),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });

  const unread = data?.unread ?? 0;
  const list = data?.items ?? [];
  const items: MenuProps['items'] = list.length
    ? list.map((n) => ({ key: n.id, label: <NotificationLabel n={n} /> }))
    : [{ key: 'empty', disabled: true, label: '暂无通知' }];
  if (unread > 0) {
    items.push({ type: 'divider' }, { key: 'read-all', label: '全部标为已读' });
  }

  const onClick: MenuProps['onClick'] = ({ key: id }) => {
    if (id === 'read-all') {
      markAll.mutate();
      return;
    }
    const n = list.find((x) => x.id === id);
    if (!n) return;
    if (!n.readAt) markRead.mutate(n.id);
    navigate(targetOf(n));
  };

  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{ items, onClick, style: { maxHeight: 420, overflowY: 'auto' } }}
      placement="bottomRight"
    >
      <Button
        type="text"
        aria-label={unread ? `通知，${unread}条未读` : '通知'}
        style={{ color: '#ffffff' }}
        icon={
          <Badge count={unread} size="small" overflowCount={99} color="#b3261e">
            <BellOutlined style={{ color: '#ffffff', fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
