import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import type { DocumentPayload } from './types.ts';

/** Uploads a .docx (stored by /api/files, size limits there) and makes it the draft's text: kept as the file, its text extracted. */
export function SourceUpload({
  documentId,
  onDone,
}: {
  documentId: string;
  onDone: (res: DocumentPayload) => void;
}) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  return (
    <Upload
      action="/api/files"
      name="file"
      accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      headers={{ 'x-csrf-token': session.csrfToken }}
      withCredentials
      showUploadList={false}
      onChange={({ file }) => {
        if (file.status === 'done') {
          post<DocumentPayload>(`/api/documents/${documentId}/source`, {
            fileId: (file.response as { id: string }).id,
          }).then(onDone, (e) => message.error(errorMessage(e)));
        } else if (file.status === 'error') {
          message.error(
            (file.response as { error?: { message: string } })?.error?.message ?? '上传失败',
          );
        }
      }}
    >
      <Button icon={<UploadOutlined />}>上传正文（.docx）</Button>
    </Upload>
  );
}
