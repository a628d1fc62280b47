import { useState } from 'react';
import { Alert, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/api.ts';
import type { CalendarYear, Worklist } from '../lib/types.ts';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { DueCalculator } from './DueCalculator.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { YearCalendar } from './YearCalendar.tsx';
import { draftFromDays, emptyDraft } from './noticeDraft.ts';
import { useCalendarDays, useCalendarYears, yearStatus } from './queries.ts';

const h2 = { fontSize: 16, margin: 0 };

function YearBadge({ y }: { y: CalendarYear }) {
  const style =
    y.source === 'none'
      ? { color: '#7a4100', background: '#fff7e6', borderColor: '#ffc069' }
      : { color: '#146c2e', background: '#e6f4ea', borderColor: '#a8dab5' };
  return <Tag style={style}>{yearStatus(y)}</Tag>;
}

function CalendarScreen() {
  const client = useQueryClient();
  const years = useCalendarYears();
  const items = years.data?.items ?? [];
  const thisYear = new Date().getFullYear();
  const [picked, setPicked] = useState<number | null>(null);
  const year =
    picked ?? items.find((y) => y.year === thisYear)?.year ?? items[items.length - 1]?.year ?? null;
  const info = items.find((y) => y.year === year);
  const days = useCalendarDays(year);
  const today = client.getQueryData<Worklist>(['worklist'])?.today;

  return (
    <>
      <PageHeader title="工作日历" subTitle="法定节假日与调休安排；期限按此日历计算工作日" />
      {years.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(years.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={<h2 style={h2}>年度日历</h2>}
          extra={
            <Space wrap>
              <label htmlFor="calendar-year">年度</label>
              {/* A native select: antd's Select leaves an unnamed hidden listbox that fails axe. */}
              <select
                id="calendar-year"
                className="year-select"
                value={year ?? ''}
                onChange={(e) => setPicked(Number(e.target.value))}
              >
                {items.map((y) => (
                  <option key={y.year} value={y.year}>
                    {y.year}年
                  </option>
                ))}
              </select>
              {info && <YearBadge y={info} />}
            </Space>
          }
        >
          {info && !info.official && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${info.year}年尚无官方节假日数据`}
              description="落在该年度的期限暂按《全国年节及纪念日放假办法》计算并标记为“暂定”：第二条规定的节日放假，适逢周末的在其后的工作日补假（第六条），调休无法预知、不计入。国务院办公厅发布放假通知后，请在下方录入，系统将以通知替代上述暂定安排并重新计算所有未结期限。"
            />
          )}
          {days.error && <Alert type="error" showIcon title={errorMessage(days.error)} />}
          {days.isPending || year === null ? (
            <Skeleton active />
          ) : (
            days.data && <YearCalendar key={year} year={year} days={days.data.items} />
          )}
        </Card>
        {year !== null && (
          <Card title={<h2 style={h2}>录入国务院放假通知（{year}年）</h2>}>
            <Typography.Paragraph type="secondary">
              按通知原文录入各节日的放假起止日期和调休上班日。保存后覆盖该年度已录入的通知，并重新计算受影响的未结期限。
            </Typography.Paragraph>
            {days.data ? (
              <NoticeForm
                key={`${year}-${info?.source}-${days.dataUpdatedAt}`}
                year={year}
                initial={
                  info?.source === 'notice'
                    ? draftFromDays(
                        days.data.items.filter((d) => d.source === 'override'),
                        info.noticeTitle,
                      )
                    : emptyDraft(year)
                }
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        )}
        <Card title={<h2 style={h2}>期限试算</h2>}>
          <DueCalculator today={today} />
        </Card>
      </Space>
    </>
  );
}

export default function CalendarPage() {
  return (
    <RequireAbility ability="editCalendar">
      <CalendarScreen />
    </RequireAbility>
  );
}
