import { useState } from 'react';
import { Form, type UploadFile } from 'antd';
import { ActForm, type FormField } from '../lib/ActForm.tsx';
import { FileUpload, uploadedIds } from '../lib/FileUpload.tsx';
import { filled } from '../lib/forms.ts';
import { post } from '../lib/api.ts';

/**
 * 全过程记录 (行政处罚法 Art 47): files attached to the act that produced them. Audio and video are
 * streamed to the server (up to the 大文件 limit); each file is attached with its SHA-256, append-only.
 * The fields are the server's (`forms.attach` of the case view); the act is chosen among the case's.
 */
export function AttachModal({
  penaltyId,
  events,
  fields,
  onDone,
  onClose,
}: {
  penaltyId: string;
  events: Array<{ seq: number; label: string; on: string }>;
  fields: FormField[];
  onDone: (n: number) => void;
  onClose: () => void;
}) {
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const last = events[events.length - 1];
  const acts = events.map((e) => ({
    value: String(e.seq),
    label: `${e.seq}. ${e.label}（${e.on}）`,
  }));
  // The act a file belongs to is one of the case's, offered as a select of their numbers.
  const shown = filled(fields, {
    initial: { eventSeq: last ? String(last.seq) : undefined, kind: 'video' },
    options: { eventSeq: acts },
  }).map((f) => (f.name === 'eventSeq' ? { ...f, type: 'select' as const } : f));
  return (
    <ActForm
      title="附入全过程记录"
      fields={shown}
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
