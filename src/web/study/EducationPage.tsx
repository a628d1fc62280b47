import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, App, Button, Card, Space, Spin, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post, put } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useReportYear, YearSelect } from '../reports/YearSelect.tsx';
import type { Overview } from './types.ts';
import { PlanTopics } from './PlanTopics.tsx';

const box = {
  display: 'flex',
  flexWrap: 'wrap' as const,
  gap: 12,
  alignItems: 'flex-end',
  marginTop: 12,
};
const input = { height: 32, padding: '0 8px' };
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
const names = (s: string) =>
  s
    .split(/[\s,，、;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 学法普法: the 学法计划, trainings (hours per person), exams (rates computed), the 普法责任清单, publicity events. */
export default function EducationPage() {
  const [year, setYear] = useReportYear();
  const client = useQueryClient();
  const { message } = App.useApp();
  const key = ['study', year];
  const { data, isPending } = useQuery({
    queryKey: key,
    queryFn: () => get<Overview>('/api/study', { year }),
  });
  const [error, setError] = useState('');
  if (isPending || !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const submit = (build: (f: FormData) => Promise<unknown>) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    const f = new FormData(el);
    setError('');
    void build(f)
      .then(async () => {
        el.reset();
        message.success('已保存');
        await client.invalidateQueries({ queryKey: key });
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  };
  const s = (f: FormData, k: string) => String(f.get(k) ?? '');
  const field = (label: string, name: string, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}{' '}
      {extra.type === 'date' ? (
        <DateField name={name} style={{ width: 150 }} />
      ) : (
        <input name={name} style={{ ...input, width: 160 }} {...extra} />
      )}
    </label>
  );
  return (
    <>
      <PageHeader
        title="学法普法"
        subTitle="学法计划、法治培训、法律知识考试、普法责任清单和普法宣传活动；年度报告据此生成"
        extra={<YearSelect label="年度" year={year} onChange={setYear} />}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        <Card title={h2('年度学法计划')}>
          {data.plan ? (
            <p>
              {data.plan.title}（{data.plan.issuedOn}印发）：会前学法目标
              {data.plan.preMeetingTarget}次，已开展
              {data.sessions.filter((x) => x.kind === 'preMeeting').length}次；培训学时目标每人
              {data.plan.trainingHoursTarget}学时。
            </p>
          ) : (
            <p>本年度尚未登记学法计划。</p>
          )}
          <form
            aria-label="登记学法计划"
            style={box}
            onSubmit={submit((f) =>
              put('/api/study/plan', {
                year,
                title: s(f, 'title'),
                issuedOn: s(f, 'issuedOn'),
                preMeetingTarget: Number(s(f, 'pre')),
                trainingHoursTarget: Number(s(f, 'hours')),
              }),
            )}
          >
            {field('计划名称', 'title', { required: true })}
            {field('印发日期', 'issuedOn', { type: 'date', required: true })}
            {field('会前学法次数目标', 'pre', { type: 'number', min: 0, defaultValue: 4 })}
            {field('年度培训学时目标', 'hours', { type: 'number', min: 0, defaultValue: 40 })}
            <Button htmlType="submit">保存计划</Button>
          </form>
          <h3 style={{ fontSize: 14, margin: '16px 0 8px' }}>学习安排（按季度）</h3>
          <PlanTopics
            data={data}
            onSave={(topics) => {
              setError('');
              return put('/api/study/plan/topics', { year, topics })
                .then(async () => {
                  message.success('已保存学习安排');
                  await client.invalidateQueries({ queryKey: key });
                })
                .catch((err: unknown) => setError(errorMessage(err)));
            }}
          />
        </Card>
        <Card title={h2('法治培训')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.trainings}
            columns={[
              { title: '日期', dataIndex: 'heldOn' },
              { title: '培训名称', dataIndex: 'title' },
              { title: '人均学时', dataIndex: 'hoursPerPerson' },
              { title: '参训人数', render: (_: unknown, r) => r.participants.length },
            ]}
          />
          <p style={{ marginTop: 8 }}>
            个人年度学时：{data.hours.map((h) => `${h.person}${h.hours}学时`).join('、') || '—'}
          </p>
          <form
            aria-label="登记培训"
            style={box}
            onSubmit={submit((f) =>
              post('/api/study/trainings', {
                heldOn: s(f, 'heldOn'),
                title: s(f, 'title'),
                organizer: s(f, 'organizer'),
                hoursPerPerson: Number(s(f, 'hours')),
                participants: names(s(f, 'people')),
              }),
            )}
          >
            {field('培训日期', 'heldOn', { type: 'date', required: true })}
            {field('培训名称', 'title', { required: true })}
            {field('主办单位', 'organizer')}
            {field('人均学时', 'hours', { type: 'number', min: 0.5, step: 0.5, required: true })}
            {field('参训人员（以顿号分隔）', 'people', { required: true })}
            <Button htmlType="submit">登记培训</Button>
          </form>
        </Card>
        <Card title={h2('法律知识考试')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.exams}
            columns={[
              { title: '日期', dataIndex: 'heldOn' },
              { title: '考试名称', dataIndex: 'title' },
              { title: '应考', dataIndex: 'expected' },
              { title: '参考', dataIndex: 'took' },
              { title: '合格', dataIndex: 'passed' },
              { title: '参考率', render: (_: unknown, r) => `${r.participationRate}%` },
              { title: '合格率', render: (_: unknown, r) => `${r.passRate}%` },
            ]}
          />
          <form
            aria-label="登记考试"
            style={box}
            onSubmit={submit((f) =>
              post('/api/study/exams', {
                heldOn: s(f, 'heldOn'),
                title: s(f, 'title'),
                maxScore: Number(s(f, 'max')),
                passScore: Number(s(f, 'pass')),
                results: s(f, 'results')
                  .split('\n')
                  .map((l) => l.trim())
                  .filter(Boolean)
                  .map((l) => {
                    const [person, score] = l.split(/\s+/);
                    return {
                      person,
                      score: score === undefined || score === '缺考' ? null : Number(score),
                    };
                  }),
              }),
            )}
          >
            {field('考试日期', 'heldOn', { type: 'date', required: true })}
            {field('考试名称', 'title', { required: true })}
            {field('满分', 'max', { type: 'number', min: 1, defaultValue: 100 })}
            {field('合格分数', 'pass', { type: 'number', min: 0, defaultValue: 60 })}
            <label>
              成绩（每行“姓名 分数”，缺考不填分数）{' '}
              <textarea name="results" rows={3} style={{ width: 240 }} required />
            </label>
            <Button htmlType="submit">登记考试</Button>
          </form>
        </Card>
        <Card title={h2('普法责任清单（谁执法谁普法）')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.duties}
            columns={[
              { title: '普法事项', dataIndex: 'title' },
              { title: '责任科室', dataIndex: 'owner' },
              { title: '完成期限', dataIndex: 'dueOn' },
              {
                title: '状态',
                render: (_: unknown, d) =>
                  d.completedOn ? (
                    <Tag color={d.onTime ? 'green' : 'orange'}>
                      {d.onTime ? '按期完成' : '逾期完成'} {d.completedOn}
                    </Tag>
                  ) : d.overdue ? (
                    <Tag color="red">逾期未完成</Tag>
                  ) : (
                    <Tag>落实中</Tag>
                  ),
              },
              { title: '完成佐证', dataIndex: 'evidence' },
              {
                title: '操作',
                render: (_: unknown, d) =>
                  d.completedOn ? null : (
                    <form
                      aria-label={`办结“${d.title}”`}
                      style={{ display: 'flex', gap: 4 }}
                      onSubmit={submit((f) =>
                        post(`/api/study/duties/${d.id}/complete`, {
                          completedOn: s(f, 'on'),
                          evidence: s(f, 'evidence'),
                        }),
                      )}
                    >
                      <DateField aria-label="完成日期" name="on" style={{ width: 140 }} />
                      <input
                        aria-label="完成佐证"
                        name="evidence"
                        required
                        style={{ ...input, width: 120 }}
                      />
                      <Button size="small" htmlType="submit">
                        办结
                      </Button>
                    </form>
                  ),
              },
            ]}
          />
          <form
            aria-label="新增普法责任事项"
            style={box}
            onSubmit={submit((f) =>
              post('/api/study/duties', {
                year,
                title: s(f, 'title'),
                owner: s(f, 'owner'),
                dueOn: s(f, 'dueOn'),
              }),
            )}
          >
            {field('普法事项', 'title', { required: true })}
            {field('责任科室', 'owner', { required: true })}
            {field('完成期限', 'dueOn', { type: 'date', required: true })}
            <Button htmlType="submit">新增事项</Button>
          </form>
        </Card>
        <Card title={h2('普法宣传活动')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.events}
            columns={[
              { title: '日期', dataIndex: 'heldOn' },
              {
                title: '类别',
                dataIndex: 'campaign',
                render: (c: string) => data.campaigns[c] ?? c,
              },
              { title: '活动名称', dataIndex: 'title' },
              { title: '地点', dataIndex: 'location' },
              { title: '受众人数', dataIndex: 'audience' },
            ]}
          />
          <form
            aria-label="登记普法活动"
            style={box}
            onSubmit={submit((f) =>
              post('/api/study/events', {
                heldOn: s(f, 'heldOn'),
                campaign: s(f, 'campaign'),
                title: s(f, 'title'),
                location: s(f, 'location'),
                audience: Number(s(f, 'audience')),
              }),
            )}
          >
            {field('活动日期', 'heldOn', { type: 'date', required: true })}
            <label>
              活动类别{' '}
              <select name="campaign" style={input}>
                {Object.entries(data.campaigns).map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            {field('活动名称', 'title', { required: true })}
            {field('活动地点', 'location')}
            {field('受众人数', 'audience', { type: 'number', min: 0, required: true })}
            <Button htmlType="submit">登记活动</Button>
          </form>
        </Card>
      </Space>
    </>
  );
}
