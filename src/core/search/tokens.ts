/**
 * Chinese full-text search without a Chinese parser in the database (works on PGlite and PostgreSQL).
 *
 * Index side: every run of CJK characters becomes its character bigrams, in order (so a phrase
 * query over consecutive bigrams matches), followed by the ICU word tokens of that run that are
 * longer than two characters; Latin letters and digits become lower-cased words. ICU alone is not
 * enough: it splits 落实习近平 as 落|实习|近平 (DESIGN.md pitfalls), so 习近平 is found through the
 * bigrams 习近 <-> 近平. The result is stored with to_tsvector('simple', …) in a GIN-indexed column.
 *
 * Query side: each CJK run of the query becomes a bigram phrase ('习近' <-> '近平'); a single CJK
 * character becomes a prefix match ('科':*); Latin/digit words are prefix matches; all terms are ANDed.
 */
const CJK = '\\p{Script=Han}';
const RUN = new RegExp(`${CJK}+|(?:(?!${CJK})[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^${CJK}`, 'u');
// Only characters the 'simple' parser keeps as one token: CJK, ASCII letters and digits.
const LATIN_SAFE = /[^a-z0-9]+/g;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

function latinWords(run: string): string[] {
  return run.normalize('NFKC').toLowerCase().split(LATIN_SAFE).filter(Boolean);
}

/** The token stream of `text`, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.normalize('NFKC').matchAll(RUN)) {
    if (IS_CJK.test(run)) {
      out.push(...bigrams(run));
      for (const s of segmenter.segment(run)) {
        if (s.isWordLike && Array.from(s.segment).length > 2) out.push(s.segment);
      }
    } else {
      out.push(...latinWords(run));
    }
  }
  return out;
}

/** Space-separated tokens for `to_tsvector('simple', …)`. */
export function toSearchText(text: string): string {
  return tokenize(text).join(' ');
}

/** A to_tsquery('simple', …) string for the user's query, or '' when it has nothing searchable. */
export function toQuery(q: string): string {
  const terms: string[] = [];
  for (const [run] of q.normalize('NFKC').matchAll(RUN)) {
    if (IS_CJK.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) terms.push(`'${run}':*`);
      else
        terms.push(
          bigrams(run)
            .map((b) => `'${b}'`)
            .join(' <-> '),
        );
    } else {
      for (const w of latinWords(run)) terms.push(`'${w}':*`);
    }
  }
  return [...new Set(terms)].map((t) => (t.includes('<->') ? `(${t})` : t)).join(' & ');
}
