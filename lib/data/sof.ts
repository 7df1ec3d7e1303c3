// Summaries of Findings from the database: the questions and risk-of-bias assessments the build
// stored, the records, and the same builder the tests use on content (lib/grade).
import type { PrismaClient } from "../generated/prisma/client";
import type { QuestionContent, RiskOfBiasContent } from "../content/schema";
import { summaryOfFindings, type SummaryOfFindings } from "../grade/summary";
import { studyFacts } from "../pooling/context";
import { appPoolingContext } from "./pool-effects";
import { findStudies } from "./find-studies";
import type { EffectRecord } from "../domain/records";
import { parseFiltersLenient, type EffectFilters } from "./filters";
import { databaseFileOf } from "../db/open";
import { effectBatches, effectsById } from "./sql";
import { databaseIdentity } from "../db/sqlite";
import { LRUCache } from "lru-cache";
import type { AppVocabulary } from "./vocabulary";

export type QuestionSummary = { id: string; title: string; titleZh: string | null; kind: string; outcomes: { endpoint: string; importance: string }[] };

export async function listQuestions(db: PrismaClient): Promise<QuestionSummary[]> {
  const rows = await db.question.findMany({ orderBy: { sortOrder: "asc" } });
  return rows.map((r) => {
    const q = JSON.parse(r.definition) as QuestionContent;
    return { id: r.id, title: r.title, titleZh: q.titleZh ?? null, kind: r.kind, outcomes: q.outcomes.map((o) => ({ endpoint: o.endpoint, importance: o.importance })) };
  });
}

/**
 * Summaries already built, by database file identity (a rebuild is a new file), language and
 * question: a summary is a pure function of those, and building one at 200,000 records reads
 * thousands of records and fits every pooled row (1–2 s), for the question page and /api/sof alike.
 */
const built = new LRUCache<string, Promise<SummaryOfFindings | null>>({ max: 64 });

export function findSummaryOfFindings(db: PrismaClient, vocab: AppVocabulary, id: string): Promise<SummaryOfFindings | null> {
  const key = `${databaseIdentity(databaseFileOf(db))}\u0000${vocab.locale}\u0000${id}`;
  let summary = built.get(key);
  if (!summary) {
    summary = buildSummaryOfFindings(db, vocab, id);
    built.set(key, summary);
    // A failed build is not kept: the next request tries again.
    summary.catch(() => built.delete(key));
  }
  return summary;
}

async function buildSummaryOfFindings(db: PrismaClient, vocab: AppVocabulary, id: string): Promise<SummaryOfFindings | null> {
  const row = await db.question.findUnique({ where: { id } });
  if (!row) return null;
  const question = JSON.parse(row.definition) as QuestionContent;
  const file = databaseFileOf(db);
  // The records that can answer the question: its outcomes' endpoints within its groups, treatments
  // and studies, read in SQL (a superset of lib/grade/sof.ts candidatesFor, which decides), a batch
  // at a time; the studies of those records only.
  const filters: EffectFilters = {
    ...parseFiltersLenient(new URLSearchParams(), vocab.allowed),
    endpoint: [...new Set(question.outcomes.map((o) => o.endpoint))],
    group: question.filters.group,
    treatment: question.filters.treatment,
    study: question.filters.study,
  };
  const effects: EffectRecord[] = [];
  for (const batch of effectBatches(filters, [], 1000, { file })) effects.push(...batch);
  const baselineIds = question.outcomes.flatMap((o) => (o.baseline ? [o.baseline.record] : []));
  const known = new Set(effects.map((e) => e.id));
  const baselines = effectsById(baselineIds.filter((b) => !known.has(b)), { file });
  const records = [...effects, ...baselines];
  const [studies, assessments] = await Promise.all([findStudies(db, [...new Set(records.map((e) => e.studyId))]), db.riskOfBias.findMany()]);
  const labels = new Map<string, string>([...vocab.groups.map((g): [string, string] => [g.code, g.label]), ...vocab.treatments.map((t): [string, string] => [t.code, t.label])]);
  const endpointLabels = new Map(vocab.endpoints.map((e) => [e.code, e.label]));
  return summaryOfFindings(question, {
    pooling: appPoolingContext(vocab),
    studies: studyFacts(studies),
    riskOfBias: new Map(assessments.map((a) => [a.studyId, JSON.parse(a.assessment) as RiskOfBiasContent])),
    records,
    endpointLabel: (c) => endpointLabels.get(c) ?? c,
    groupLabel: (c) => labels.get(c) ?? c,
    ...(vocab.locale === "zh" ? { locale: "zh" as const } : {}),
  });
}
