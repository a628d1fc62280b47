/**
 * Every name a procedure uses must exist: a typo in a condition would otherwise make a gate that
 * never opens (or a step that never shows), silently. Checked when the procedure is compiled, which
 * the registry does at start-up.
 */
import type { Cond, DateRef, ProcedureDef } from './types.ts';

export function unknownNames(proc: ProcedureDef): string[] {
  const actions = new Set(proc.actions.map((a) => a.code));
  const statuses = new Set(proc.statuses.map((s) => s.code));
  const clocks = new Set(proc.clocks.map((c) => c.code));
  const problems: string[] = [];
  const need = (kind: 'action' | 'status' | 'clock', name: string, where: string) => {
    const known = kind === 'action' ? actions : kind === 'status' ? statuses : clocks;
    if (!known.has(name)) problems.push(`unknown ${kind} "${name}" in ${where}`);
  };
  const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  const cond = (c: Cond | undefined, where: string): void => {
    if (!c) return;
    if ('done' in c) for (const a of list(c.done)) need('action', a, where);
    else if ('notDone' in c) for (const a of list(c.notDone)) need('action', a, where);
    else if ('status' in c) for (const s of list(c.status)) need('status', s, where);
    else if ('last' in c) need('action', c.last, where);
    else if ('latest' in c) for (const a of [...c.latest, c.is]) need('action', a, where);
    else if ('clock' in c) need('clock', c.clock, where);
    else if ('all' in c) c.all.forEach((x, i) => cond(x, `${where}.all[${i}]`));
    else if ('any' in c) c.any.forEach((x, i) => cond(x, `${where}.any[${i}]`));
    else if ('not' in c) cond(c.not, `${where}.not`);
  };
  const ref = (r: DateRef, where: string) => {
    if (r !== 'event' && 'action' in r) need('action', r.action, where);
  };
  need('status', proc.initialStatus, 'initialStatus');
  for (const s of proc.steps) {
    cond(s.open, `step ${s.code}.open`);
    if (s.clock) need('clock', s.clock, `step ${s.code}.clock`);
  }
  for (const a of proc.actions) {
    const at = `action ${a.code}`;
    for (const s of a.statuses ?? []) need('status', s, `${at}.statuses`);
    a.requires?.forEach((g) => cond(g.when, `${at} gate ${g.code}`));
    a.fields?.forEach((f) => cond(f.requiredWhen, `${at} field ${f.name}`));
    if (a.within) need('clock', a.within.clock, `${at}.within`);
    a.dateRules?.forEach((r) => {
      cond(r.when, `${at} date rule ${r.code}`);
      ref(r.from, `${at} date rule ${r.code}`);
      ref(r.to, `${at} date rule ${r.code}`);
    });
    a.effects?.forEach((e, i) => {
      cond(e.when, `${at}.effects[${i}]`);
      if (e.status) need('status', e.status, `${at}.effects[${i}]`);
    });
  }
  for (const c of proc.clocks) {
    const at = `clock ${c.code}`;
    for (const t of [...c.start, ...(c.restart ?? [])]) need('action', t.action, at);
    for (const s of c.stop ?? []) need('action', s, `${at}.stop`);
    for (const p of c.pause ?? []) {
      need('action', p.action, `${at}.pause`);
      for (const r of p.resume) need('action', r, `${at}.pause.resume`);
      if (p.lapse) need('clock', p.lapse, `${at}.pause.lapse`);
    }
    if (c.extend) need('action', c.extend.action, `${at}.extend`);
    if (c.override) need('action', c.override.action, `${at}.override`);
  }
  return problems;
}
