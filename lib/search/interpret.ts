// Understands what a user types: allele spellings (G12D, p.Gly12Asp, c.35G>A), codons ("codon 13"),
// endpoint and treatment synonyms and abbreviations (SCP, HAI, FUDR, bev, triplet, R0, 转化治疗 ...),
// study names and first authors, and the clinical phrasings that name several terms at once ("exon 2",
// "anti-EGFR", "liver-directed therapy", "resection margin"; see CLINICAL_PHRASES). Known terms become
// filters; typos are caught by fuse.js; what is left is free text. Runs on the server only (the
// pages, /api/effects and /api/suggest): the browser never receives the vocabularies.
import { createTermIndex } from "./term-index";

export type TermKind = "endpoint" | "treatment" | "group" | "study";
export type SearchTerm = { text: string; kind: TermKind; code: string; label: string; note?: string };
export type TermMatch = { kind: TermKind; code: string; label: string; matched: string; how: "exact" | "fuzzy"; note?: string };
export type Interpretation = {
  filters: Record<TermKind, string[]>;
  matches: TermMatch[];
  freeText: string[];
  /** What a clinical phrase was read as, in words ("exon 2 is codons 12 and 13 of KRAS and NRAS …"). */
  notes: string[];
};

export type SearchVocabulary = {
  endpoints: { code: string; label: string; synonyms: string[] }[];
  /** class and parents (components and classes) let phrases name a class and let filters collapse to the widest code. */
  treatments: { code: string; label: string; synonyms: string[]; class?: string; parents?: string[] }[];
  /** parentCode (the app) or parent (the content files): the molecular tree. */
  groups: { code: string; label: string; synonyms: string[]; parentCode?: string | null; parent?: string | null; level?: string }[];
  studies: { id: string; shortName: string; authors: string[]; year: number | null }[];
  /** The language of the labels and of the notes a clinical phrase gives ("zh": Chinese); English when absent. */
  locale?: "en" | "zh";
};

/**
 * Phrasings clinicians type that name several vocabulary terms at once. Each resolves against the
 * vocabulary (codes it does not hold are skipped) and says what it was read as. The molecular rule
 * holds: "exon 2" selects records reported at codon 12 or 13 (or below), never RAS- or KRAS-level ones.
 */
type Phrase = { kind: TermKind; texts: string[]; codes: (v: SearchVocabulary) => string[]; note: (labels: string[]) => string; noteZh: (labels: string[]) => string };

const EXON_CODONS: Record<number, number[]> = { 2: [12, 13], 3: [59, 61], 4: [117, 146] };

/** Codon groups of an exon ("KRAS-codon-12", "NRAS-codon-13", "KRAS-codon-12-13" reported together). */
function exonGroups(v: SearchVocabulary, exon: number, gene?: "KRAS" | "NRAS"): string[] {
  const codons = EXON_CODONS[exon] ?? [];
  return v.groups
    .filter((g) => {
      const m = /^(KRAS|NRAS)-codon-(\d+)(?:-(\d+))?$/.exec(g.code);
      if (!m || (gene && m[1] !== gene)) return false;
      return [m[2], m[3]].filter(Boolean).every((c) => codons.includes(Number(c)));
    })
    .map((g) => g.code);
}

/** The widest treatments of some classes: those without a parent in the same classes (a filter includes every regimen below). */
function classRoots(v: SearchVocabulary, classes: string[]): string[] {
  const classOf = new Map(v.treatments.map((t) => [t.code, t.class]));
  return v.treatments
    .filter((t) => t.class !== undefined && classes.includes(t.class) && !(t.parents ?? []).some((p) => classes.includes(classOf.get(p) ?? "")))
    .map((t) => t.code);
}

const known = (list: { code: string }[], codes: string[]) => codes.filter((c) => list.some((x) => x.code === c));
const listText = (labels: string[]) => (labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`);
const listZh = (labels: string[]) => (labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join("、")}和${labels[labels.length - 1]}`);

