// What /api/suggest answers: suggestions as the user types and, when a query finds nothing, what was
// understood and the nearest terms that do have records. A term is offered only with its record
// count, and never with none. Counts per term are read once per dataset version with a few GROUP BY
// queries on the read path (lib/data/sql: one row per endpoint, study, treatment, molecular group:
// bounded by the vocabularies, not by the records); the counts of combinations are single COUNT
// queries there (the list's own count: free text through FTS5), at most MAX_COUNT_QUERIES per request.
import type { PrismaClient } from "../generated/prisma/client";
import { applyQuery } from "../data/find-effects";
import { countEffects, facetCounts, NO_FILTERS, recordsPerStudy } from "../data/sql";
import { databaseFileOf } from "../db/open";
import { FILTER_KEYS, filtersToQuery, parseFiltersLenient, type EffectFilters, type FilterKey } from "../data/filters";
import { interpreterFor } from "../data/search";
import { ancestorsOf, type AppVocabulary } from "../data/vocabulary";
import type { TermKind, TermMatch } from "./interpret";

export type TermCounts = Record<TermKind, Map<string, number>>;

export type Suggestion = {
  /** endpoint | treatment | group | study for one term; "query" for a whole query or a combination. */
  kind: TermKind | "query";
  code: string | null;
  label: string;
  detail: string;
  count: number;
  href: string;
};

export type SuggestAnswer = {
  q: string;
  /** What the words were read as (the terms kept as filters). */
  understood: Pick<TermMatch, "kind" | "code" | "label" | "matched" | "how">[];
  notes: string[];
  /** Words read as free text (searched in the records' text). */
  freeText: string[];
  /** Records matching the whole query, with the view's other filters. */
  count: number;
  suggestions: Suggestion[];
  /** When count is 0: the nearest queries and terms that have records. */
  hint: { nearest: Suggestion[] } | null;
};

export const MAX_SUGGESTIONS = 8;
export const MAX_COUNT_QUERIES = 16;

const KIND_PARAM: Record<TermKind, FilterKey> = { endpoint: "endpoint", treatment: "treatment", group: "group", study: "study" };
const KIND_WORD: Record<TermKind, string> = { endpoint: "endpoint", treatment: "treatment", group: "molecular group", study: "study" };
const KIND_WORD_ZH: Record<TermKind, string> = { endpoint: "终点", treatment: "治疗", group: "分子分组", study: "研究" };

/** The fixed words of a suggestion's label and detail, in the vocabulary's language (Chinese for the zh copy). */
const WORDS = {
  en: {
    kind: KIND_WORD,
    allOf: (q: string) => `all of “${q}”`,
    matched: (kind: string, matched: string, fuzzy: boolean) => `${kind} · matched “${matched}”${fuzzy ? " (close match)" : ""}`,
    searchText: (q: string) => `Search the records’ text for “${q}”`,
    freeText: "free text",
    everything: "everything",
    without: (label: string) => `without ${label}`,
    withoutWords: (words: string) => `without the words ${words}`,
    instead: (label: string, of: string) => `${label} instead of ${of}`,
    nearestTo: (kind: string, word: string) => `${kind} · nearest to “${word}”`,
    onItsOwn: (kind: string) => `${kind} on its own`,
  },
  zh: {
    kind: KIND_WORD_ZH,
    allOf: (q: string) => `“${q}”的全部词语`,
    matched: (kind: string, matched: string, fuzzy: boolean) => `${kind} · 匹配“${matched}”${fuzzy ? "（近似匹配）" : ""}`,
    searchText: (q: string) => `在记录文本中搜索“${q}”`,
    freeText: "自由文本",
    everything: "全部记录",
    without: (label: string) => `去掉${label}`,
    withoutWords: (words: string) => `去掉词语 ${words}`,
    instead: (label: string, of: string) => `用${label}代替${of}`,
    nearestTo: (kind: string, word: string) => `${kind} · 最接近“${word}”`,
    onItsOwn: (kind: string) => `仅此${kind}`,
  },
};
const LIST_KINDS = ["endpoint", "treatment", "group", "study"] as const;

const countsCache = new WeakMap<AppVocabulary, Promise<TermCounts>>();

