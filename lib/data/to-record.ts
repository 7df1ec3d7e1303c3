// Database rows -> the export/API shape (lib/domain/records.ts), in one place.
import type { EffectRecord, FlagRecord, StudyRecord } from "../domain/records";

const list = (s: string | null | undefined) => (s ? (JSON.parse(s) as string[]) : []);

export type FlagRow = { code: string; severity: string; summary: string; message: string; locator: string | null; otherEffectId: string | null; otherLocator: string | null; expected: string | null };

const severityOf = (s: string): FlagRecord["severity"] => (s === "error" || s === "warning" ? s : "note");

export function toFlag(f: FlagRow): FlagRecord {
  return { code: f.code, severity: severityOf(f.severity), summary: f.summary, message: f.message, locator: f.locator, otherEffectId: f.otherEffectId, otherLocator: f.otherLocator, expected: f.expected };
}

/**
 * A record's row as the read path selects it (lib/data/sql/effects.ts RECORD_COLUMNS): the Effect
 * columns with the study's short name and the endpoint's label and role, flat.
 */
export type EffectRow = {
  id: string; studyId: string; recordId: string; kind: string; endpointCode: string; measure: string | null;
  value: number | null; valueText: string | null; ciLower: number | null; ciLowerText: string | null; ciUpper: number | null; ciUpperText: string | null; ciLevel: number | null;
  rangeLower: number | null; rangeLowerText: string | null; rangeUpper: number | null; rangeUpperText: string | null; readingReason: string | null;
  p: string | null; test: string | null; events: number | null; total: number | null; unit: string | null; timepoint: string | null;
  exposure: string | null; reference: string | null; exposureGroup: string | null; referenceGroup: string | null; groupKey: string | null; groupLabel: string | null; population: string; analysis: string; covariates: string;
  treatment: string | null; referenceTreatment: string | null; reportedLevel: string; comparison: string | null; locator: string; alsoAt: string;
  document: string; publication: string; publicationDoi: string | null; sourceLevel: string; citedAs: string | null; report: string | null; statement: string | null; direction: string | null; note: string | null;
  sameAs: string | null; computed: number; computeMethod: string | null; derivedFrom: string | null; logValue: number | null; logSe: number | null;
  studyShortName: string; endpointLabel: string; endpointRole: string;
};

/**
 * A row and its molecular groups (sorted) and flags -> the record. Built in one object literal: the
 * list API builds 50 of these per request and an export 200,000, so no intermediate copies.
 */
export function toEffectRecord(r: EffectRow, molecularGroups: string[], flags: FlagRow[]): EffectRecord {
  return {
    id: r.id,
    studyId: r.studyId,
    studyShortName: r.studyShortName,
    recordId: r.recordId,
    kind: r.kind as EffectRecord["kind"],
    endpoint: r.endpointCode,
    endpointLabel: r.endpointLabel,
    endpointRole: r.endpointRole as EffectRecord["endpointRole"],
    measure: r.measure,
    value: r.value,
    valueText: r.valueText,
    ciLower: r.ciLower,
    ciLowerText: r.ciLowerText,
    ciUpper: r.ciUpper,
    ciUpperText: r.ciUpperText,
    ciLevel: r.ciLevel,
    rangeLower: r.rangeLower,
    rangeLowerText: r.rangeLowerText,
    rangeUpper: r.rangeUpper,
    rangeUpperText: r.rangeUpperText,
    readingReason: r.readingReason,
    p: r.p,
    test: r.test,
    events: r.events,
    total: r.total,
    unit: r.unit,
    timepoint: r.timepoint,
    exposure: r.exposure,
    reference: r.reference,
    exposureGroup: r.exposureGroup,
    referenceGroup: r.referenceGroup,
    group: r.groupLabel,
    groupKey: r.groupKey,
    population: r.population,
    analysis: r.analysis,
    covariates: list(r.covariates),
    treatment: r.treatment,
    referenceTreatment: r.referenceTreatment,
    molecularGroups,
    reportedLevel: r.reportedLevel,
    comparison: r.comparison,
    locator: r.locator,
    alsoAt: list(r.alsoAt),
    document: r.document,
    publication: r.publication,
    publicationDoi: r.publicationDoi,
    sourceLevel: r.sourceLevel,
    citedAs: r.citedAs,
    report: r.report,
    statement: r.statement,
    direction: r.direction,
    note: r.note,
    sameAs: r.sameAs,
    computed: r.computed === 1,
    computeMethod: r.computeMethod,
    derivedFrom: list(r.derivedFrom),
    logValue: r.logValue,
    logSe: r.logSe,
    flags: flags.map(toFlag),
  };
}

export type StudyRow = {
  id: string; shortName: string; title: string | null; authors: string; authorsComplete: boolean; journal: string | null; year: number | null;
  volume: string | null; issue: string | null; pages: string | null; doi: string | null; pmid: string | null; url: string | null; citationNote: string | null; reports: string; design: string;
  setting: string | null; centres: string | null; country: string | null; enrolment: string | null; n: number | null; codonsTested: string | null;
  followUp: string | null; sourceLevel: string; sourceLevels: string; notes: string | null;
  designInfo: { label: string };
  arms: { armKey: string; label: string; n: number | null; molecularGroup: string | null; treatment: string | null }[];
  flags: (FlagRow & { effectId: string | null })[];
  _count: { effects: number };
};

export function toStudyRecord(s: StudyRow): StudyRecord {
  return {
    id: s.id,
    shortName: s.shortName,
    title: s.title,
    authors: list(s.authors),
    authorsComplete: s.authorsComplete,
    journal: s.journal,
    year: s.year,
    volume: s.volume,
    issue: s.issue,
    pages: s.pages,
    doi: s.doi,
    pmid: s.pmid,
    url: s.url,
    citationNote: s.citationNote,
    reports: JSON.parse(s.reports),
    design: s.design,
    designLabel: s.designInfo.label,
    setting: s.setting,
    centres: s.centres,
    country: s.country,
    enrolment: s.enrolment,
    n: s.n,
    codonsTested: s.codonsTested ? list(s.codonsTested) : null,
    followUp: s.followUp,
    sourceLevel: s.sourceLevel,
    sourceLevels: list(s.sourceLevels),
    notes: s.notes,
    arms: s.arms.map((a) => ({ id: a.armKey, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment })),
    effectCount: s._count.effects,
    // Study-level flags are the ones not attached to a record (record flags travel with the records).
    flags: s.flags.filter((f) => f.effectId === null).map(toFlag),
  };
}

export const STUDY_INCLUDE = {
  designInfo: { select: { label: true } },
  arms: { orderBy: { sortOrder: "asc" } },
  flags: true,
  _count: { select: { effects: true } },
} as const;
