import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCurrentSession } from '../lib/session.ts';
import { oversized, useFileLimit } from '../disclosure/publications/queries.ts';

/** 送审材料: each file goes to /api/files (size limit there); the caller sends the ids of the uploaded ones. */
export function MaterialsUpload({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
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
      <Button icon={<UploadOutlined />}>上传材料</Button>
    </Upload>
  );
}

export const uploadedIds = (files: UploadFile[]) => files.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id);
