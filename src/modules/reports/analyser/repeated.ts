/**
 * Text repeated from the same department's previous report: sentence by sentence, ignoring numbers
 * (the year changes, the prose does not) and punctuation. A sentence counts as repeated when almost
 * all of its character trigrams occur in one sentence of the earlier report.
 */
import type { Flag } from './types.ts';

/** Sentences shorter than this (in characters, after normalisation) are formulae every report shares. */
const MIN_LENGTH = 15;
/** Share of a sentence's trigrams found in one earlier sentence for it to count as repeated. */
const SIMILARITY = 0.8;
/** Above this share of repeated sentences the reviewer is warned. */
export const REPEATED_THRESHOLD = 20;

export interface Repetition {
  /** Share of the report's sentences repeated from the earlier one, in per cent with one decimal. */
  share: number;
  sentences: { text: string; earlier: string }[];
}

const key = (s: string) => s.replace(/\d+(?:\.\d+)?/g, '#').replace(/[^\u3400-\u9fff#A-Za-z]/g, '');

function sentences(text: string): { text: string; key: string }[] {
  return text
    .split(/(?<=[。！？；])|\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ text: t, key: key(t) }))
    .filter((s) => s.key.length >= MIN_LENGTH);
}

function trigrams(s: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) grams.add(s.slice(i, i + 3));
  return grams;
}

export function compareReports(current: string, earlier: string): Repetition {
  const now = sentences(current);
  const before = sentences(earlier).map((s) => ({ ...s, grams: trigrams(s.key) }));
  const exact = new Map(before.map((s) => [s.key, s.text]));
  // Inverted index: trigram → earlier sentences containing it, so each sentence meets only its candidates.
  const index = new Map<string, number[]>();
  before.forEach((s, i) =>
    s.grams.forEach((g) => {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }),
  );
  const repeated: Repetition['sentences'] = [];
  for (const s of now) {
    const same = exact.get(s.key);
    if (same) {
      repeated.push({ text: s.text, earlier: same });
      continue;
    }
    const grams = trigrams(s.key);
    const hits = new Map<number, number>();
    for (const g of grams) for (const i of index.get(g) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    let best = -1;
    let bestHits = 0;
    for (const [i, n] of hits) if (n > bestHits) [best, bestHits] = [i, n];
    if (best >= 0 && bestHits / grams.size >= SIMILARITY)
      repeated.push({ text: s.text, earlier: before[best].text });
  }
  return {
    share: now.length ? Math.round((repeated.length / now.length) * 1000) / 10 : 0,
    sentences: repeated,
  };
}

export function repetitionFlag(rep: Repetition, earlierYear: number | null): Flag | null {
  if (rep.share < REPEATED_THRESHOLD) return null;
  return {
    code: 'repeated',
    severity: 'warning',
    message: `${rep.share}%的句子与本单位${earlierYear ? `${earlierYear}年度` : '上一份'}报告基本相同（${rep.sentences.length}句），可能照搬往年报告`,
  };
}
