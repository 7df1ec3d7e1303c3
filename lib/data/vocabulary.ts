// The controlled vocabularies as the app needs them: codes, labels, synonyms and the molecular
// tree (with each group's descendants), read once from the database.
import type { PrismaClient } from "../generated/prisma/client";
import type { Vocabulary } from "./filters";

export type GroupNode = { code: string; label: string; parentCode: string | null; level: string; path: string; synonyms: string[]; depth: number };
export type VocabTerm = { code: string; label: string; synonyms: string[] };

export type AppVocabulary = {
  endpoints: (VocabTerm & { definition: string })[];
  treatments: (VocabTerm & { class: string })[];
  groups: GroupNode[];
  designs: { code: string; label: string }[];
  sourceLevels: { code: string; label: string }[];
  measures: string[];
  analyses: string[];
  kinds: string[];
  studies: { id: string; shortName: string; authors: string[]; year: number | null }[];
  /** Codes accepted per filter parameter. */
  allowed: Vocabulary;
};

export const SOURCE_LEVEL_LABELS: Record<string, string> = {
  "primary-full-text": "Primary, full text",
  "primary-abstract": "Primary, journal abstract",
  "conference-report": "Conference report",
  "news-report": "News report",
  secondary: "Secondary (cited by the review)",
};

export const DESIGN_LABELS: Record<string, string> = {
  "rct-phase3": "Randomised phase 3",
  "rct-phase2": "Randomised phase 2",
  "rct-phase-not-stated": "Randomised (phase not stated)",
  "single-arm-phase2": "Single-arm phase 2",
  phase1: "Phase 1",
  "pooled-rct-analysis": "Pooled analysis of RCTs",
  "prospective-cohort": "Prospective cohort",
  "retrospective-cohort": "Retrospective cohort",
  "meta-analysis": "Meta-analysis",
  "not-reported": "Design not reported",
};

const parseList = (s: string) => JSON.parse(s) as string[];

export async function loadVocabulary(db: PrismaClient): Promise<AppVocabulary> {
  const [endpoints, treatments, groups, studies, measures, analyses, kinds, levels, designs] = await Promise.all([
    db.endpoint.findMany({ orderBy: { sortOrder: "asc" } }),
    db.treatment.findMany({ orderBy: { sortOrder: "asc" } }),
    db.molecularGroup.findMany({ orderBy: { sortOrder: "asc" } }),
    db.study.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, shortName: true, authors: true, year: true } }),
    db.effect.findMany({ distinct: ["measure"], select: { measure: true } }),
    db.effect.findMany({ distinct: ["analysis"], select: { analysis: true } }),
    db.effect.findMany({ distinct: ["kind"], select: { kind: true } }),
    db.effect.findMany({ distinct: ["sourceLevel"], select: { sourceLevel: true } }),
    db.study.findMany({ distinct: ["design"], select: { design: true } }),
  ]);
  const levelOrder = Object.keys(SOURCE_LEVEL_LABELS);
  const vocab: Omit<AppVocabulary, "allowed"> = {
    endpoints: endpoints.map((e) => ({ code: e.code, label: e.label, definition: e.definition, synonyms: parseList(e.synonyms) })),
    treatments: treatments.map((t) => ({ code: t.code, label: t.label, class: t.class, synonyms: parseList(t.synonyms) })),
    groups: groups.map((g) => ({ code: g.code, label: g.label, parentCode: g.parentCode, level: g.level, path: g.path, synonyms: parseList(g.synonyms), depth: g.path.split("/").filter(Boolean).length - 1 })),
    designs: designs.map((d) => ({ code: d.design, label: DESIGN_LABELS[d.design] ?? d.design })).sort((a, b) => a.label.localeCompare(b.label)),
    sourceLevels: levels.map((l) => ({ code: l.sourceLevel, label: SOURCE_LEVEL_LABELS[l.sourceLevel] ?? l.sourceLevel })).sort((a, b) => levelOrder.indexOf(a.code) - levelOrder.indexOf(b.code)),
    measures: measures.map((m) => m.measure).filter((m): m is string => m !== null).sort(),
    analyses: analyses.map((a) => a.analysis).sort(),
    kinds: kinds.map((k) => k.kind).sort(),
    studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: parseList(s.authors), year: s.year })),
  };
  return {
    ...vocab,
    allowed: {
      endpoint: vocab.endpoints.map((e) => e.code),
      treatment: vocab.treatments.map((t) => t.code),
      group: vocab.groups.map((g) => g.code),
      study: vocab.studies.map((s) => s.id),
      measure: vocab.measures,
      design: Object.keys(DESIGN_LABELS),
      sourceLevel: Object.keys(SOURCE_LEVEL_LABELS),
      analysis: ["univariable", "multivariable", "randomised", "descriptive", "not-reported"],
      kind: ["contrast", "arm", "frequency", "p-only", "direction"],
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
