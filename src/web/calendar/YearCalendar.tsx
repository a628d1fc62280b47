import { useMemo, useState } from 'react';
import { Button, Calendar, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE } from '../lib/format.ts';
import type { CalendarDay } from '../lib/types.ts';

const holidayStyle = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const workdayStyle = { color: '#0842a0', background: '#e8f0fe', borderColor: '#a8c7fa' };

function DayCell({
  date,
  day,
  inMonth,
}: {
  date: Dayjs;
  day: CalendarDay | undefined;
  inMonth: boolean;
}) {
  const holiday = day?.kind === 'holiday';
  const makeUp = day?.kind === 'workday';
  return (
    <div
      title={
        day
          ? `${date.format('M月D日')} ${day.name}${holiday ? '（休）' : '（调休上班）'}`
          : undefined
      }
      style={{
        position: 'relative',
        margin: '0 auto',
        width: 36,
        lineHeight: '24px',
        borderRadius: 4,
        opacity: inMonth ? 1 : 0.45,
        color: holiday ? '#a8071a' : undefined,
        background: holiday ? '#fff1f0' : makeUp ? '#e8f0fe' : undefined,
        fontWeight: day ? 600 : undefined,
      }}
    >
      {date.date()}
      {(holiday || makeUp) && (
        <span
          aria-hidden
          style={{
            position: 'absolute',
            top: -6,
            right: -6,
            fontSize: 10,
            lineHeight: '12px',
            color: holiday ? '#a8071a' : '#0842a0',
          }}
        >
          {holiday ? '休' : '班'}
        </span>
      )}
    </div>
  );
}

/** A month view (holidays red with 休, make-up working days marked 班) and the full list for the year. */
export function YearCalendar({ year, days }: { year: number; days: CalendarDay[] }) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const firstMarked = days.find((d) => d.kind === 'holiday')?.date;
  const [value, setValue] = useState<Dayjs>(() =>
    firstMarked ? dayjs(firstMarked) : dayjs(`${year}-01-01`),
  );
  const shown = value.year() === year ? value : dayjs(`${year}-01-01`);

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={12}>
        <div style={{ border: '1px solid #e5e7eb', borderRadius: 4 }}>
          <Calendar
            fullscreen={false}
            value={shown}
            onChange={setValue}
            validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
            headerRender={({ value: v, onChange }) => (
              <Flex justify="space-between" align="center" style={{ padding: '8px 12px' }}>
                <Button
                  icon={<LeftOutlined />}
                  aria-label="上个月"
                  disabled={v.month() === 0}
                  onClick={() => onChange(v.subtract(1, 'month'))}
                />
                <Typography.Text strong aria-live="polite">
                  {v.format('YYYY年M月')}
                </Typography.Text>
                <Button
                  icon={<RightOutlined />}
                  aria-label="下个月"
                  disabled={v.month() === 11}
                  onClick={() => onChange(v.add(1, 'month'))}
                />
              </Flex>
            )}
            fullCellRender={(date, info) =>
              info.type === 'date' ? (
                <DayCell
                  date={date}
                  day={byDate.get(date.format(DATE))}
                  inMonth={date.month() === shown.month()}
                />
              ) : (
                info.originNode
              )
            }
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          <Tag style={holidayStyle}>休</Tag>法定节假日　<Tag style={workdayStyle}>班</Tag>调休上班
        </Typography.Paragraph>
      </Col>
      <Col xs={24} lg={12}>
        {/* The list scrolls inside a region keyboard users can focus and scroll (axe scrollable-region-focusable). */}
        <div
          tabIndex={0}
          role="region"
          aria-label={`${year}年节假日和调休列表`}
          style={{ maxHeight: 400, overflowY: 'auto' }}
        >
          <Table<CalendarDay>
            rowKey="date"
            size="small"
            dataSource={days}
            pagination={false}
            locale={{ emptyText: '该年度没有节假日或调休数据' }}
            columns={[
              {
                title: '日期',
                dataIndex: 'date',
                render: (d: string) => `${d}（${dayjs(d).format('ddd')}）`,
              },
              { title: '名称', dataIndex: 'name' },
              {
                title: '类型',
                dataIndex: 'kind',
                render: (k: CalendarDay['kind']) => (
                  <Tag style={k === 'holiday' ? holidayStyle : workdayStyle}>
                    {k === 'holiday' ? '放假' : '调休上班'}
                  </Tag>
                ),
              },
              {
                title: '来源',
                dataIndex: 'source',
                render: (s: CalendarDay['source']) =>
                  s === 'builtin' ? '内置' : s === 'statutory' ? '按放假办法暂定' : '通知录入',
              },
            ]}
          />
        </div>
      </Col>
    </Row>
  );
}