/** Records per vocabulary term (a treatment counts the regimens containing it; a group its descendants). */
export function termRecordCounts(db: PrismaClient, vocab: AppVocabulary): Promise<TermCounts> {
  let pending = countsCache.get(vocab);
  if (!pending) {
    pending = readTermCounts(db, vocab);
    countsCache.set(vocab, pending);
    pending.catch(() => countsCache.delete(vocab));
  }
  return pending;
}

async function readTermCounts(db: PrismaClient, _vocab: AppVocabulary): Promise<TermCounts> {
  // The unfiltered facet counts (SQL GROUP BY over the join tables and the endpoint index: a
  // treatment counts the regimens containing it, a group each record below it once), and one GROUP
  // BY of the records per study.
  const file = databaseFileOf(db);
  const facets = facetCounts(NO_FILTERS, [], file);
  return { endpoint: facets.endpoint, study: recordsPerStudy(file), treatment: facets.treatment, group: facets.group };
}

function labeller(vocab: AppVocabulary) {
  const maps: Record<TermKind, Map<string, string>> = {
    endpoint: new Map(vocab.endpoints.map((e) => [e.code, e.label])),
    treatment: new Map(vocab.treatments.map((t) => [t.code, t.label])),
    group: new Map(vocab.groups.map((g) => [g.code, g.label])),
    study: new Map(vocab.studies.map((s) => [s.id, s.shortName])),
  };
  return (key: FilterKey, code: string): string => {
    if ((LIST_KINDS as readonly string[]).includes(key)) return maps[key as TermKind].get(code) ?? code;
    if (key === "design") return vocab.labels.design[code] ?? code;
    if (key === "sourceLevel") return vocab.labels.sourceLevel[code] ?? code;
    return code;
  };
}

const plural = (n: number) => `${n} record${n === 1 ? "" : "s"}`;

/**
 * Suggestions for q, within the view's filters (`params` as the page reads its URL: lenient, so the
 * answer describes what the page shows).
 */