export const CLINICAL_PHRASES: Phrase[] = [
  {
    kind: "group",
    texts: ["exon 2", "exon-2", "exon ii", "ras exon 2", "codons 12 and 13", "codon 12 and 13", "codons 12/13", "codons 12-13", "外显子2", "2号外显子"],
    codes: (v) => exonGroups(v, 2),
    note: (l) => `exon 2 is codons 12 and 13, in KRAS and in NRAS: read as ${listText(l)}. Records reported only at RAS or KRAS level say nothing specific about exon 2 and are not included.`,
    noteZh: (l) => `外显子 2 即 KRAS 和 NRAS 的第 12、13 密码子：理解为${listZh(l)}。仅在 RAS 或 KRAS 层级报告的记录并未专门说明外显子 2，不予纳入。`,
  },
  ...(["KRAS", "NRAS"] as const).flatMap((gene): Phrase[] =>
    [2, 3, 4].map((exon) => ({
      kind: "group",
      texts: [`${gene.toLowerCase()} exon ${exon}`, `${gene.toLowerCase()} exon-${exon}`],
      codes: (v) => exonGroups(v, exon, gene),
      note: (l) => `${gene} exon ${exon} is ${gene} codons ${EXON_CODONS[exon]!.join(" and ")}: read as ${listText(l)}.`,
      noteZh: (l) => `${gene} 外显子 ${exon} 即 ${gene} 第 ${EXON_CODONS[exon]!.join("、")} 密码子：理解为${listZh(l)}。`,
    })),
  ),
  ...[3, 4].map(
    (exon): Phrase => ({
      kind: "group",
      texts: [`exon ${exon}`, `exon-${exon}`, `ras exon ${exon}`],
      codes: (v) => exonGroups(v, exon),
      note: (l) => `exon ${exon} is codons ${EXON_CODONS[exon]!.join(" and ")}, in KRAS and in NRAS: read as ${listText(l)}.`,
      noteZh: (l) => `外显子 ${exon} 即 KRAS 和 NRAS 的第 ${EXON_CODONS[exon]!.join("、")} 密码子：理解为${listZh(l)}。`,
    }),
  ),
  {
    kind: "treatment",
    texts: ["anti-egfr", "anti egfr", "antiegfr", "egfr antibody", "egfr antibodies", "anti-egfr antibody", "anti-egfr antibodies", "anti-egfr therapy", "egfr inhibitor", "egfr inhibitors", "egfr", "抗egfr", "抗egfr治疗"],
    codes: (v) => classRoots(v, ["anti-EGFR"]),
    note: (l) => `anti-EGFR antibodies: ${listText(l)}, and every regimen containing them (RAS-mutant tumours do not respond to them; most of these records are RAS wild-type).`,
    noteZh: (l) => `抗 EGFR 抗体：${listZh(l)}，以及所有含这些药物的方案（RAS 突变肿瘤对其无应答；这些记录大多为 RAS 野生型）。`,
  },
  {
    kind: "treatment",
    texts: ["anti-vegf", "anti vegf", "vegf", "antiangiogenic", "anti-angiogenic", "anti-angiogenesis", "抗血管生成"],
    codes: (v) => classRoots(v, ["anti-VEGF"]),
    note: (l) => `anti-VEGF: ${listText(l)}, and every regimen containing it.`,
    noteZh: (l) => `抗 VEGF：${listZh(l)}，以及所有含该药物的方案。`,
  },
  {
    kind: "treatment",
    texts: [
      "liver-directed", "liver directed", "liver-directed therapy", "liver directed therapy", "liver-directed therapies", "liver-directed treatment", "liver-directed treatments",
      "locoregional", "loco-regional", "locoregional therapy", "loco-regional therapy", "locoregional treatment", "regional therapy", "肝脏局部治疗", "肝局部治疗",
    ],
    codes: (v) => classRoots(v, ["liver-directed", "ablation", "radiotherapy"]),
    note: (l) => `liver-directed therapy: ${listText(l)}, and every regimen containing them. Resection is not included: search “hepatectomy” for it.`,
    noteZh: (l) => `肝脏局部治疗：${listZh(l)}，以及所有含这些治疗的方案。不包括肝切除：请搜索“肝切除”。`,
  },
  {
    kind: "treatment",
    texts: ["triplet", "triplet chemotherapy", "triplet regimen", "three-drug", "three drug", "三药", "三药方案"],
    codes: (v) => classRoots(v, ["systemic-triplet"]),
    note: (l) => `triplet chemotherapy: ${listText(l)}, with or without a biologic.`,
    noteZh: (l) => `三药化疗：${listZh(l)}，联合或不联合生物制剂。`,
  },
  {
    kind: "treatment",
    texts: ["doublet", "doublet chemotherapy", "doublet regimen", "two-drug", "two drug", "双药", "双药方案"],
    codes: (v) => classRoots(v, ["systemic-doublet"]),
    note: (l) => `doublet chemotherapy: ${listText(l)}, with or without a biologic.`,
    noteZh: (l) => `双药化疗：${listZh(l)}，联合或不联合生物制剂。`,
  },
  {
    kind: "treatment",
    texts: ["tare", "transarterial radioembolisation", "transarterial radioembolization", "radioembolisation", "radioembolization", "yttrium-90", "yttrium 90"],
    codes: (v) => known(v.treatments, ["SIRT"]),
    note: (l) => `radioembolisation: ${listText(l)}.`,
    noteZh: (l) => `放射栓塞：${listZh(l)}。`,
  },
  {
    kind: "endpoint",
    texts: ["resection margin", "resection margins", "surgical margins", "margin", "margins", "margin status", "margin involvement", "切缘"],
    codes: (v) => known(v.endpoints, ["positive-margin", "margin-width"]),
    note: (l) => `resection margin: ${listText(l)}.`,
    noteZh: (l) => `切缘：${listZh(l)}。`,
  },
  {
    kind: "endpoint",
    texts: ["r1 resection", "r1 margin", "involved margin", "involved margins"],
    codes: (v) => known(v.endpoints, ["positive-margin"]),
    note: (l) => `an R1 resection is a positive margin: ${listText(l)}.`,
    noteZh: (l) => `R1 切除即切缘阳性：${listZh(l)}。`,
  },
  {
    kind: "endpoint",
    texts: ["resectability", "conversion to resection", "converted to resection", "可切除性"],
    codes: (v) => known(v.endpoints, ["conversion"]),
    note: (l) => `resectability after chemotherapy: ${listText(l)}.`,
    noteZh: (l) => `化疗后的可切除性：${listZh(l)}。`,
  },
];

