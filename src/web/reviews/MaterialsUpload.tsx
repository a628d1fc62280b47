import type { UploadFile } from 'antd';
import { FileUpload } from '../lib/FileUpload.tsx';

export { uploadedIds } from '../lib/FileUpload.tsx';

/** 送审材料 (and other evidence files of a procedure): stored files uploaded one by one. */
export function MaterialsUpload({
  files,
  onChange,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
}) {
  return <FileUpload files={files} onChange={onChange} buttonLabel="上传材料" />;
}
