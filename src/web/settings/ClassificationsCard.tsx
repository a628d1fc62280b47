import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Skeleton, Space, Tag, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { settingsKey, type ClassEntry, type ClassificationsView } from './types.ts';

const key = settingsKey('disclosure-classifications');
type Kind = 'categories' | 'topics';
const KIND_LABEL: Record<Kind, string> = { categories: '组配分类', topics: '主题分类' };

/** Why an entry cannot be removed, or null. */
const keeps = (e: ClassEntry) =>
  e.reservedFor ? `用于${e.reservedFor}` : e.used ? `已有${e.used}条公开信息使用` : null;

function ListEditor({
  kind,
  rows,
  onChange,
}: {
  kind: Kind;
  rows: ClassEntry[];
  onChange: (rows: ClassEntry[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const name = KIND_LABEL[kind];
  const move = (i: number, d: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  const add = () => {
    const label = draft.trim();
    if (!label) return;
    onChange([...rows, { label }]);
    setDraft('');
  };
  return (
    <section aria-labelledby={`${kind}-title`} style={{ flex: '1 1 380px', minWidth: 0 }}>
      <Typography.Title level={3} id={`${kind}-title`} style={{ fontSize: 15 }}>
        {name}
      </Typography.Title>
      <ol style={{ paddingInlineStart: 24, margin: 0 }}>
        {rows.map((r, i) => {
          const why = keeps(r);
          return (
            <li key={r.code ?? `new-${i}`} style={{ marginBottom: 8 }}>
              <Space wrap size={4}>
                <Input
                  aria-label={`${name}第${i + 1}项名称`}
                  value={r.label}
                  maxLength={40}
                  style={{ width: 200 }}
                  onChange={(e) =>
                    onChange(rows.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
                  }
                />
                <Button
                  aria-label={`上移${r.label}`}
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  aria-label={`下移${r.label}`}
                  icon={<ArrowDownOutlined />}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                />
                <Button
                  aria-label={`删除${r.label}`}
                  icon={<DeleteOutlined />}
                  disabled={!!why}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                />
                {why ? (
                  <Typography.Text type="secondary">{why}，不能删除</Typography.Text>
                ) : !r.code ? (
                  <Tag>新增</Tag>
                ) : null}
              </Space>
            </li>
          );
        })}
      </ol>
      <Space style={{ marginTop: 8 }}>
        <Input
          aria-label={`新增${name}名称`}
          placeholder={`新增${name}`}
          value={draft}
          maxLength={40}
          style={{ width: 200 }}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={add}
        />
        <Button icon={<PlusOutlined />} onClick={add}>
          添加
        </Button>
      </Space>
    </section>
  );
}

/** 组配分类 and 主题分类 (RULES §6.1): names may change; a class in use stays. Saved together, audited. */
export function ClassificationsCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<ClassificationsView>('/api/settings/disclosure-classifications'),
  });
  const [lists, setLists] = useState<ClassificationsView | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (data) setLists(data);
  }, [data]);

  async function save() {
    if (!lists) return;
    setSaving(true);
    setProblem(null);
    try {
      const strip = (rows: ClassEntry[]) =>
        rows.map((r) => ({ ...(r.code ? { code: r.code } : {}), label: r.label.trim() }));
      const saved = await put<ClassificationsView>('/api/settings/disclosure-classifications', {
        categories: strip(lists.categories),
        topics: strip(lists.topics),
      });
      client.setQueryData(key, saved);
      await client.invalidateQueries({ queryKey: ['publications'] });
      message.success('分类已保存，发布表单和门户网站同步更新');
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>组配分类与主题分类</h2>}>
      <Typography.Paragraph type="secondary">
        发布主动公开信息时从这两个目录中选择分类；门户网站“政府信息公开目录”按组配分类浏览。已有信息使用的分类只能改名，不能删除。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {isPending || !lists ? (
        <Skeleton active />
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
            {(['categories', 'topics'] as const).map((k) => (
              <ListEditor
                key={k}
                kind={k}
                rows={lists[k]}
                onChange={(rows) => setLists({ ...lists, [k]: rows })}
              />
            ))}
          </div>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problem}
              style={{ margin: '16px 0' }}
            />
          )}
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              保存分类
            </Button>
            <Button onClick={() => data && setLists(data)}>放弃修改</Button>
          </Space>
        </>
      )}
    </Card>
  );
}
