// Summaries of Findings from the database: the questions and risk-of-bias assessments the build
// stored, the records, and the same builder the tests use on content (lib/grade).
import type { PrismaClient } from "../generated/prisma/client";
import type { QuestionContent, RiskOfBiasContent } from "../content/schema";
import { summaryOfFindings, type SummaryOfFindings } from "../grade/summary";
import { studyFacts } from "../pooling/context";
import { appPoolingContext } from "./pool-effects";
import { EFFECT_INCLUDE, toEffectRecord } from "./to-record";
import { findStudies } from "./find-studies";
import type { AppVocabulary } from "./vocabulary";

export type QuestionSummary = { id: string; title: string; kind: string; outcomes: { endpoint: string; importance: string }[] };

export async function listQuestions(db: PrismaClient): Promise<QuestionSummary[]> {
  const rows = await db.question.findMany({ orderBy: { sortOrder: "asc" } });
  return rows.map((r) => {
    const q = JSON.parse(r.definition) as QuestionContent;
    return { id: r.id, title: r.title, kind: r.kind, outcomes: q.outcomes.map((o) => ({ endpoint: o.endpoint, importance: o.importance })) };
  });
}

export async function findSummaryOfFindings(db: PrismaClient, vocab: AppVocabulary, id: string): Promise<SummaryOfFindings | null> {
  const row = await db.question.findUnique({ where: { id } });
  if (!row) return null;
  const question = JSON.parse(row.definition) as QuestionContent;
  const [effects, studies, assessments] = await Promise.all([
    db.effect.findMany({ where: { endpointCode: { in: question.outcomes.map((o) => o.endpoint) } }, include: EFFECT_INCLUDE, orderBy: [{ study: { sortOrder: "asc" } }, { sortOrder: "asc" }] }),
    findStudies(db),
    db.riskOfBias.findMany(),
  ]);
  const baselineIds = question.outcomes.flatMap((o) => (o.baseline ? [o.baseline.record] : []));
  const baselines = baselineIds.length ? await db.effect.findMany({ where: { id: { in: baselineIds } }, include: EFFECT_INCLUDE }) : [];
  const records = [...effects, ...baselines.filter((b) => !effects.some((e) => e.id === b.id))].map(toEffectRecord);
  const labels = new Map<string, string>([...vocab.groups.map((g): [string, string] => [g.code, g.label]), ...vocab.treatments.map((t): [string, string] => [t.code, t.label])]);
  const endpointLabels = new Map(vocab.endpoints.map((e) => [e.code, e.label]));
  return summaryOfFindings(question, {
    pooling: appPoolingContext(vocab),
    studies: studyFacts(studies),
    riskOfBias: new Map(assessments.map((a) => [a.studyId, JSON.parse(a.assessment) as RiskOfBiasContent])),
    records,
    endpointLabel: (c) => endpointLabels.get(c) ?? c,
    groupLabel: (c) => labels.get(c) ?? c,
  });
}
