// The dataset as export files: JSON { version, studies, effects } and CSV (one row per effect).
import Papa from "papaparse";
import type { PrismaClient } from "../generated/prisma/client";
import type { Dataset, EffectRecord, StudyRecord } from "../domain/records";
import { getDatasetMeta } from "./dataset-meta";
import { databaseFileOf } from "../db/open";
import { effectBatches, NO_FILTERS, sourceLevelRank, studyBatches } from "./sql";
import { leadsOfCopies } from "./list-entries";

/** The whole dataset in memory (tests, small datasets); files are written in parts (lib/data/export-stream.ts). */
export async function exportDataset(db: PrismaClient): Promise<Dataset> {
  const file = databaseFileOf(db);
  const meta = await getDatasetMeta(db);
  const studies = [...studyBatches(500, { file })].flat();
  const records = [...effectBatches(NO_FILTERS, [], 1000, { file })].flat();
  // One row per record; a printing the list folds under another names it (foldedInto), as the files written in parts do.
  const leadOf = leadsOfCopies(records, [], () => studies, sourceLevelRank({ file }));
  const effects = records.map((e) => (leadOf.has(e.id) ? { ...e, foldedInto: leadOf.get(e.id)! } : e));
  return { version: meta.version, studies, effects };
}

// value/ciLower/... are the printed text; *Read are the numbers computed from (the reading where
// print is damaged, with readingReason). publication is where the figure was read, as cited.
// studyN: the study's number of patients; shownAs: "comparator" for a record the view's filters
// leave out but keep because they select another arm of its comparison, else "match"; foldedInto: the
// id of the record the list shows this one under (another printing of the same figure), else empty.
export const CSV_COLUMNS = [
  "id", "studyId", "studyShortName", "citation", "doi", "pmid", "studyN", "endpoint", "endpointLabel", "kind", "measure",
  "value", "ciLower", "ciUpper", "rangeLower", "rangeUpper", "valueRead", "ciLowerRead", "ciUpperRead", "readingReason",
  "p", "events", "total", "unit", "timepoint",
  "exposure", "reference", "exposureGroup", "referenceGroup", "group", "population", "analysis", "covariates", "treatment", "referenceTreatment",
  "molecularGroups", "reportedLevel", "statement", "locator", "publication", "publicationDoi", "sourceLevel", "citedAs", "computed",
  "computeMethod", "flagSeverity", "flags", "note", "shownAs", "foldedInto",
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

/** One effect as CSV cells, in CSV_COLUMNS order, formula-leading text neutralised. */
export function csvCells(e: EffectRecord & { comparator?: boolean; foldedInto?: string }, s: StudyRecord | undefined): unknown[] {
  const row: Record<string, unknown> = {
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
    studyN: s?.n ?? "",
    shownAs: e.comparator ? "comparator" : "match",
    valueRead: e.value ?? "",
    ciLowerRead: e.ciLower ?? "",
    ciUpperRead: e.ciUpper ?? "",
    covariates: e.covariates.join("; "),
    molecularGroups: e.molecularGroups.join("; "),
    flagSeverity: e.flags.some((f) => f.severity === "error") ? "error" : e.flags.some((f) => f.severity === "warning") ? "warning" : e.flags.length ? "note" : "",
    flags: e.flags.map((f) => `${f.severity} ${f.code}: ${f.summary}`).join(" | "),
  };
  return CSV_COLUMNS.map((c) => neutraliseFormula(row[c] ?? ""));
}

export function effectsToCsv(effects: EffectRecord[], studies: StudyRecord[]): string {
  const byId = new Map(studies.map((s) => [s.id, s]));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: effects.map((e) => csvCells(e, byId.get(e.studyId))) });
}

/** The CSV's header line (no line break), for a file written in parts. */
export function csvHeader(): string {
  return Papa.unparse([[...CSV_COLUMNS]]);
}

/** CSV lines for a batch of effects (no header; no trailing line break), for a file written in parts. */
export function csvLines(effects: EffectRecord[], studyOf: (id: string) => StudyRecord | undefined): string {
  return Papa.unparse(effects.map((e) => csvCells(e, studyOf(e.studyId))));
}

export function datasetToCsv(d: Dataset): string {
  return effectsToCsv(d.effects, d.studies);
}
