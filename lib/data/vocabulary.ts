// The controlled vocabularies as the app needs them: codes, labels, synonyms and the molecular
// tree (with each group's descendants), read once from the database.
import type { PrismaClient } from "../generated/prisma/client";
import type { Vocabulary } from "./filters";
import { ANALYSES, EFFECT_KINDS, MEASURES } from "../content/schema";

export type GroupNode = { code: string; label: string; parentCode: string | null; level: string; path: string; synonyms: string[]; depth: number };
export type VocabTerm = { code: string; label: string; synonyms: string[] };

export type AppVocabulary = {
  /** "zh" for the Chinese-labelled copy (localizeVocabulary); absent for the English one. */
  locale?: "zh";
  endpoints: (VocabTerm & { definition: string })[];
  treatments: (VocabTerm & { class: string; parents: string[] })[];
  groups: GroupNode[];
  designs: { code: string; label: string }[];
  sourceLevels: { code: string; label: string }[];
  studies: { id: string; shortName: string; authors: string[]; year: number | null }[];
  /** Labels by code, for pages. */
  labels: { design: Record<string, string>; sourceLevel: Record<string, string>; group: Record<string, string>; endpoint: Record<string, string>; treatment: Record<string, string> };
  /** Codes accepted per filter parameter. */
  allowed: Vocabulary;
  /** Simplified Chinese labels by vocabulary and code, where content/vocab gives one (labelZh). */
  labelsZh: Record<"endpoint" | "treatment" | "group" | "design" | "sourceLevel", Record<string, string>>;
};

const parseList = (s: string) => JSON.parse(s) as string[];

export async function loadVocabulary(db: PrismaClient): Promise<AppVocabulary> {
  const [endpoints, treatments, groups, studies, levels, designs] = await Promise.all([
    db.endpoint.findMany({ orderBy: { sortOrder: "asc" } }),
    db.treatment.findMany({ orderBy: { sortOrder: "asc" } }),
    db.molecularGroup.findMany({ orderBy: { sortOrder: "asc" } }),
    db.study.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, shortName: true, authors: true, year: true } }),
    db.sourceLevel.findMany({ orderBy: { rank: "asc" } }),
    db.design.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const vocab: Omit<AppVocabulary, "allowed" | "labels" | "labelsZh"> = {
    endpoints: endpoints.map((e) => ({ code: e.code, label: e.label, definition: e.definition, synonyms: parseList(e.synonyms) })),
    treatments: treatments.map((t) => ({ code: t.code, label: t.label, class: t.class, parents: parseList(t.parents), synonyms: parseList(t.synonyms) })),
    groups: groups.map((g) => ({ code: g.code, label: g.label, parentCode: g.parentCode, level: g.level, path: g.path, synonyms: parseList(g.synonyms), depth: g.path.split("/").filter(Boolean).length - 1 })),
    designs: designs.map((d) => ({ code: d.code, label: d.label })),
    sourceLevels: levels.map((l) => ({ code: l.code, label: l.label })),
    studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: parseList(s.authors), year: s.year })),
  };
  const labelOf = (list: { code: string; label: string }[]) => Object.fromEntries(list.map((x) => [x.code, x.label]));
  const zhOf = (list: { code: string; labelZh: string | null }[]) => Object.fromEntries(list.flatMap((x) => (x.labelZh ? [[x.code, x.labelZh] as const] : [])));
  const labelsZh = { endpoint: zhOf(endpoints), treatment: zhOf(treatments), group: zhOf(groups), design: zhOf(designs), sourceLevel: zhOf(levels) };
  return {
    ...vocab,
    labelsZh,
    labels: { design: labelOf(vocab.designs), sourceLevel: labelOf(vocab.sourceLevels), group: labelOf(vocab.groups), endpoint: labelOf(vocab.endpoints), treatment: labelOf(vocab.treatments) },
    // Allowed filter values: the vocabularies as built from content/vocab, and the schema's enums.
    allowed: {
      endpoint: vocab.endpoints.map((e) => e.code),
      treatment: vocab.treatments.map((t) => t.code),
      group: vocab.groups.map((g) => g.code),
      study: vocab.studies.map((s) => s.id),
      measure: [...MEASURES],
      design: vocab.designs.map((d) => d.code),
      sourceLevel: vocab.sourceLevels.map((l) => l.code),
      analysis: [...ANALYSES],
      kind: [...EFFECT_KINDS],
    },
  };
}

/** A group and all its descendants (choosing a codon includes its alleles). */
export function descendantsOf(groups: GroupNode[], code: string): string[] {
  const node = groups.find((g) => g.code === code);
  if (!node) return [];
  return groups.filter((g) => g.path.startsWith(node.path)).map((g) => g.code);
}

export function ancestorsOf(groups: GroupNode[], code: string): string[] {
  const node = groups.find((g) => g.code === code);
  if (!node) return [];
  return node.path.split("/").filter(Boolean);
}

/**
 * The vocabulary with its labels in the interface's language: Chinese labels (labelZh) where the
 * vocabulary gives one, English otherwise. Codes, synonyms and the tree stay as they are, so filters
 * and search read the same in both languages.
 */
export function localizeVocabulary(vocab: AppVocabulary, locale: string): AppVocabulary {
  if (locale !== "zh") return vocab;
  const zh =
    (kind: keyof AppVocabulary["labelsZh"]) =>
    <T extends { code: string; label: string }>(x: T): T => ({ ...x, label: vocab.labelsZh[kind][x.code] ?? x.label });
  const endpoints = vocab.endpoints.map(zh("endpoint"));
  const treatments = vocab.treatments.map(zh("treatment"));
  const groups = vocab.groups.map(zh("group"));
  const designs = vocab.designs.map(zh("design"));
  const sourceLevels = vocab.sourceLevels.map(zh("sourceLevel"));
  const labelOf = (list: { code: string; label: string }[]) => Object.fromEntries(list.map((x) => [x.code, x.label]));
  return { ...vocab, locale: "zh", endpoints, treatments, groups, designs, sourceLevels, labels: { design: labelOf(designs), sourceLevel: labelOf(sourceLevels), group: labelOf(groups), endpoint: labelOf(endpoints), treatment: labelOf(treatments) } };
}
