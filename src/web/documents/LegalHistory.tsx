import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { DocumentPayload } from './types.ts';

const KINDS: Record<string, string> = {
  published: '公开发布',
  amended: '被新版本修改',
  abolished: '废止',
  declaredInvalid: '宣布失效',
  expired: '有效期届满失效',
  evaluationDue: '提醒开展后评估',
  evaluated: '后评估',
};
const CONCLUSIONS: Record<string, string> = {
  continue: '继续有效',
  amend: '需要修改',
  abolish: '建议废止',
};

/** The dated events of the document's legal life (the status is derived from them) and its versions. */
export function LegalHistory({
  events,
  versions,
  currentId,
}: Pick<DocumentPayload, 'events' | 'versions'> & { currentId: string }) {
  if (!events.length && versions.length < 2) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>效力沿革与后评估</h2>}>
      {events.length > 0 && (
        <List
          size="small"
          dataSource={events}
          renderItem={(e) => {
            const conclusion = (e.data as { conclusion?: string } | undefined)?.conclusion;
            return (
              <List.Item>
                <Typography.Text>
                  {e.on}　{KINDS[e.kind] ?? e.kind}
                  {conclusion ? `：${CONCLUSIONS[conclusion] ?? conclusion}` : ''}
                  {e.act ? `（${e.act}）` : ''}
                  {e.note ? `　${e.note}` : ''}
                </Typography.Text>
              </List.Item>
            );
          }}
        />
      )}
      {versions.length > 1 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          版本：
          {versions.map((v, i) => (
            <span key={v.id}>
              {i > 0 ? '　' : ''}
              {v.id === currentId ? (
                `第${v.version}版（本页）`
              ) : (
                <Link to={`/documents/${v.id}`}>第{v.version}版</Link>
              )}
              {v.docNumber ? ` ${v.docNumber}` : ''} {v.legalStatusLabel}
            </span>
          ))}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
