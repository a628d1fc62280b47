import { useState } from 'react';
import { Form, type UploadFile } from 'antd';
import { ActForm } from '../lib/ActForm.tsx';
import { FileUpload, uploadedIds } from '../lib/FileUpload.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { post } from '../lib/api.ts';

const KINDS = [
  { value: 'document', label: '文书' },
  { value: 'photo', label: '照片' },
  { value: 'audio', label: '录音' },
  { value: 'video', label: '录像' },
  { value: 'other', label: '其他' },
];

/**
 * 全过程记录 (行政处罚法 Art 47): files attached to the act that produced them. Audio and video are
 * streamed to the server (up to the 大文件 limit); each file is attached with its SHA-256, append-only.
 */
export function AttachModal({
  penaltyId,
  events,
  onDone,
  onClose,
}: {
  penaltyId: string;
  events: Array<{ seq: number; label: string; on: string }>;
  onDone: (n: number) => void;
  onClose: () => void;
}) {
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const last = events[events.length - 1];
  return (
    <ActForm
      title="附入全过程记录"
      initialValues={{ eventSeq: last ? String(last.seq) : undefined, kind: 'video' }}
      onClose={onClose}
      onSubmit={async (v: Record<string, unknown>) => {
        const ids = uploadedIds(uploads);
        if (!ids.length) throw new Error('请上传文件');
        for (const fileId of ids)
          await post(`/api/penalties/${penaltyId}/files`, {
            fileId,
            kind: v.kind,
            eventSeq: Number(v.eventSeq),
          });
        onDone(ids.length);
      }}
    >
      {() => (
        <>
          <Form.Item
            label="所属办理环节"
            name="eventSeq"
            rules={[{ required: true, message: '请选择所属办理环节' }]}
          >
            <NativeSelect
              options={events.map((e) => ({
                value: String(e.seq),
                label: `${e.seq}. ${e.label}（${e.on}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            label="材料类型"
            name="kind"
            rules={[{ required: true, message: '请选择材料类型' }]}
          >
            <NativeSelect options={KINDS} />
          </Form.Item>
          <Form.Item
            label="文件"
            required
            extra="录音录像可达设置的大文件上限，边上传边保存；附入后只增不改"
          >
            <FileUpload files={uploads} onChange={setUploads} buttonLabel="上传文件" large />
          </Form.Item>
        </>
      )}
    </ActForm>
  );
}
