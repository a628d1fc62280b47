import { Alert, Button, Descriptions, Modal, Typography } from 'antd';

/** Shows a generated initial password once. */
export function InitialPasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title="初始密码"
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="初始密码只显示这一次"
        description="请通过安全渠道交给用户本人。用户首次登录后须立即修改密码。"
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'u', label: '用户名', children: username },
          {
            key: 'p',
            label: '初始密码',
            children: (
              <Typography.Text
                className="mono"
                copyable={{ text: password, tooltips: ['复制', '已复制'] }}
                style={{ fontSize: 16 }}
              >
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
