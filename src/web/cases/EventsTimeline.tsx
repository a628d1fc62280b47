import { Empty, Timeline, Typography } from 'antd';
import { dateTime } from '../lib/format.ts';
import type { CaseEvent } from '../lib/types.ts';

function dataSummary(e: CaseEvent): string | null {
  const parts = (e.details ?? []).map((d) => `${d.label}：${d.value}`);
  return parts.length ? parts.join('；') : null;
}

/** The case's record (全过程记录), oldest first. */
export function EventsTimeline({ events }: { events: CaseEvent[] }) {
  if (events.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      items={events.map((e) => {
        const summary = dataSummary(e);
        return {
          key: e.seq,
          title: e.on,
          content: (
            <div>
              <Typography.Text strong>{e.label}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName || '系统'} · 记录于 {dateTime(e.at)}
                </Typography.Text>
              </div>
              {summary && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, margin: 0 }}
                  ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
                >
                  {summary}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
