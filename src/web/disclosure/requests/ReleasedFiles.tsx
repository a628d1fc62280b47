import { App, Button, List, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage, post } from '../../lib/api.ts';
import { useCurrentSession } from '../../lib/session.ts';
import { oversized, useFileLimit } from '../publications/queries.ts';

/** Files released to the applicant: uploaded through /api/files (size limits there), then linked to the request. */
export function ReleasedFiles({
  id,
  files,
  canAdd,
  onDone,
}: {
  id: string;
  files: Array<{ id: string; name: string; size: number }>;
  canAdd: boolean;
  onDone: () => void;
}) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  const limit = useFileLimit().data;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        提供的政府信息
      </Typography.Title>
      <List
        size="small"
        locale={{ emptyText: '暂无' }}
        dataSource={files}
        renderItem={(f) => (
          <List.Item>
            <a href={`/api/files/${f.id}`}>{f.name}</a>（{Math.max(1, Math.round(f.size / 1024))}{' '}
            KB）
          </List.Item>
        )}
      />
      {canAdd && (
        <Upload
          action="/api/files"
          name="file"
          headers={{ 'x-csrf-token': session.csrfToken }}
          withCredentials
          showUploadList={false}
          beforeUpload={(file) => {
            const problem = oversized(file, limit);
            if (!problem) return true;
            message.error(problem);
            return Upload.LIST_IGNORE;
          }}
          onChange={({ file }) => {
            if (file.status === 'done') {
              post(`/api/disclosure/requests/${id}/files`, {
                fileIds: [(file.response as { id: string }).id],
              }).then(onDone, (e) => message.error(errorMessage(e)));
            } else if (file.status === 'error') {
              message.error(
                (file.response as { error?: { message: string } })?.error?.message ?? '上传失败',
              );
            }
          }}
        >
          <Button icon={<UploadOutlined />}>上传并添加</Button>
          {limit ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              单个文件不超过 {limit.label}
            </Typography.Text>
          ) : null}
        </Upload>
      )}
    </div>
  );
}
