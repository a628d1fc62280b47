import { SettingsFormCard } from './SettingsFormCard.tsx';
import { settingsKey } from './types.ts';

/** An upload limit ({ maxBytes }): asked in MB or GB as the server's form declares it. */
function LimitCard({
  setting,
  title,
  hint,
  saved,
  invalidate,
}: {
  setting: string;
  title: string;
  hint: string;
  saved: string;
  invalidate: string[];
}) {
  const key = settingsKey(setting);
  return (
    <SettingsFormCard
      path={`/api/settings/${setting}`}
      queryKey={key}
      title={title}
      hint={hint}
      name={setting.replace('/', '-')}
      saved={saved}
      width={200}
      afterSave={async (reply, client) => {
        client.setQueryData(key, reply);
        await Promise.all(invalidate.map((k) => client.invalidateQueries({ queryKey: [k] })));
      }}
    />
  );
}

/** The upload limit for attachments and released files (the server's multipart ceiling is 200 MB). */
export function FileLimitCard() {
  return (
    <LimitCard
      setting="files"
      title="附件大小上限"
      hint="适用于主动公开信息的附件和依申请公开答复提供的文件；超过上限的文件不能上传。"
      saved="附件大小上限已保存"
      invalidate={['publications', 'files']}
    />
  );
}

/** The ceiling of streamed audio and video (全过程记录), in GB. */
export function LargeFileLimitCard() {
  return (
    <LimitCard
      setting="files/large"
      title="音视频等大文件上限"
      hint="适用于行政执法全过程记录的录音录像等大文件，边上传边保存，不占用服务器内存。"
      saved="大文件大小上限已保存"
      invalidate={['files']}
    />
  );
}