// Where one word names several things ("conversion": an endpoint and a strategy; "resection": an
// endpoint and a procedure), the endpoint wins: users ask about outcomes.
const PRECEDENCE: TermKind[] = ["endpoint", "group", "study", "treatment"];

export const norm = (s: string) => s.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();
const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

function labelOf(v: SearchVocabulary, kind: TermKind, code: string): string {
  if (kind === "study") return v.studies.find((s) => s.id === code)?.shortName ?? code;
  const list = kind === "endpoint" ? v.endpoints : kind === "treatment" ? v.treatments : v.groups;
  return list.find((x) => x.code === code)?.label ?? code;
}

export function buildTerms(v: SearchVocabulary): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const add = (text: string, kind: TermKind, code: string, label: string, note?: string) => {
    const t = norm(text);
    if (t.length >= 2 || hasCjk(t)) terms.push({ text: t, kind, code, label, ...(note ? { note } : {}) });
  };
  for (const e of v.endpoints) for (const s of [e.code, e.label, ...e.synonyms]) add(s, "endpoint", e.code, e.label);
  for (const t of v.treatments) for (const s of [t.code, t.label, ...t.synonyms]) add(s, "treatment", t.code, t.label);
  for (const g of v.groups) for (const s of [g.code, g.label, ...g.synonyms]) add(s, "group", g.code, g.label);
  for (const s of v.studies) {
    const first = s.authors[0]?.split(" ")[0];
    for (const x of [s.shortName, s.id, first, first && s.year ? `${first} ${s.year}` : undefined]) if (x) add(x, "study", s.id, s.shortName);
  }
  for (const p of CLINICAL_PHRASES) {
    const codes = p.codes(v);
    if (codes.length === 0) continue;
    const labels = codes.map((c) => labelOf(v, p.kind, c));
    const note = v.locale === "zh" ? p.noteZh(labels) : p.note(labels);
    for (const text of p.texts) for (const code of codes) add(text, p.kind, code, labelOf(v, p.kind, code), note);
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

const STOP_WORDS = /^(vs|and|or|the|of|in|on|for|with|after|by|what|is|known|about|versus|mutant|mutated|mutation|mutations|mt|patients|therapy|treatment)$/;

/** Every ancestor of each code, following the given parent links (the vocabularies are checked acyclic; the visited set keeps this finite regardless). */
function ancestorMap(parentsOf: Map<string, string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const code of parentsOf.keys()) {
    const seen = new Set<string>();
    const stack = [...(parentsOf.get(code) ?? [])];
    while (stack.length) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(parentsOf.get(at) ?? []));
    }
    out.set(code, seen);
  }
  return out;
}

function widest(codes: string[], ancestors: Map<string, Set<string>>): string[] {
  return codes.filter((c) => !codes.some((other) => other !== c && ancestors.get(c)?.has(other)));
}

