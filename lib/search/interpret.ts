// Understands what a user types: allele spellings (G12D, p.Gly12Asp, c.35G>A), codons ("codon 13"),
// endpoint and treatment synonyms and abbreviations (SCP, HAI, FUDR, bev, triplet, R0, 转化治疗 ...),
// study names and first authors. Known terms become filters; typos are caught by fuse.js; what is
// left is free text. Runs on the server (the API's q, the browser page) and in the search box.
import Fuse from "fuse.js";

export type TermKind = "endpoint" | "treatment" | "group" | "study";
export type SearchTerm = { text: string; kind: TermKind; code: string; label: string };
export type TermMatch = { kind: TermKind; code: string; label: string; matched: string; how: "exact" | "fuzzy" };
export type Interpretation = {
  filters: Record<TermKind, string[]>;
  matches: TermMatch[];
  freeText: string[];
};

export type SearchVocabulary = {
  endpoints: { code: string; label: string; synonyms: string[] }[];
  treatments: { code: string; label: string; synonyms: string[] }[];
  groups: { code: string; label: string; synonyms: string[] }[];
  studies: { id: string; shortName: string; authors: string[]; year: number | null }[];
};

// Where one word names several things ("conversion": an endpoint and a strategy; "resection": an
// endpoint and a procedure), the endpoint wins: users ask about outcomes.
const PRECEDENCE: TermKind[] = ["endpoint", "group", "study", "treatment"];

const norm = (s: string) => s.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();
const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

export function buildTerms(v: SearchVocabulary): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const add = (text: string, kind: TermKind, code: string, label: string) => {
    const t = norm(text);
    if (t.length >= 2 || hasCjk(t)) terms.push({ text: t, kind, code, label });
  };
  for (const e of v.endpoints) for (const s of [e.code, e.label, ...e.synonyms]) add(s, "endpoint", e.code, e.label);
  for (const t of v.treatments) for (const s of [t.code, t.label, ...t.synonyms]) add(s, "treatment", t.code, t.label);
  for (const g of v.groups) for (const s of [g.code, g.label, ...g.synonyms]) add(s, "group", g.code, g.label);
  for (const s of v.studies) {
    const first = s.authors[0]?.split(" ")[0];
    for (const x of [s.shortName, s.id, first, first && s.year ? `${first} ${s.year}` : undefined]) if (x) add(x, "study", s.id, s.shortName);
  }
  // Longest first, so "KRAS G12D" is taken before "G12D" and "FOLFOXIRI + bevacizumab" before "FOLFOXIRI".
  const seen = new Set<string>();
  return terms
    .filter((t) => {
      const k = `${t.kind}|${t.code}|${t.text}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => b.text.length - a.text.length);
}

/** Every occurrence of a term in the query as a whole word (any substring for Chinese). */
function findSpans(query: string, text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const i = query.indexOf(text, from);
    if (i === -1) break;
    const j = i + text.length;
    const boundary = hasCjk(text) || ((!isWordChar(text[0]) || !isWordChar(query[i - 1])) && (!isWordChar(text[text.length - 1]) || !isWordChar(query[j])));
    if (boundary) spans.push([i, j]);
    from = i + 1;
  }
  return spans;
}

export function createInterpreter(vocab: SearchVocabulary) {
  const terms = buildTerms(vocab);
  const fuse = new Fuse(terms, { keys: ["text"], includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });

  function interpret(raw: string): Interpretation {
    const query = norm(raw);
    const taken: boolean[] = Array.from({ length: query.length }, () => false);
    const matches: TermMatch[] = [];
    const claim = (i: number, j: number) => {
      for (let k = i; k < j; k++) if (taken[k]) return false;
      for (let k = i; k < j; k++) taken[k] = true;
      return true;
    };
    // 1. Exact terms, longest first. A span already claimed by a longer term is skipped, but every
    //    term naming exactly the same span is kept ("conversion": an endpoint and a strategy).
    const claimedSpans = new Set<string>();
    for (const t of terms) {
      for (const [i, j] of findSpans(query, t.text)) {
        const span = `${i}:${j}`;
        if (!claimedSpans.has(span)) {
          if (!claim(i, j)) continue;
          claimedSpans.add(span);
        }
        if (!matches.some((m) => m.kind === t.kind && m.code === t.code)) matches.push({ kind: t.kind, code: t.code, label: t.label, matched: query.slice(i, j), how: "exact" });
      }
    }
    // 2. Left-over words: typo-tolerant lookup; otherwise free text.
    let rest = "";
    for (let k = 0; k < query.length; k++) rest += taken[k] ? " " : query[k];
    const freeText: string[] = [];
    for (const word of rest.split(/[\s,;]+/).filter((w) => w.length >= 2 && !/^(vs|and|or|the|of|in|on|for|with|after|by|what|is|known|about|versus|mutant|mt)$/.test(w))) {
      // A typo of a whole term: close in score and in length ("hepatectmy" is hepatectomy, not
      // parenchymal-sparing hepatectomy).
      const hit =
        word.length >= 4
          ? fuse.search(word, { limit: 12 }).find((r) => Math.abs(r.item.text.length - word.length) <= Math.max(2, Math.round(word.length * 0.25)))
          : undefined;
      if (hit && (hit.score ?? 1) <= 0.3) {
        const t = hit.item;
        if (!matches.some((m) => m.kind === t.kind && m.code === t.code)) matches.push({ kind: t.kind, code: t.code, label: t.label, matched: word, how: "fuzzy" });
      } else freeText.push(word);
    }
    // 3. Filters: where the same words name several kinds, keep the one with precedence.
    const filters: Record<TermKind, string[]> = { endpoint: [], treatment: [], group: [], study: [] };
    const byMatched = new Map<string, TermMatch[]>();
    for (const m of matches) byMatched.set(m.matched, [...(byMatched.get(m.matched) ?? []), m]);
    for (const list of byMatched.values()) {
      const best = PRECEDENCE.find((k) => list.some((m) => m.kind === k))!;
      for (const m of list) if (m.kind === best && !filters[best].includes(m.code)) filters[best].push(m.code);
    }
    return { filters, matches, freeText };
  }

  /** Suggestions as the user types: each says what it matched. */
  function suggest(raw: string, limit = 8): TermMatch[] {
    const query = norm(raw);
    if (!query) return [];
    const exact = interpret(raw).matches;
    const fuzzy = query.length >= 2 ? fuse.search(query, { limit: 20 }) : [];
    const out: TermMatch[] = [...exact];
    for (const r of fuzzy) {
      const t = r.item;
      if (out.some((m) => m.kind === t.kind && m.code === t.code)) continue;
      out.push({ kind: t.kind, code: t.code, label: t.label, matched: t.text, how: "fuzzy" });
    }
    return out.slice(0, limit);
  }

  return { interpret, suggest, terms };
}
