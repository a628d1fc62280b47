/**
 * Deadline benchmark: `npm run bench -- deadline`, or
 * npx tsx -e "import('./bench/deadline.ts').then(m=>m.run())"
 * Target: 1,000,000 dueDate computations in ≤ 2 s on one core.
 */
import {
  computeDue,
  createCalendar,
  dueDate,
  type DueInput,
} from '../src/core/calendar/calendar.ts';
import { evaluate, type CaseEvent } from '../src/core/procedure/engine.ts';
import { DISCLOSURE_REQUEST } from '../src/modules/disclosure/procedure.ts';

const N = 1_000_000;
const TARGET_MS = 2000;

/** Deterministic mixed inputs: start dates 2020–2027, workday and calendar-day periods, some with pauses. */
function inputs(cal: ReturnType<typeof createCalendar>, n: number): DueInput[] {
  const out: DueInput[] = [];
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  const first = cal.index('2020-01-01');
  for (let i = 0; i < n; i++) {
    const from = cal.dateAt(first + (rnd() % 2900));
    const k = rnd() % 4;
    if (k === 0) out.push({ from, count: [7, 15, 20, 40][rnd() % 4], unit: 'workday' });
    else if (k === 1)
      out.push({ from, count: [15, 30, 60, 90][rnd() % 4], unit: 'day', rollForward: true });
    else if (k === 2)
      out.push({
        from,
        count: 20,
        unit: 'workday',
        excluded: [{ from: cal.addDays(from, 3), to: cal.addDays(from, 3 + (rnd() % 20)) }],
      });
    else out.push({ from, count: 30, unit: 'day' });
  }
  return out;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(): Promise<void> {
  let t = performance.now();
  const cal = createCalendar({ overrides: [], officialYears: [] });
  console.log(
    `createCalendar (first, incl. chinese-days scan): ${(performance.now() - t).toFixed(1)} ms`,
  );
  t = performance.now();
  createCalendar({
    overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    officialYears: [2027],
  });
  console.log(`createCalendar (again, with overrides): ${(performance.now() - t).toFixed(1)} ms`);

  const data = inputs(cal, 4096);
  const mask = data.length - 1;
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += dueDate(cal, data[i & mask]).length; // warm-up

  t = performance.now();
  for (let i = 0; i < N; i++) sink += dueDate(cal, data[i & mask]).length;
  const ms = performance.now() - t;
  console.log(
    `dueDate: ${fmt(N)} computations in ${ms.toFixed(0)} ms → ${fmt((N / ms) * 1000)}/s; elapsed/2s = ${(ms / TARGET_MS).toFixed(3)} ${ms <= TARGET_MS ? '(OK)' : '(TOO SLOW)'}`,
  );

  const M = 100_000;
  t = performance.now();
  for (let i = 0; i < M; i++) sink += computeDue(cal, data[i & mask]).explanation.length;
  const msExplain = performance.now() - t;
  console.log(
    `computeDue (with explanation): ${fmt(M)} in ${msExplain.toFixed(0)} ms → ${fmt((M / msExplain) * 1000)}/s`,
  );

  const history: CaseEvent[] = [
    {
      seq: 1,
      type: 'receive',
      on: '2025-09-25',
      actorRoles: ['staff'],
      data: {
        channel: 'online',
        applicantType: 'naturalPerson',
        applicantName: '张三',
        content: '…',
      },
    },
    {
      seq: 2,
      type: 'thirdPartyConsult',
      on: '2025-09-29',
      actorRoles: ['staff'],
      data: { thirdParty: '某公司' },
    },
    {
      seq: 3,
      type: 'thirdPartyReplied',
      on: '2025-10-15',
      actorRoles: ['staff'],
      data: { opinion: 'objection' },
    },
    {
      seq: 4,
      type: 'extend',
      on: '2025-11-10',
      actorRoles: ['leader'],
      data: { workdays: 10, noticeOn: '2025-11-10', reason: '…' },
    },
  ];
  const E = 20_000;
  for (let i = 0; i < 2000; i++)
    sink += evaluate(DISCLOSURE_REQUEST, history, cal, '2025-11-12').openSteps.length;
  t = performance.now();
  for (let i = 0; i < E; i++)
    sink += evaluate(DISCLOSURE_REQUEST, history, cal, '2025-11-12').openSteps.length;
  const msEval = performance.now() - t;
  console.log(
    `evaluate (依申请公开, 4 events, explanations): ${fmt(E)} in ${msEval.toFixed(0)} ms → ${fmt((E / msEval) * 1000)}/s (${((msEval / E) * 1000).toFixed(1)} µs each)`,
  );
  if (sink === -1) console.log(sink); // keep the work observable
}
