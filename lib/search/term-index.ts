// Indexes over the interpreter's terms, so that a keystroke costs what the query needs rather than
// what the vocabulary holds (10,000 studies bring some 40,000 study terms). Each answers exactly what
// a scan of every term answers:
// - occurring(query): the terms whose text occurs in the query (looked up by the query's substrings):
//   a term that does not occur in the query cannot match in step 1 of interpret.
// - fuzzy(pattern, options): fuse.js's search over every term, run over the few terms that decide it.
//   fuse.js's Bitap (ignoreLocation) reports a term when some chunk of the pattern (32 characters at
//   most) is within k edits of a substring of its text, k the most errors with k / length ≤ threshold,
//   and scores it errors / length raised to the text's field norm. So a term further than k edits is
//   never a result, and the fewest edits (Myers' bit-vector algorithm, one pass over every distinct
//   text) bound each term's score from below (they are its score, unless fuse.js finds a worse
//   alignment or too few characters in a row): fuse.js scores the terms with the lowest bounds, and the
//   answer stands once its last result comes before every term left out, by score then position as
//   fuse.js orders them (otherwise it scores twice as many). Candidates keep their order in the list.
import Fuse, { type FuseResult } from "fuse.js";

export type FuzzyOptions = { threshold: number; minMatchCharLength: number; limit: number };

/** fuse.js's Bitap splits a pattern longer than this into chunks of this length. */
const MAX_BITS = 32;

/** The most errors fuse.js accepts for a pattern of this length (it stops once errors / length > threshold). */
export function maxErrors(length: number, threshold: number): number {
  let k = 0;
  while (k + 1 < length && (k + 1) / length <= threshold) k++;
  return k;
}

/** The chunks fuse.js's Bitap searches a pattern in: the pattern itself, or 32-character pieces, the last one ending at the pattern's end. */
export function bitapChunks(pattern: string): string[] {
  if (pattern.length <= MAX_BITS) return [pattern];
  const chunks: string[] = [];
  const end = pattern.length - (pattern.length % MAX_BITS);
  for (let i = 0; i < end; i += MAX_BITS) chunks.push(pattern.slice(i, i + MAX_BITS));
  if (end < pattern.length) chunks.push(pattern.slice(pattern.length - MAX_BITS));
  return chunks;
}

/** Texts as one array of small character ids (UTF-16 code units, which fuse.js compares), for the edit-distance pass. */
type Encoded = { ids: Map<number, number>; codes: Uint16Array; starts: Int32Array };

function encode(texts: string[]): Encoded {
  const ids = new Map<number, number>();
  const starts = new Int32Array(texts.length + 1);
  let total = 0;
  texts.forEach((text, at) => {
    starts[at] = total;
    total += text.length;
  });
  starts[texts.length] = total;
  const codes = new Uint16Array(total);
  let p = 0;
  for (const text of texts)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let id = ids.get(c);
      if (id === undefined) ids.set(c, (id = ids.size));
      codes[p++] = id;
    }
  return { ids, codes, starts };
}

/** Beyond any allowance: a text fuse.js cannot report. */
const FAR = 255;

/**
 * The fewest edits (insertions, deletions, substitutions) turning the pattern (at most 32 characters)
 * into a substring of each text: Myers' bit-vector algorithm, with the top row of the distance matrix
 * kept at zero so that a substring may start anywhere. FAR for a text without `run` consecutive
 * characters of the pattern: fuse.js reports a match only where it marked minMatchCharLength
 * consecutive characters, and it marks only characters of the pattern.
 */
