/** The archive's index in 公文格式 (core/docx): basic facts, the flow chart, the Art 29 materials, the acts and the evidence with their audit proofs. */
import { gongwenDocx, type Block } from '../../core/docx/gongwen.ts';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import type { ArchiveData } from './archive.ts';

const short = (h: string | null) => (h ? h.slice(0, 12) : '—');
const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');
const size = (n: number | null) =>
  n === null
    ? ''
    : n >= 1024 * 1024
      ? `${(n / 1024 / 1024).toFixed(1)}MB`
      : `${Math.max(1, Math.round(n / 1024))}KB`;

/** Up to this many rows an index table lists every item; beyond it, one row per stage (the CSVs list every item). */
export const INDEX_ROWS = 200;

function byStage<T>(items: T[], key: (x: T) => string) {
  const groups = new Map<string, T[]>();
  for (const x of items) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  return [...groups.entries()];
}

function eventsBlocks(data: ArchiveData): Block[] {
  const note: Block = {
    kind: 'p',
    text: '每项办理记录均对应一条审计事件（SM3哈希链），可在审计日志中核验；逐项记录及其审计序号、哈希值见档案包内“03_办理记录.csv”。',
  };
  if (data.events.length <= INDEX_ROWS) {
    return [
      note,
      {
        kind: 'table',
        header: [['序号', '办理日期', '环节', '办理人', '记录时间', '审计序号', '哈希']],
        widths: [1, 2, 3, 2, 3, 1, 2],
        rows: data.events.map((e) => [
          String(e.seq),
          e.on,
          e.label,
          e.actorName,
          time(e.at),
          String(e.auditSeq ?? '—'),
          short(e.auditHash),
        ]),
      },
    ];
  }
  const rows = byStage(data.events, (e) => e.label).map(([label, es]) => [
    label,
    String(es.length),
    es[0].on,
    es[es.length - 1].on,
    `${es[0].auditSeq ?? '—'}—${es[es.length - 1].auditSeq ?? '—'}`,
  ]);
  return [
    note,
    {
      kind: 'table',
      header: [['环节', '办理次数', '首次办理', '最近办理', '审计序号']],
      widths: [3, 1, 2, 2, 3],
      rows,
    },
  ];
}

function evidenceBlocks(data: ArchiveData): Block[] {
  const row = (e: ArchiveData['evidence'][number]) => [
    String(e.seq),
    e.fileName ? `${e.title}：${e.fileName}` : e.title,
    e.stage,
    time(e.addedAt),
    size(e.fileSize),
    e.fileSha256 ? e.fileSha256.slice(0, 12) : '正文',
    String(e.auditSeq),
    [
      e.afterDecision ? '决策后补充' : '',
      e.supersedesId ? `更正材料（${e.note ?? ''}）` : '',
      e.superseded ? '已被更正' : '',
    ]
      .filter(Boolean)
      .join('；'),
  ];
  if (data.evidence.length <= INDEX_ROWS)
    return [
      {
        kind: 'table',
        header: [
          ['序号', '材料名称', '环节', '添加时间', '大小', 'SHA-256（前12位）', '审计序号', '备注'],
        ],
        widths: [1, 4, 2, 3, 1, 2, 1, 3],
        rows: data.evidence.map(row),
      },
    ];
  const rows = byStage(data.evidence, (e) => e.stage).map(([stage, es]) => [
    stage,
    String(es.length),
    String(es.filter((e) => e.fileId).length),
    `${es[0].path.slice(3, 7)}—${es[es.length - 1].path.slice(3, 7)}`,
    `${time(es[0].addedAt)}至${time(es[es.length - 1].addedAt)}`,
  ]);
  return [
    {
      kind: 'p',
      text: `材料共${data.evidence.length}项，按环节汇总如下；逐项目录（名称、添加时间、SHA-256、审计序号）见档案包内“04_材料目录.csv”。`,
    },
    {
      kind: 'table',
      header: [['环节', '材料项数', '其中文件', '档案编号', '添加时间']],
      widths: [2, 1, 1, 2, 4],
      rows,
    },
  ];
}

export async function archiveIndexDocx(data: ArchiveData): Promise<Buffer> {
  const d = data.decision;
  const blocks: Block[] = [
    { kind: 'h1', text: '一、基本情况' },
    {
      kind: 'table',
      header: [['项目', '内容']],
      widths: [1, 3],
      rows: [
        ['决策事项', d.title],
        ['决策承办单位', d.undertakingUnit],
        ['建议提出方', d.proposer],
        ['目录情况', d.catalogue],
        ['当前状态', d.statusLabel],
        ['决定日期', d.decidedOn ? cnDate(d.decidedOn) : '—'],
        ['公布日期', d.publishedOn ? cnDate(d.publishedOn) : '—'],
        [
          '档案内容',
          `办理记录${data.completeness.events}项，材料${data.completeness.evidence}项（其中文件${data.completeness.files}个），审计事件${data.completeness.auditEvents}条`,
        ],
      ],
    },
    { kind: 'h1', text: '二、决策运行流程' },
    {
      kind: 'table',
      header: [['序号', '环节', '依据', '状态', '说明']],
      widths: [1, 3, 3, 2, 4],
      rows: data.flow.map((n, i) => [String(i + 1), n.label, n.basis, n.stateLabel, n.note]),
    },
    { kind: 'h1', text: '三、提交集体讨论的材料（条例第二十九条）' },
    {
      kind: 'table',
      header: [['材料', '是否适用', '是否齐备', '说明']],
      widths: [5, 2, 2, 4],
      rows: data.materials.map((m) => [
        m.label,
        m.required ? '适用' : '不适用',
        m.present ? '齐备' : m.required ? '缺' : '—',
        m.note,
      ]),
    },
    { kind: 'h1', text: '四、办理过程记录' },
    ...eventsBlocks(data),
    { kind: 'h1', text: '五、材料目录' },
    {
      kind: 'p',
      text: '材料按添加顺序编号，只增不改；更正或补充的材料另行编号并注明所更正的材料。文件的SHA-256值可用于核对档案包内文件未被改动。',
    },
    ...evidenceBlocks(data),
    { kind: 'signature', lines: [`档案生成时间：${time(data.generatedAt)}`] },
  ];
  return gongwenDocx({
    title: `${d.title}决策档案`,
    subtitle: '（重大行政决策过程记录和材料目录）',
    blocks,
  });
}
