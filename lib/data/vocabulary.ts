// The controlled vocabularies as the app needs them: codes, labels, synonyms and the molecular
// tree (with each group's descendants), read once from the database.
import type { PrismaClient } from "../generated/prisma/client";
import type { Vocabulary } from "./filters";
import { ANALYSES, EFFECT_KINDS, MEASURES } from "../content/schema";

export type GroupNode = { code: string; label: string; parentCode: string | null; level: string; path: string; synonyms: string[]; depth: number };
export type VocabTerm = { code: string; label: string; synonyms: string[] };

export type AppVocabulary = {
  endpoints: (VocabTerm & { definition: string })[];
  treatments: (VocabTerm & { class: string; parents: string[] })[];
  groups: GroupNode[];
  designs: { code: string; label: string }[];
  sourceLevels: { code: string; label: string }[];
  studies: { id: string; shortName: string; authors: string[]; year: number | null }[];
  /** Labels by code, for pages. */
  labels: { design: Record<string, string>; sourceLevel: Record<string, string>; group: Record<string, string> };
  /** Codes accepted per filter parameter. */
  allowed: Vocabulary;
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
  const vocab: Omit<AppVocabulary, "allowed" | "labels"> = {
    endpoints: endpoints.map((e) => ({ code: e.code, label: e.label, definition: e.definition, synonyms: parseList(e.synonyms) })),
    treatments: treatments.map((t) => ({ code: t.code, label: t.label, class: t.class, parents: parseList(t.parents), synonyms: parseList(t.synonyms) })),
    groups: groups.map((g) => ({ code: g.code, label: g.label, parentCode: g.parentCode, level: g.level, path: g.path, synonyms: parseList(g.synonyms), depth: g.path.split("/").filter(Boolean).length - 1 })),
    designs: designs.map((d) => ({ code: d.code, label: d.label })),
    sourceLevels: levels.map((l) => ({ code: l.code, label: l.label })),
    studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: parseList(s.authors), year: s.year })),
  };
  const labelOf = (list: { code: string; label: string }[]) => Object.fromEntries(list.map((x) => [x.code, x.label]));
  return {
    ...vocab,
    labels: { design: labelOf(vocab.designs), sourceLevel: labelOf(vocab.sourceLevels), group: labelOf(vocab.groups) },
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
