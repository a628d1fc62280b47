/**
 * A realistic generator of published 行政规范性文件 (titles, 文号, articles, 解读, dated legal events)
 * for benchmarks and scale tests. Rows mirror what the documents service writes (normative_documents
 * with its tsvector from core/search toSearchText, document_events for the dated status), inserted in
 * bulk; the making cases are not generated (the registry does not read them).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { toSearchText } from '../src/core/search/tokens.ts';
import { legalStatus } from '../src/modules/documents/status.ts';

const CITY = ['示范市', '示范市', '示范市', '东湖区', '西山县', '南溪区'];
const SUBJECTS = [
  '科技企业孵化器',
  '高新技术企业',
  '科技创新券',
  '企业研发费用补助',
  '重点实验室',
  '科技成果转化',
  '科技特派员',
  '知识产权质押融资',
  '技术合同登记',
  '新型研发机构',
  '众创空间',
  '科技型中小企业',
  '产学研合作项目',
  '院士工作站',
  '科技计划项目',
  '科技奖励',
  '科普基地',
  '科技金融风险补偿资金',
  '首台套重大技术装备',
  '创新平台绩效',
];
const ACTS = [
  '认定和管理',
  '资金管理',
  '绩效评价',
  '申报和评审',
  '奖励',
  '监督检查',
  '备案管理',
  '专项资金使用',
];
const KINDS: Array<[string, string]> = [
  ['办法', 'measures'],
  ['实施细则', 'implementation'],
  ['规定', 'regulation'],
  ['暂行办法', 'measures'],
  ['管理办法（试行）', 'measures'],
];
const TOPICS = ['science', 'science', 'science', 'finance', 'economy', 'industry'];
const CLAUSES = [
  '为规范{s}{a}工作，促进科技创新和成果转化，根据有关法律法规和政策规定，结合本市实际，制定本办法。',
  '本办法所称{s}，是指依法设立、符合本办法规定条件并经市科学技术局认定的单位或者项目。',
  '市科学技术局负责{s}的统筹协调、{a}和监督管理工作；各县区科技主管部门负责本辖区内的组织实施。',
  '申请{s}支持的单位应当具备独立法人资格，近三年内无严重失信行为，财务管理制度健全。',
  '专项资金实行预算管理，专款专用，任何单位和个人不得截留、挪用或者虚报冒领。',
  '市科学技术局会同市财政局对{s}实施情况开展绩效评价，评价结果作为后续支持的重要依据。',
  '弄虚作假骗取资金的，依法追回已拨付资金，并按照有关规定纳入科研诚信严重失信行为记录。',
  '本办法由市科学技术局负责解释，自发布之日起施行，有效期五年。',
];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDocument {
  id: string;
  title: string;
  docType: string;
  trial: string;
  topic: string;
  keywords: string;
  bodyText: string;
  interpretation: string;
  docNumber: string;
  docYear: number;
  publishedOn: string;
  effectiveOn: string;
  validUntil: string;
  legalStatus: string;
  search: string;
  events: Array<{ kind: string; on: string; act: string | null }>;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function* generateDocuments(
  n: number,
  opts: { seed?: number; today: string; prefix?: string },
): Generator<GeneratedDocument> {
  const r = rng(opts.seed ?? 20250303);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const seqByYear = new Map<number, number>();
  const start = Date.UTC(2012, 0, 1);
  const end = Date.parse(`${opts.today}T00:00:00Z`);
  for (let i = 0; i < n; i++) {
    const s = pick(SUBJECTS);
    const a = pick(ACTS);
    const [kind, docType] = pick(KINDS);
    const trial = kind.includes('试行') ? 'trial' : kind.includes('暂行') ? 'interim' : 'none';
    const special = r() < 0.01;
    const title = special
      ? `${pick(CITY)}关于深入落实习近平总书记关于科技创新重要论述推进${s}高质量发展的实施意见`
      : `${pick(CITY)}${s}${a}${kind}`;
    const published = new Date(start + Math.floor(r() * (end - start)));
    const publishedOn = iso(published);
    const year = published.getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const years = trial === 'none' ? 5 : 2;
    const until = new Date(published);
    until.setUTCFullYear(until.getUTCFullYear() + years);
    until.setUTCDate(until.getUTCDate() - 1);
    const validUntil = iso(until);
    const articles = CLAUSES.slice(0, 5 + Math.floor(r() * 4)).map(
      (c, k) => `第${CN[k]}条 ${c.replaceAll('{s}', s).replaceAll('{a}', a)}`,
    );
    const bodyText = (
      special
        ? [
            '第一条 为深入落实习近平总书记关于科技创新的重要论述，制定本意见。',
            ...articles.slice(1),
          ]
        : articles
    ).join('\n');
    const interpretation = `一、制定背景：为加强${s}${a}。二、主要内容：共${articles.length}条。三、施行时间：自发布之日起施行。`;
    const docNumber = `${opts.prefix ?? '科规'}〔${year}〕${seq}号`;
    const events: GeneratedDocument['events'] = [
      { kind: 'published', on: publishedOn, act: docNumber },
    ];
    const roll = r();
    if (roll < 0.08)
      events.push({
        kind: 'abolished',
        on: iso(new Date(published.getTime() + Math.floor(r() * (end - published.getTime())))),
        act: `科规〔${year + 1}〕${1 + Math.floor(r() * 30)}号`,
      });
    else if (roll < 0.18)
      events.push({
        kind: 'amended',
        on: iso(new Date(published.getTime() + Math.floor(r() * (end - published.getTime())))),
        act: null,
      });
    if (
      validUntil < opts.today &&
      !events.some((e) => e.kind !== 'published' && e.on <= validUntil)
    ) {
      const after = new Date(until);
      after.setUTCDate(after.getUTCDate() + 1);
      events.push({ kind: 'expired', on: iso(after), act: null });
    }
    const status = legalStatus({
      events,
      effectiveOn: publishedOn,
      validUntil,
      today: opts.today,
    }).status;
    const keywords = `${s} ${a}`;
    yield {
      id: randomUUID(),
      title,
      docType,
      trial,
      topic: pick(TOPICS),
      keywords,
      bodyText,
      interpretation,
      docNumber,
      docYear: year,
      publishedOn,
      effectiveOn: publishedOn,
      validUntil,
      legalStatus: status,
      search: toSearchText([title, docNumber, keywords, bodyText, interpretation].join('\n')),
      events,
    };
  }
}

/** Bulk insert (1,000 rows per statement, one transaction per batch) of published documents of one department. */
export async function insertDocuments(
  client: pg.ClientBase,
  docs: Iterable<GeneratedDocument>,
  ctx: { departmentId: string; draftingOrgId: string; now: Date },
  log?: (s: string) => void,
): Promise<number> {
  let batch: GeneratedDocument[] = [];
  let total = 0;
  const flush = async () => {
    if (!batch.length) return;
    const cols = [
      'id',
      'lineage_id',
      'case_id',
      'department_id',
      'drafting_org_id',
      'title',
      'doc_type',
      'trial',
      'concerns_market',
      'touches_public_interest',
      'body_text',
      'topic',
      'keywords',
      'doc_number',
      'doc_year',
      'issued_on',
      'published_on',
      'effective_on',
      'valid_until',
      'interpretation',
      'legal_status',
      'created_at',
      'updated_at',
      'search',
    ];
    const params: unknown[] = [];
    const rows = batch.map((d) => {
      const v = [
        d.id,
        d.id,
        randomUUID(),
        ctx.departmentId,
        ctx.draftingOrgId,
        d.title,
        d.docType,
        d.trial,
        false,
        true,
        d.bodyText,
        d.topic,
        d.keywords,
        d.docNumber,
        d.docYear,
        d.publishedOn,
        d.publishedOn,
        d.effectiveOn,
        d.validUntil,
        d.interpretation,
        d.legalStatus,
        ctx.now,
        ctx.now,
      ];
      const base = params.length;
      params.push(...v, d.search);
      return `(${v.map((_, k) => `$${base + k + 1}`).join(',')}, to_tsvector('simple', $${base + v.length + 1}))`;
    });
    const ev: unknown[] = [];
    const evRows: string[] = [];
    for (const d of batch)
      for (const e of d.events) {
        const b = ev.length;
        ev.push(randomUUID(), d.id, e.kind, e.on, e.act, ctx.now);
        evRows.push(`($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6})`);
      }
    await client.query('begin');
    await client.query(
      `insert into normative_documents (${cols.join(',')}) values ${rows.join(',')}`,
      params,
    );
    await client.query(
      `insert into document_events (id, document_id, kind, on_date, act, created_at) values ${evRows.join(',')}`,
      ev,
    );
    await client.query('commit');
    total += batch.length;
    if (log && total % 20_000 === 0) log(`  ${total.toLocaleString('en-US')} documents`);
    batch = [];
  };
  for (const d of docs) {
    batch.push(d);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return total;
}
