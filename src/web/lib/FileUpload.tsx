import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';
import { useCurrentSession } from './session.ts';
import { oversized } from '../disclosure/publications/queries.ts';

interface Limits {
  maxBytes: number;
  label: string;
  largeMaxBytes: number;
  largeLabel: string;
}

/**
 * Files uploaded one by one to /api/files, or streamed to /api/files/stream when `large` (audio and
 * video, up to the 大文件 limit); oversized ones are refused before sending, the server checks again.
 * The form sends the ids of the uploaded ones (uploadedIds).
 */
export function FileUpload({
  files,
  onChange,
  buttonLabel = '上传文件',
  large = false,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  buttonLabel?: string;
  large?: boolean;
}) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  const limits = useQuery({
    queryKey: ['files', 'limits', 'all'],
    queryFn: () => get<Limits>('/api/files/limits'),
    staleTime: 60_000,
  }).data;
  const limit =
    limits && (large ? { maxBytes: limits.largeMaxBytes, label: limits.largeLabel } : limits);
  return (
    <Upload
      beforeUpload={(file) => {
        const problem = oversized(file, limit);
        if (!problem) return true;
        message.error(problem);
        return Upload.LIST_IGNORE;
      }}
      action={large ? '/api/files/stream' : '/api/files'}
      name="file"
      headers={{ 'x-csrf-token': session.csrfToken }}
      withCredentials
      fileList={files}
      onChange={({ fileList }) =>
        onChange(
          fileList.map((f) =>
            f.status === 'error'
              ? {
                  ...f,
                  response:
                    (f.response as { error?: { message: string } })?.error?.message ?? '上传失败',
                }
              : f,
          ),
        )
      }
    >
      <Button icon={<UploadOutlined />}>{buttonLabel}</Button>
    </Upload>
  );
}

export const uploadedIds = (files: UploadFile[]) =>
  files.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id);
