// Content (as written by people) -> flat records (as the database, the export and the API see
// them). Defaults are resolved here: a record without its own document or source level takes the
// study's; the reported molecular level is derived from the record's groups.
import type { ContentSet } from "../content/load";
import type { Citation, EffectContent, EndpointRole, StudyContent, Vocab } from "../content/schema";
import type { EffectRecord, StudyRecord } from "../domain/records";
import type { CheckRecord } from "../checks/types";
import type { Printed } from "../content/printed";
import { RATIO_MEASURES } from "../content/schema";
import { logRatioFromCi } from "../stats/effect-sizes";

const LEVEL_SPECIFICITY = ["allele", "codon", "gene", "gene-family", "wild-type", "unselected"] as const;

export function reportedLevel(groups: string[], levelOf: Map<string, string>): string {
  const levels = groups.map((g) => levelOf.get(g)).filter((l): l is string => Boolean(l));
  for (const level of LEVEL_SPECIFICITY) if (levels.includes(level)) return level;
  return "none";
}

/** An arm-level record's group as a reader names it: the study's arm, or a factor level or molecular group from the vocabularies. */
function armLabel(study: StudyContent, key: string | null, vocabLabel: Map<string, string>): string | null {
  if (!key) return null;
  return study.arms.find((a) => a.id === key)?.label ?? vocabLabel.get(key) ?? key;
}

