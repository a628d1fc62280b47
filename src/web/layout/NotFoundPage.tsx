import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTitle } from '../lib/useTitle.ts';

export function NotFoundPage() {
  useTitle('页面不存在');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
