import { useId, useState } from 'react';
import { Alert, App } from 'antd';
import { useCurrentSession } from '../lib/session.ts';

/** A labelled native file input that posts one file as multipart; the server's Chinese error (every bad row) is shown. */
export function ImportButton({
  label,
  url,
  accept,
  onDone,
}: {
  label: string;
  url: string;
  accept: string;
  onDone: (r: { imported: number }) => void;
}) {
  const id = useId();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(file: File) {
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': session.csrfToken ?? '' },
      });
      const body = await res.json();
      if (!res.ok) setError(body?.error?.message ?? `导入失败（${res.status}）`);
      else {
        message.success(`已导入${body.imported}条`);
        onDone(body);
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <span>
      <label htmlFor={id} style={{ marginRight: 8 }}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={busy}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void send(f);
        }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </span>
  );
}