export function createInterpreter(vocab: SearchVocabulary) {
  const terms = buildTerms(vocab);
  const treatmentAncestors = ancestorMap(new Map(vocab.treatments.map((t) => [t.code, t.parents ?? []])));
  const groupAncestors = ancestorMap(new Map(vocab.groups.map((g) => [g.code, [g.parentCode ?? g.parent ?? null].filter((p): p is string => Boolean(p))])));
  const indexOf = (codes: string[]) => new Map(codes.map((c, i) => [c, i]));
  const order: Record<TermKind, Map<string, number>> = {
    endpoint: indexOf(vocab.endpoints.map((e) => e.code)),
    treatment: indexOf(vocab.treatments.map((t) => t.code)),
    group: indexOf(vocab.groups.map((g) => g.code)),
    study: indexOf(vocab.studies.map((s) => s.id)),
  };
  // Built once per vocabulary (lib/data/search caches the interpreter per vocabulary object, which
  // lib/data/context reloads when the dataset version changes).
  const index = createTermIndex(terms);
  const typo = (word: string, limit: number) => index.fuzzy(word, { threshold: 0.3, minMatchCharLength: 3, limit });

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
    for (const t of index.occurring(query)) {
      for (const [i, j] of findSpans(query, t.text)) {
        const span = `${i}:${j}`;
        if (!claimedSpans.has(span)) {
          if (!claim(i, j)) continue;
          claimedSpans.add(span);
        }
        const seen = matches.find((m) => m.kind === t.kind && m.code === t.code);
        if (!seen) matches.push({ kind: t.kind, code: t.code, label: t.label, matched: query.slice(i, j), how: "exact", ...(t.note ? { note: t.note } : {}) });
        // "triplet" is both FOLFOXIRI's synonym and a phrase: the phrase's note says what it was read as.
        else if (t.note && !seen.note && seen.matched === query.slice(i, j)) seen.note = t.note;
      }
    }
    // 2. Left-over words: typo-tolerant lookup; otherwise free text.
    let rest = "";
    for (let k = 0; k < query.length; k++) rest += taken[k] ? " " : query[k];
    const freeText: string[] = [];
    for (const word of rest.split(/[\s,;]+/).filter((w) => w.length >= 2 && !STOP_WORDS.test(w))) {
      // A typo of a whole term: close in score and in length ("hepatectmy" is hepatectomy, not
      // parenchymal-sparing hepatectomy).
      const hit =
        word.length >= 4
          ? typo(word, 12).find((r) => Math.abs(r.item.text.length - word.length) <= Math.max(2, Math.round(word.length * 0.25)))
          : undefined;
      if (hit && (hit.score ?? 1) <= 0.3) {
        const t = hit.item;
        if (!matches.some((m) => m.kind === t.kind && m.code === t.code)) matches.push({ kind: t.kind, code: t.code, label: t.label, matched: word, how: "fuzzy", ...(t.note ? { note: t.note } : {}) });
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
    // A filter includes everything below a code, so a code under another chosen one adds nothing:
    // "triplet" is FOLFOXIRI (FOLFOXIRI + bevacizumab is below it), "doublet" is the doublet class.
    filters.treatment = widest(filters.treatment, treatmentAncestors);
    filters.group = widest(filters.group, groupAncestors);
    // In the vocabulary's order, so that "liver-directed therapy" reads HAI, DEBIRI, SIRT, ablation, SBRT.
    for (const kind of PRECEDENCE) filters[kind].sort((a, b) => (order[kind].get(a) ?? 0) - (order[kind].get(b) ?? 0));
    const kept = matches.filter((m) => filters[m.kind].includes(m.code));
    const notes = [...new Set(kept.flatMap((m) => (m.note ? [m.note] : [])))];
    return { filters, matches, freeText, notes };
  }

  /** Suggestions as the user types: each says what it matched. */
  function suggest(raw: string, limit = 8): TermMatch[] {
    const query = norm(raw);
    if (!query) return [];
    const exact = interpret(raw).matches;
    const fuzzy = query.length >= 2 ? typo(query, 20) : [];
    const out: TermMatch[] = [...exact];
    for (const r of fuzzy) {
      const t = r.item;
      if (out.some((m) => m.kind === t.kind && m.code === t.code)) continue;
      out.push({ kind: t.kind, code: t.code, label: t.label, matched: t.text, how: "fuzzy", ...(t.note ? { note: t.note } : {}) });
    }
    return out.slice(0, limit);
  }

  /** The vocabulary terms nearest to a word, one per code, closest first. */
  function near(word: string, limit = 6): TermMatch[] {
    const w = norm(word);
    if (w.length < 2) return [];
    const out: TermMatch[] = [];
    // Looser than a typo for "did you mean": only asked when a query found nothing.
    for (const r of index.fuzzy(w, { threshold: 0.5, minMatchCharLength: 2, limit: 40 })) {
      const t = r.item;
      if (out.some((m) => m.kind === t.kind && m.code === t.code)) continue;
      out.push({ kind: t.kind, code: t.code, label: t.label, matched: t.text, how: "fuzzy", ...(t.note ? { note: t.note } : {}) });
      if (out.length >= limit) break;
    }
    return out;
  }

  return { interpret, suggest, near, terms };
}