export async function suggestFor(db: PrismaClient, vocab: AppVocabulary, params: URLSearchParams): Promise<SuggestAnswer> {
  const view = parseFiltersLenient(params, vocab.allowed);
  const q = view.q ?? "";
  const interpreter = interpreterFor(vocab);
  const { filters, interpretation } = applyQuery({ ...view, offset: 0 }, vocab);
  const freeText = interpretation?.freeText ?? [];
  const labelOf = labeller(vocab);
  const w = WORDS[vocab.locale === "zh" ? "zh" : "en"];
  const counts = await termRecordCounts(db, vocab);
  let budget = MAX_COUNT_QUERIES;
  const countOf = async (f: EffectFilters, words: string[]): Promise<number> => {
    budget--;
    return countEffects(f, words, { file: databaseFileOf(db) });
  };

  const hasFilters = FILTER_KEYS.some((k) => filters[k].length > 0) || filters.flagged !== null || filters.computed !== null;
  const count = q || hasFilters ? await countOf(filters, freeText) : 0;
  const understood = (interpretation?.matches ?? [])
    .filter((m) => interpretation!.filters[m.kind].includes(m.code))
    .map(({ kind, code, label, matched, how }) => ({ kind, code, label, matched, how }));
  const hrefOf = (f: EffectFilters, words: string[] = []) => `/${filtersToQuery({ ...f, q: words.join(" ") || null, offset: 0 })}`;

  // As the user types: the whole query (when it finds records), then single terms with records.
  const suggestions: Suggestion[] = [];
  if (q) {
    if (count > 0 && (understood.length > 1 || (understood.length && freeText.length)))
      suggestions.push({
        kind: "query",
        code: null,
        label: [...new Set(understood.map((m) => m.label)), ...freeText.map((w) => `“${w}”`)].join(" + "),
        detail: w.allOf(q),
        count,
        href: `/?q=${encodeURIComponent(q)}`,
      });
    for (const m of interpreter.suggest(q, 24)) {
      const n = counts[m.kind].get(m.code) ?? 0;
      if (n === 0) continue;
      suggestions.push({
        kind: m.kind,
        code: m.code,
        label: m.label,
        detail: w.matched(w.kind[m.kind], m.matched, m.how === "fuzzy"),
        count: n,
        href: `/?${KIND_PARAM[m.kind]}=${encodeURIComponent(m.code)}`,
      });
      if (suggestions.length >= MAX_SUGGESTIONS) break;
    }
    if (count > 0 && understood.length === 0 && freeText.length)
      suggestions.push({ kind: "query", code: null, label: w.searchText(q), detail: w.freeText, count, href: `/?q=${encodeURIComponent(q)}` });
  }

  let hint: SuggestAnswer["hint"] = null;
  if ((q || hasFilters) && count === 0) {
    const nearest: Suggestion[] = [];
    const offer = (s: Suggestion) => {
      if (s.count > 0 && !nearest.some((x) => x.href === s.href)) nearest.push(s);
    };
    const active = FILTER_KEYS.flatMap((key) => filters[key].map((code) => ({ key, code })));
    // 1. The query without one of its parts: which part has no record in combination.
    if (active.length + (freeText.length ? 1 : 0) > 1) {
      for (const a of active.slice(0, 6)) {
        if (budget <= 0) break;
        const f = { ...filters, [a.key]: filters[a.key].filter((c) => c !== a.code) };
        const n = await countOf(f, freeText);
        const rest = FILTER_KEYS.flatMap((k) => f[k].map((c) => labelOf(k, c)));
        offer({ kind: "query", code: null, label: [...rest, ...freeText.map((w) => `“${w}”`)].join(" + ") || w.everything, detail: w.without(labelOf(a.key, a.code)), count: n, href: hrefOf(f, freeText) });
      }
      if (freeText.length && budget > 0) {
        const n = await countOf(filters, []);
        offer({ kind: "query", code: null, label: active.map((a) => labelOf(a.key, a.code)).join(" + "), detail: w.withoutWords(freeText.map((word) => `“${word}”`).join(" ")), count: n, href: hrefOf(filters) });
      }
    }
    // 2. A molecular group's neighbours that have records with the rest: its siblings (another allele
    //    of the codon), then its ancestors, nearest first (labelled "KRAS-mutant instead of KRAS G12D":
    //    a broader finding is offered as what it is, never as evidence for the narrower group).
    for (const code of filters.group.slice(0, 2)) {
      const node = vocab.groups.find((g) => g.code === code);
      if (!node) continue;
      const siblings = vocab.groups.filter((g) => g.code !== code && node.parentCode !== null && g.parentCode === node.parentCode);
      const ancestors = ancestorsOf(vocab.groups, code).filter((c) => c !== code).reverse().flatMap((c) => vocab.groups.filter((g) => g.code === c));
      const neighbours = [...siblings, ...ancestors].filter((g) => (counts.group.get(g.code) ?? 0) > 0);
      // An ancestor's records include its descendants': one with no more records than a neighbour
      // already offered finds the same records, and is left out.
      let most = 0;
      for (const g of neighbours.slice(0, 5)) {
        if (budget <= 0) break;
        const f = { ...filters, group: filters.group.map((c) => (c === code ? g.code : c)) };
        const n = await countOf(f, freeText);
        const isAncestor = ancestors.includes(g);
        if (isAncestor && n <= most) continue;
        most = Math.max(most, n);
        offer({ kind: "group", code: g.code, label: FILTER_KEYS.flatMap((k) => f[k].map((c) => labelOf(k, c))).join(" + "), detail: w.instead(g.label, node.label), count: n, href: hrefOf(f, freeText) });
      }
    }
    // 3. Words not understood: the nearest vocabulary terms that have records.
    for (const word of freeText.slice(0, 3)) {
      for (const m of interpreter.near(word, 6)) {
        const n = counts[m.kind].get(m.code) ?? 0;
        if (n === 0) continue;
        offer({ kind: m.kind, code: m.code, label: m.label, detail: w.nearestTo(w.kind[m.kind], word), count: n, href: `/?${KIND_PARAM[m.kind]}=${encodeURIComponent(m.code)}` });
      }
    }
    // 4. Each understood term on its own.
    for (const m of understood) {
      const n = counts[m.kind].get(m.code) ?? 0;
      offer({ kind: m.kind, code: m.code, label: m.label, detail: w.onItsOwn(w.kind[m.kind]), count: n, href: `/?${KIND_PARAM[m.kind]}=${encodeURIComponent(m.code)}` });
    }
    hint = { nearest: nearest.slice(0, MAX_SUGGESTIONS) };
  }

  return { q, understood, notes: interpretation?.notes ?? [], freeText, count, suggestions, hint };
}
