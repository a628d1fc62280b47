import { Space, Tag } from 'antd';
import { dateTime } from '../lib/format.ts';
import type { AdminUser } from '../lib/types.ts';
import { isLocked } from './queries.ts';

const green = { color: '#146c2e', background: '#e6f4ea', borderColor: '#a8dab5' };
const grey = { color: '#4d4d4d', background: '#f5f5f5', borderColor: '#d9d9d9' };
const red = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const amber = { color: '#7a4100', background: '#fff7e6', borderColor: '#ffc069' };

export function UserStatus({ user }: { user: AdminUser }) {
  return (
    <Space size={4} wrap>
      <Tag style={user.active ? green : grey}>{user.active ? '启用' : '停用'}</Tag>
      {isLocked(user) && <Tag style={red}>锁定至 {dateTime(user.lockedUntil)}</Tag>}
      {user.mustChangePassword && <Tag style={amber}>待修改密码</Tag>}
    </Space>
  );
}
