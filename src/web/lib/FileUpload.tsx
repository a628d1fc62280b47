import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCurrentSession } from './session.ts';
import { oversized, useFileLimit } from '../disclosure/publications/queries.ts';

/**
 * Files uploaded one by one to /api/files (oversized ones refused before sending, the server checks
 * again); the form sends the ids of the uploaded ones (uploadedIds).
 */
export function FileUpload({ files, onChange, buttonLabel = '上传文件' }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void; buttonLabel?: string }) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  const limit = useFileLimit().data;
  return (
    <Upload
      beforeUpload={(file) => {
        const problem = oversized(file, limit);
        if (!problem) return true;
        message.error(problem);
        return Upload.LIST_IGNORE;
      }}
      action="/api/files"
      name="file"
      headers={{ 'x-csrf-token': session.csrfToken }}
      withCredentials
      fileList={files}
      onChange={({ fileList }) => onChange(fileList.map((f) => (f.status === 'error' ? { ...f, response: (f.response as { error?: { message: string } })?.error?.message ?? '上传失败' } : f)))}
    >
      <Button icon={<UploadOutlined />}>{buttonLabel}</Button>
    </Upload>
  );
}

export const uploadedIds = (files: UploadFile[]) => files.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id);