export function fewestEdits(pattern: string, { ids, codes, starts }: Encoded, run: number): Uint8Array {
  const m = pattern.length;
  const peq = new Int32Array(ids.size);
  for (let i = 0; i < m; i++) {
    const id = ids.get(pattern.charCodeAt(i));
    if (id !== undefined) peq[id]! |= 1 << i;
  }
  const high = 1 << (m - 1);
  const out = new Uint8Array(starts.length - 1);
  for (let at = 0; at < out.length; at++) {
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    let inPattern = 0;
    let longest = 0;
    for (let p = starts[at]!, end = starts[at + 1]!; p < end; p++) {
      const eq = peq[codes[p]!]!;
      inPattern = eq === 0 ? 0 : inPattern + 1;
      if (inPattern > longest) longest = inPattern;
      if (best === 0 && longest >= run) break;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      const ph = mv | ~(xh | pv);
      const mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      if (score < best) best = score;
      pv = (mh << 1) | ~(xv | (ph << 1));
      mv = (ph << 1) & xv;
    }
    out[at] = longest >= run ? best : FAR;
  }
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createTermIndex<T extends { text: string }>(terms: readonly T[]) {
  const byText = new Map<string, number[]>();
  terms.forEach((t, at) => pushTo(byText, t.text, at));
  const lengths = [...new Set([...byText.keys()].map((text) => text.length))].sort((a, b) => a - b);

  /** The terms whose text occurs somewhere in the query, in the terms' order. */
  function occurring(query: string): T[] {
    const found = new Set<number>();
    for (let i = 0; i < query.length; i++)
      for (const length of lengths) {
        if (i + length > query.length) break;
        for (const at of byText.get(query.slice(i, i + length)) ?? []) found.add(at);
      }
    return [...found].sort((a, b) => a - b).map((at) => terms[at]!);
  }

  // The edit distances are taken once per distinct text as fuse.js reads it (lower case).
  const lowerTexts = new Map<string, number>();
  const textOf = Int32Array.from(terms, (t) => {
    const lower = t.text.toLowerCase();
    let at = lowerTexts.get(lower);
    if (at === undefined) lowerTexts.set(lower, (at = lowerTexts.size));
    return at;
  });
  const encoded = encode([...lowerTexts.keys()]);
  // fuse.js's own field norms (from the token count), the exponent of each term's score.
  const norms = new Float64Array(terms.length);
  for (const r of Fuse.createIndex<string>([], terms.map((t) => t.text)).toJSON().records) norms[r.i] = r.n ?? 1;
  const fuseOptions = (o: FuzzyOptions) => ({ keys: ["text"], includeScore: true, threshold: o.threshold, ignoreLocation: true, minMatchCharLength: o.minMatchCharLength });

  /** fuse.js over some terms, in the list's order; each result with its term's position in the list. */
  function search(candidates: number[], pattern: string, o: FuzzyOptions) {
    const list = candidates.sort((a, b) => a - b);
    return new Fuse(list.map((at) => terms[at]!), fuseOptions(o))
      .search(pattern, { limit: o.limit })
      .map((r) => ({ ...r, refIndex: list[r.refIndex]! }));
  }

  /** fuse.js's answer over every term, computed over the terms that decide it. */
  function fuzzy(pattern: string, options: FuzzyOptions): FuseResult<T>[] {
    const lower = pattern.toLowerCase();
    // fuse.js lists every term for a blank pattern; the interpreter never asks one (its words are trimmed).
    if (!lower.trim()) return [];
    const chunks = bitapChunks(lower);
    if (chunks.length > 1) {
      // A long pattern's score averages its chunks': only the candidates are narrowed.
      const edits = chunks.map((chunk) => ({ k: maxErrors(chunk.length, options.threshold), d: fewestEdits(chunk, encoded, options.minMatchCharLength) }));
      return search(terms.flatMap((_, at) => (edits.some(({ k, d }) => d[textOf[at]!]! <= k) ? [at] : [])), pattern, options);
    }
    const m = lower.length;
    const k = maxErrors(m, options.threshold);
    const d = fewestEdits(lower, encoded, options.minMatchCharLength);
    // The least score each candidate can have: fuse.js's (errors / length, at least 0.001) ^ norm, and
    // nothing below 0 for a text equal to the pattern.
    const bound = new Map<number, number>();
    terms.forEach((t, at) => {
      const e = d[textOf[at]!]!;
      if (e <= k) bound.set(at, t.text.toLowerCase() === lower ? 0 : Math.pow(Math.max(0.001, e / m), norms[at]!));
    });
    // By bound, then position (fuse.js's order when the bounds are the scores).
    const ranked = [...bound.keys()].sort((a, b) => bound.get(a)! - bound.get(b)! || a - b);
    for (let take = options.limit; ; take *= 2) {
      const results = search(ranked.slice(0, take), pattern, options);
      if (take >= ranked.length) return results;
      // Every term left out scores at least its bound and comes after the first one left out.
      const last = results[options.limit - 1];
      const next = ranked[take]!;
      if (last && (last.score! < bound.get(next)! || (last.score === bound.get(next) && last.refIndex < next))) return results;
    }
  }

  return { occurring, fuzzy };
}
