// Everything /questions/[id] shows: the Summary of Findings (lib/data/sof.ts, the same builder the
// API and the Word export use), critical outcomes first, each row's links, its footnotes, the
// records behind it and the risk-of-bias judgements of the studies it rests on. Every href is built
// here so the components never assemble query strings. cache(): the page and its metadata share it.
// It reads two tables beside findSummaryOfFindings (the row's records and RiskOfBias); it belongs
// with the data-access modules in lib/data and can move there as `findQuestionEvidence`.
import "server-only";
import { cache } from "react";
import { getLocale } from "next-intl/server";
import { getPageContext } from "@/lib/data/context";
import { findSummaryOfFindings, listQuestions } from "@/lib/data/sof";
import { findEffectsByIds } from "@/lib/data/find-effects";
import { ignored as note, unknownParameters, type Ignored } from "@/lib/data/ignored";
import { poolingContext } from "@/lib/pooling/context";
import { judgementFor, type SofRow } from "@/lib/grade/sof";
import type { SummaryOfFindings } from "@/lib/grade/summary";
import type { RiskOfBiasContent } from "@/lib/content/schema";
import type { EffectRecord } from "@/lib/domain/records";
import { clinicalSentence, type SentenceLocale } from "@/lib/domain/sentence";
import { evidenceRecords, studiesOf } from "./evidence";
import { sofFootnotes, type RowFootnotes } from "./footnotes";
import { IMPORTANCE_LABELS, QUESTION_KIND_LABELS } from "./labels";

export const VIEWS = ["sof", "profile"] as const;
export type QuestionViewName = (typeof VIEWS)[number];

export type RecordLink = { id: string; text: string; href: string };

export type SofRowView = {
  row: SofRow;
  /** The row's pooled forest plot on /pool. */
  poolHref: string;
  /** The browser filtered to this outcome within the question's groups, treatments and studies. */
  recordsHref: string;
  /** The records the certainty rests on (pooled, single, or p-value and direction findings). */
  evidence: RecordLink[];
  /** Every record of the outcome the row considered, including those set aside. */
  considered: RecordLink[];
  footnotes: RowFootnotes;
};

export type StudyAssessment = {
  studyId: string;
  study: string;
  href: string;
  assessment: RiskOfBiasContent | null;
  /** The outcomes of this question the study contributes to, with the judgement the rating used. */
  outcomes: { outcome: string; label: string; judgement: string | null }[];
};

export type QuestionView = {
  summary: SummaryOfFindings;
  kindLabel: string;
  rows: SofRowView[];
  assessments: StudyAssessment[];
  exports: { format: "csv" | "json" | "docx"; label: string; href: string }[];
  views: { view: QuestionViewName; label: string; href: string }[];
  version: string;
};

export type QuestionListItem = { id: string; title: string; kind: string; kindLabel: string; href: string; outcomes: { endpoint: string; label: string; importance: string }[] };

export const findQuestionList = cache(async (): Promise<QuestionListItem[]> => {
  const locale = await getLocale();
  const { db, vocab } = await getPageContext(locale);
  const labels = new Map(vocab.endpoints.map((e) => [e.code, e.label]));
  return (await listQuestions(db)).map((q) => ({
    id: q.id,
    title: locale === "zh" ? (q.titleZh ?? q.title) : q.title,
    kind: q.kind,
    kindLabel: QUESTION_KIND_LABELS[q.kind] ?? q.kind,
    href: `/questions/${encodeURIComponent(q.id)}`,
    outcomes: [...q.outcomes]
      .sort((a, b) => importanceRank(a.importance) - importanceRank(b.importance))
      .map((o) => ({ endpoint: o.endpoint, label: labels.get(o.endpoint) ?? o.endpoint, importance: IMPORTANCE_LABELS[o.importance as "critical"] ?? o.importance })),
  }));
});

// GRADE orders a Summary of Findings by importance: critical outcomes first, then important ones.
const importanceRank = (importance: string) => (importance === "critical" ? 0 : 1);

export function questionHref(id: string, view: QuestionViewName = "sof"): string {
  return `/questions/${encodeURIComponent(id)}${view === "sof" ? "" : `?view=${view}`}`;
}

/** Lenient: an unknown view falls back to the table, so a bad link still shows the question. */
export function parseView(value: string | string[] | undefined): QuestionViewName {
  const v = Array.isArray(value) ? value[0] : value;
  return (VIEWS as readonly string[]).includes(v ?? "") ? (v as QuestionViewName) : "sof";
}

