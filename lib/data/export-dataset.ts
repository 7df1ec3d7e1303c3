// The dataset as export files: JSON { version, studies, effects } and CSV (one row per effect).
import Papa from "papaparse";
import type { PrismaClient } from "../generated/prisma/client";
import type { Dataset, EffectRecord, StudyRecord } from "../domain/records";
import { EFFECT_INCLUDE, STUDY_INCLUDE, toEffectRecord, toStudyRecord } from "./to-record";
import { getDatasetMeta } from "./dataset-meta";

export async function exportDataset(db: PrismaClient): Promise<Dataset> {
  const [meta, studies, effects] = await Promise.all([
    getDatasetMeta(db),
    db.study.findMany({ include: STUDY_INCLUDE, orderBy: { sortOrder: "asc" } }),
    db.effect.findMany({ include: EFFECT_INCLUDE, orderBy: [{ study: { sortOrder: "asc" } }, { sortOrder: "asc" }] }),
  ]);
  return { version: meta.version, studies: studies.map(toStudyRecord), effects: effects.map(toEffectRecord) };
}

// value/ciLower/... are the printed text; *Read are the numbers computed from (the reading where
// print is damaged, with readingReason). publication is where the figure was read, as cited.
export const CSV_COLUMNS = [
  "id", "studyId", "studyShortName", "citation", "doi", "pmid", "endpoint", "endpointLabel", "kind", "measure",
  "value", "ciLower", "ciUpper", "rangeLower", "rangeUpper", "valueRead", "ciLowerRead", "ciUpperRead", "readingReason",
  "p", "events", "total", "unit", "timepoint",
  "exposure", "reference", "exposureGroup", "referenceGroup", "group", "population", "analysis", "covariates", "treatment", "referenceTreatment",
  "molecularGroups", "reportedLevel", "statement", "locator", "publication", "publicationDoi", "sourceLevel", "citedAs", "computed",
  "computeMethod", "flagSeverity", "flags", "note",
] as const;

export function citationLine(s: Pick<StudyRecord, "authors" | "authorsComplete" | "journal" | "year" | "volume" | "issue" | "pages">): string {
  const authors = s.authors.length ? `${s.authors.slice(0, 3).join(", ")}${s.authors.length > 3 || !s.authorsComplete ? " et al." : ""}` : "";
  const where = [s.journal, s.year, s.volume ? `${s.volume}${s.issue ? `(${s.issue})` : ""}${s.pages ? `:${s.pages}` : ""}` : null].filter(Boolean).join(" ");
  return [authors, where].filter(Boolean).join(authors.endsWith(".") ? " " : ". ");
}

// A spreadsheet runs a cell that starts with = + - @ (or a tab, CR or LF before one) as a formula:
// such text is written with a leading apostrophe, which spreadsheets show as text. A number stays a
// number ("-6.6", "+1", "1e-3"; "−6.6" with a minus sign is safe as it is). Full-width ＝＋－＠ are
// included: some spreadsheets fold them to ASCII.
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell value a spreadsheet cannot run (see FORMULA_START). */
export function neutraliseFormula(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function effectsToCsv(effects: EffectRecord[], studies: StudyRecord[]): string {
  const byId = new Map(studies.map((s) => [s.id, s]));
  const rows = effects.map((e) => {
    const s = byId.get(e.studyId);
    return {
      ...e,
      // Printed text, not a re-formatted float: "7.00" stays "7.00".
      value: e.valueText ?? "",
      ciLower: e.ciLowerText ?? "",
      ciUpper: e.ciUpperText ?? "",
      rangeLower: e.rangeLowerText ?? "",
      rangeUpper: e.rangeUpperText ?? "",
      citation: s ? citationLine(s) : "",
      doi: s?.doi ?? "",
      pmid: s?.pmid ?? "",
      valueRead: e.value ?? "",
      ciLowerRead: e.ciLower ?? "",
      ciUpperRead: e.ciUpper ?? "",
      covariates: e.covariates.join("; "),
      molecularGroups: e.molecularGroups.join("; "),
      flagSeverity: e.flags.some((f) => f.severity === "error") ? "error" : e.flags.some((f) => f.severity === "warning") ? "warning" : e.flags.length ? "note" : "",
      flags: e.flags.map((f) => `${f.severity} ${f.code}: ${f.summary}`).join(" | "),
    };
  });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => neutraliseFormula((r as Record<string, unknown>)[c] ?? ""))) });
}

export function datasetToCsv(d: Dataset): string {
  return effectsToCsv(d.effects, d.studies);
}
