// Parts of the 行政执法公示 pages: a published version of the enforcement information or of the
// 随机抽查事项清单 (with links to every earlier version), and the description of the draw scheme.
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import type { disclosures } from './schema.ts';

type Version = typeof disclosures.$inferSelect;

function Versions({
  all,
  kind,
  current,
}: {
  all: Version[];
  kind: 'items' | 'info';
  current: number;
}) {
  if (all.length < 2) return null;
  return (
    <p>
      历次公布版本：
      {all.map((v, i) => (
        <span key={v.id}>
          {i ? '、' : ''}
          {v.version === current ? (
            `第${v.version}版（${cnDate(v.publishedOn)}，当前显示）`
          ) : (
            <a href={`/zfgs?${kind}=${v.version}`}>
              第{v.version}版（{cnDate(v.publishedOn)}）
            </a>
          )}
        </span>
      ))}
    </p>
  );
}

const Para = ({ text }: { text: string }) => (
  <>
    {String(text ?? '')
      .split(/\n+/)
      .filter(Boolean)
      .map((p, i) => (
        <p key={i}>{p}</p>
      ))}
  </>
);

export function InfoVersion({ v, all }: { v: Version; all: Version[] }) {
  const c = v.content as {
    bodies: string;
    powers: string;
    procedures: string;
    flowSteps: string[];
    discretion: string;
    remedies: string;
  };
  return (
    <section className="panel" aria-labelledby="info-title">
      <h2 id="info-title">执法主体、职责、程序和救济途径</h2>
      <p>
        第{v.version}版，{cnDate(v.publishedOn)}公布。
      </p>
      <h3>执法主体</h3>
      <Para text={c.bodies} />
      <h3>职责权限</h3>
      <Para text={c.powers} />
      <h3>执法程序</h3>
      <Para text={c.procedures} />
      <h3>执法流程图</h3>
      <ol className="flow">
        {(c.flowSteps ?? []).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <h3>行政裁量基准</h3>
      <Para text={c.discretion} />
      <h3>救济途径</h3>
      <Para text={c.remedies} />
      <Versions all={all} kind="info" current={v.version} />
    </section>
  );
}

export function ItemsVersion({ v, all }: { v: Version; all: Version[] }) {
  const list = (
    v.content as {
      items: Array<{
        name: string;
        legalBasis: string;
        method: string;
        subject: string;
        ratio: number;
        kindLabel: string;
      }>;
    }
  ).items;
  return (
    <section className="panel" aria-labelledby="items-title">
      <h2 id="items-title">随机抽查事项清单</h2>
      <p>
        第{v.version}版，{cnDate(v.publishedOn)}公布。
      </p>
      <table className="catalog">
        <caption className="visually-hidden">随机抽查事项清单</caption>
        <thead>
          <tr>
            <th scope="col">抽查事项</th>
            <th scope="col">类别</th>
            <th scope="col">检查依据</th>
            <th scope="col">检查方式</th>
            <th scope="col">检查主体</th>
            <th scope="col">抽查比例</th>
          </tr>
        </thead>
        <tbody>
          {list.map((i, n) => (
            <tr key={n}>
              <td>{i.name}</td>
              <td className="nowrap">{i.kindLabel}</td>
              <td>{i.legalBasis}</td>
              <td>{i.method}</td>
              <td>{i.subject}</td>
              <td className="nowrap">{i.ratio}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Versions all={all} kind="items" current={v.version} />
    </section>
  );
}

export function DrawScheme() {
  return (
    <section className="panel" aria-labelledby="scheme-title">
      <h2 id="scheme-title">抽取方法（任何人均可复核）</h2>
      <ol>
        <li>
          抽取前公布承诺值：承诺值 =
          SHA-256（随机数），随机数在抽取后公开，事先无法据结果挑选随机数。
        </li>
        <li>
          抽取时冻结候选名单快照（检查对象按统一社会信用代码排序，执法检查人员按执法证号排序，并列明回避关系），快照哈希
          = SHA-256（快照文件全文）。
        </li>
        <li>
          随机种子 = SHA-256（随机数 + 抽取时间 + 快照哈希）；以种子前16字节作为 xoshiro128**
          伪随机数发生器的初始状态。
        </li>
        <li>
          按抽查比例（分层时逐层）用部分 Fisher–Yates
          洗牌抽取检查对象，再为每户抽取不少于2名无回避关系的执法检查人员。
        </li>
        <li>
          也可在命令行复核：<code>npm run fazhi -- inspections redraw 抽取编号</code>。
        </li>
      </ol>
    </section>
  );
}