/** "Ito S et al., World J Surg Oncol 2024": how a reader cites the publication a figure is in. */
export function publicationLabel(c: Citation & { label?: string }, fallbackName: string): string {
  const who = c.authors[0] ? `${c.authors[0]}${c.authors.length > 1 || !c.authorsComplete ? " et al." : ""}` : fallbackName;
  const outlet = c.journal ?? c.label?.replace(/\s*\(.*$/, "") ?? null;
  const where = [outlet, outlet && c.year && outlet.includes(String(c.year)) ? null : c.year].filter(Boolean).join(" ");
  return where ? `${who}, ${where}` : who;
}

type Publication = { label: string; doi: string | null };

/** The publication a record was read from: the citing document for a secondary figure, else the study's report or main paper. */
function publicationOf(study: StudyContent, e: EffectContent, documents: Map<string, Vocab["documents"][number]>, studies: Map<string, StudyContent>): Publication {
  const level = e.sourceLevel ?? study.sourceLevel;
  if (level === "secondary") {
    const doc = documents.get(e.document ?? study.document);
    const citing = doc?.study ? studies.get(doc.study) : undefined;
    if (citing) return { label: publicationLabel(citing.citation, citing.shortName), doi: citing.citation.doi };
    if (doc?.citation) return { label: publicationLabel(doc.citation, doc.label), doi: doc.citation.doi };
    return { label: doc?.label ?? "citing document", doi: null };
  }
  const report = e.report ? study.reports.find((r) => r.id === e.report) : undefined;
  if (report) return { label: publicationLabel(report, study.shortName), doi: report.doi };
  return { label: publicationLabel(study.citation, study.shortName), doi: study.citation.doi };
}

type NumberField = "value" | "ciLower" | "ciUpper" | "rangeLower" | "rangeUpper";

/** The number a field stands for: the reading of a damaged printing where there is one, else the print. */
function readNumber(e: EffectContent, f: NumberField): Printed | null {
  if (e.reading && e.reading[f] !== undefined) return e.reading[f] ?? null;
  return e[f];
}

export type NormaliseContext = {
  endpointLabel: Map<string, string>;
  endpointRole: Map<string, EndpointRole>;
  levelOf: Map<string, string>;
  documents: Map<string, Vocab["documents"][number]>;
  studies: Map<string, StudyContent>;
  /** Labels of factor levels and molecular groups, for arm-level records whose group is such a code. */
  groupLabel: Map<string, string>;
};

/** The reports a report updates, back to the first: ["cairo5-esmo-2023-lba27", "citation"]. */
function updatesChain(study: StudyContent, reportId: string | null): string[] {
  const chain: string[] = [];
  let at = reportId ? study.reports.find((r) => r.id === reportId)?.updates : null;
  while (at && !chain.includes(at)) {
    chain.push(at);
    at = at === "citation" ? null : study.reports.find((r) => r.id === at)?.updates;
  }
  return chain;
}

export function normaliseEffect(study: StudyContent, e: EffectContent, ctx: NormaliseContext): CheckRecord {
  const ratio = e.measure !== null && RATIO_MEASURES.has(e.measure);
  const value = readNumber(e, "value");
  const ciLower = readNumber(e, "ciLower");
  const ciUpper = readNumber(e, "ciUpper");
  const rangeLower = readNumber(e, "rangeLower");
  const rangeUpper = readNumber(e, "rangeUpper");
  let logValue: number | null = null;
  let logSe: number | null = null;
  if (ratio && value && value.value > 0) {
    logValue = Math.log(value.value);
    if (ciLower && ciUpper && ciLower.value > 0 && ciUpper.value > ciLower.value)
      logSe = logRatioFromCi(value.value, ciLower.value, ciUpper.value, e.ciLevel?.value ?? 95).se;
  }
  const publication = publicationOf(study, e, ctx.documents, ctx.studies);
  return {
    id: `${study.id}/${e.id}`,
    studyId: study.id,
    studyShortName: study.shortName,
    recordId: e.id,
    kind: e.kind,
    endpoint: e.endpoint,
    endpointLabel: ctx.endpointLabel.get(e.endpoint) ?? e.endpoint,
    endpointRole: ctx.endpointRole.get(e.endpoint) ?? "neutral",
    measure: e.measure,
    value: value?.value ?? null,
    valueText: e.value?.text ?? null,
    ciLower: ciLower?.value ?? null,
    ciLowerText: e.ciLower?.text ?? null,
    ciUpper: ciUpper?.value ?? null,
    ciUpperText: e.ciUpper?.text ?? null,
    ciLevel: e.ciLower ? (e.ciLevel?.value ?? 95) : null,
    rangeLower: rangeLower?.value ?? null,
    rangeLowerText: e.rangeLower?.text ?? null,
    rangeUpper: rangeUpper?.value ?? null,
    rangeUpperText: e.rangeUpper?.text ?? null,
    readingReason: e.reading?.reason ?? null,
    p: e.p?.text ?? null,
    test: e.test,
    events: e.events,
    total: e.total,
    unit: e.unit,
    timepoint: e.timepoint,
    exposure: e.exposure,
    reference: e.reference,
    exposureGroup: e.exposureGroup,
    referenceGroup: e.referenceGroup,
    group: armLabel(study, e.group, ctx.groupLabel),
    groupKey: e.group,
    population: e.population,
    analysis: e.analysis,
    covariates: e.covariates,
    treatment: e.treatment,
    referenceTreatment: e.referenceTreatment,
    molecularGroups: e.molecularGroups,
    reportedLevel: reportedLevel(e.molecularGroups, ctx.levelOf),
    comparison: e.comparison,
    locator: e.locator,
    alsoAt: e.alsoAt,
    document: e.document ?? study.document,
    publication: publication.label,
    publicationDoi: publication.doi,
    sourceLevel: e.sourceLevel ?? study.sourceLevel,
    citedAs: e.citedAs,
    report: e.report,
    statement: e.statement,
    direction: e.direction,
    note: e.note,
    sameAs: e.sameAs ? (e.sameAs.includes("/") ? e.sameAs : `${study.id}/${e.sameAs}`) : null,
    computed: false,
    computeMethod: null,
    derivedFrom: [],
    logValue,
    logSe,
    flags: [],
    read: {
      valueText: value?.text ?? null,
      ciLowerText: ciLower?.text ?? null,
      ciUpperText: ciUpper?.text ?? null,
      rangeLowerText: rangeLower?.text ?? null,
      rangeUpperText: rangeUpper?.text ?? null,
    },
    consistentPrinting: e.consistentPrinting,
    explainedDifference: e.explainedDifference,
    misprint: e.misprint,
    updatesChain: updatesChain(study, e.report),
  };
}

export function normaliseStudy(
  study: StudyContent & { file: string },
  effects: EffectRecord[],
  ctx: { designLabel: Map<string, string>; levelRank: Map<string, number> },
): StudyRecord {
  const levels = [...new Set(effects.map((e) => e.sourceLevel))].sort(
    (a, b) => (ctx.levelRank.get(a) ?? 99) - (ctx.levelRank.get(b) ?? 99),
  );
  const c = study.citation;
  return {
    id: study.id,
    shortName: study.shortName,
    title: study.title,
    authors: c.authors,
    authorsComplete: c.authorsComplete,
    journal: c.journal,
    year: c.year,
    volume: c.volume,
    issue: c.issue,
    pages: c.pages,
    doi: c.doi,
    pmid: c.pmid,
    url: c.url,
    citationNote: c.citationNote,
    reports: study.reports.map((r) => ({
      id: r.id,
      label: r.label,
      title: r.title,
      authors: r.authors,
      authorsComplete: r.authorsComplete,
      journal: r.journal,
      year: r.year,
      volume: r.volume,
      issue: r.issue,
      pages: r.pages,
      doi: r.doi,
      pmid: r.pmid,
      url: r.url,
      citationNote: r.citationNote,
      updates: r.updates,
    })),
    design: study.design,
    designLabel: ctx.designLabel.get(study.design) ?? study.design,
    setting: study.setting,
    centres: study.centres,
    country: study.country,
    enrolment: study.enrolment,
    n: study.n,
    codonsTested: study.codonsTested,
    followUp: study.followUp,
    sourceLevel: levels[0] ?? study.sourceLevel,
    sourceLevels: levels,
    notes: study.notes,
    arms: study.arms.map((a) => ({ id: a.id, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment })),
    effectCount: effects.length,
    flags: [],
  };
}

export type Normalised = { studies: StudyRecord[]; effects: CheckRecord[]; groupings: GroupingRecord[] };
export type GroupingRecord = { studyId: string; label: string; total: number; locator: string | null; arms: { id: string; label: string; n: number | null }[] };

export function normalise(content: ContentSet): Normalised {
  const endpointLabel = new Map(content.vocab.endpoints.map((e) => [e.code, e.label]));
  const endpointRole = new Map(content.vocab.endpoints.map((e) => [e.code, e.role]));
  const levelOf = new Map(content.vocab.molecularGroups.map((g) => [g.code, g.level]));
  const designLabel = new Map(content.vocab.designs.map((d) => [d.code, d.label]));
  const levelRank = new Map(content.vocab.sourceLevels.map((l) => [l.code, l.rank]));
  const documents = new Map(content.vocab.documents.map((d) => [d.code, d]));
  const groupLabel = new Map([...content.vocab.molecularGroups, ...content.vocab.factors].map((g) => [g.code, g.label]));
  const studyById = new Map<string, StudyContent>(content.studies.map((s) => [s.id, s]));
  const studies: StudyRecord[] = [];
  const effects: CheckRecord[] = [];
  const groupings: GroupingRecord[] = [];
  for (const study of content.studies) {
    const own = study.effects.map((e) => normaliseEffect(study, e, { endpointLabel, endpointRole, levelOf, documents, studies: studyById, groupLabel }));
    effects.push(...own);
    studies.push(normaliseStudy(study, own, { designLabel, levelRank }));
    for (const g of study.groupings)
      groupings.push({
        studyId: study.id,
        label: g.label,
        total: g.total,
        locator: g.locator,
        arms: g.arms.map((id) => {
          const arm = study.arms.find((a) => a.id === id);
          return { id, label: arm?.label ?? id, n: arm?.n ?? null };
        }),
      });
  }
  return { studies, effects, groupings };
}