/** What a question page's link carried that it set aside: an unknown view, any other parameter. */
export function questionIgnored(params: URLSearchParams): Ignored[] {
  const notes = unknownParameters(params, ["view"]);
  const view = params.get("view");
  if (view !== null && !(VIEWS as readonly string[]).includes(view)) notes.push(note("view", view, `unknown view; allowed: ${VIEWS.join(", ")}; the table shown`));
  return notes;
}

function poolHref(row: SofRow, summary: SummaryOfFindings): string {
  const comparison = row.pool.comparison ?? { exposure: summary.question.exposure, reference: summary.question.reference };
  const params = new URLSearchParams({ endpoint: row.outcome, comparison: `${comparison.exposure}:${comparison.reference}` });
  if (row.measure) params.set("measure", row.measure);
  // ":" is legal in a query: kept readable in the comparison (RAS:RAS-wt), as /pool writes it.
  return `/pool?${params.toString().replace(/%3A/gi, ":")}`;
}

function recordsHref(row: SofRow, summary: SummaryOfFindings): string {
  const params = new URLSearchParams({ endpoint: row.outcome });
  const f = summary.question.filters;
  for (const [key, values] of [["group", f.group], ["treatment", f.treatment], ["study", f.study]] as const) for (const v of values) params.append(key, v);
  return `/?${params.toString()}`;
}

const recordLink = (e: EffectRecord, locale: SentenceLocale = "en"): RecordLink => ({ id: e.id, text: clinicalSentence(e, locale), href: `/studies/${encodeURIComponent(e.studyId)}#${encodeURIComponent(e.recordId)}` });

export const findQuestionView = cache(async (id: string): Promise<QuestionView | null> => {
  const locale = (await getLocale()) as SentenceLocale;
  const { db, vocab, meta } = await getPageContext(locale);
  const summary = await findSummaryOfFindings(db, vocab, id);
  if (!summary) return null;
  const sorted = [...summary.rows].sort((a, b) => importanceRank(a.importance) - importanceRank(b.importance));
  const recordIds = [...new Set(sorted.flatMap((r) => r.recordIds))];
  const [effects, assessmentRows] = await Promise.all([
    findEffectsByIds(db, recordIds),
    db.riskOfBias.findMany(),
  ]);
  const records = effects;
  const pooling = poolingContext({ treatments: vocab.treatments, groups: vocab.groups.map((g) => ({ code: g.code, parent: g.parentCode, level: g.level })), sourceLevels: vocab.sourceLevels.map((l) => l.code) });
  const assessments = new Map(assessmentRows.map((a) => [a.studyId, JSON.parse(a.assessment) as RiskOfBiasContent]));
  const studyName = new Map(vocab.studies.map((s) => [s.id, s.shortName]));
  const footnotes = sofFootnotes(sorted, locale);

  const contributing = new Map<string, StudyAssessment>();
  const rows = sorted.map((row, i): SofRowView => {
    const used = evidenceRecords(summary.question, row, records, pooling);
    for (const studyId of studiesOf(used)) {
      const entry = contributing.get(studyId) ?? { studyId, study: studyName.get(studyId) ?? studyId, href: `/studies/${encodeURIComponent(studyId)}`, assessment: assessments.get(studyId) ?? null, outcomes: [] };
      entry.outcomes.push({ outcome: row.outcome, label: row.outcomeLabel, judgement: judgementFor(entry.assessment ?? undefined, row.outcome) });
      contributing.set(studyId, entry);
    }
    const considered = new Set(row.recordIds);
    return {
      row,
      poolHref: poolHref(row, summary),
      recordsHref: recordsHref(row, summary),
      evidence: used.map((e) => recordLink(e, locale)),
      considered: records.filter((e) => considered.has(e.id)).map((e) => recordLink(e, locale)),
      footnotes: footnotes[i]!,
    };
  });

  const apiHref = (format: string) => `/api/sof?question=${encodeURIComponent(id)}&format=${format}`;
  return {
    summary: { ...summary, rows: sorted },
    kindLabel: QUESTION_KIND_LABELS[summary.question.kind] ?? summary.question.kind,
    rows,
    assessments: [...contributing.values()],
    exports: [
      { format: "docx", label: "Word (DOCX)", href: apiHref("docx") },
      { format: "csv", label: "CSV", href: apiHref("csv") },
      { format: "json", label: "JSON", href: apiHref("json") },
    ],
    views: [
      { view: "sof", label: "Summary of findings", href: questionHref(id, "sof") },
      { view: "profile", label: "Evidence profile", href: questionHref(id, "profile") },
    ],
    version: meta.version,
  };
});
