// Export files written in parts: records are read a batch at a time by key (lib/data/sql
// effectBatches) and each batch is turned into text and handed on before the next is read, so memory
// stays one batch whatever the number of records (the whole 200,000-record CSV included). Used by the
// export route (a streamed response) and scripts/export.ts (a file).
import type { EffectFilters } from "./filters";
import type { EffectRecord, StudyRecord } from "../domain/records";
import type { DatasetMeta } from "./sql";
import { comparisonMates, documentsWhere, effectBatches, printingMates, sourceLevelRank, studiesById, studyBatches, studyIdsWhere } from "./sql";
import { leadsOfCopies } from "./list-entries";
import { csvHeader, csvLines } from "./export-dataset";
import { publicationsOf, toBibtex, toRis } from "../domain/citations";

type Db = { file?: string };
/**
 * The records exported: a view of the list (browse order, as the page lists them) or the whole dataset
 * (study order). batch: records per batch (EXPORT_BATCH); studiesKept: the most studies the CSV keeps
 * between batches (STUDIES_KEPT).
 */
type View = { filters: EffectFilters; freeText: readonly string[]; order?: "browse" | "dataset"; batch?: number; studiesKept?: number };

/**
 * Records read per batch. Measured on a 200,000-record CSV export: batches of 1,000 grew the process by
 * about 260 MB (a batch's records live long enough to be promoted to V8's old space, kept there until
 * a full collection), batches of 200 by about 180 MB, in the same time.
 */
export const EXPORT_BATCH = 200;
const STUDY_BATCH = 500;

const STUDIES_KEPT = 5000;

/** The studies a batch of records needs, read once each (records come in study order); memory bounded by `kept`. */
function studyLookup(db: Db, kept = STUDIES_KEPT) {
  const known = new Map<string, StudyRecord>();
  return (ids: string[]) => {
    // Emptied before the batch's lookup, never after it: a batch's study already known from the
    // previous batch (a study's records spanning two batches) must still be there.
    if (known.size > kept) known.clear();
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    for (const s of studiesById(missing, db)) known.set(s.id, s);
    return (id: string) => known.get(id);
  };
}

/**
 * The view's records a batch at a time, each batch followed by its comparators (comparisons stay
 * whole: the other arms and contrast of a comparison a group, treatment or free-text filter selects
 * one arm of), marked `comparator: true`; a comparator goes out once. Exports stay one row per record;
 * a record the list folds under another printing of its figure (one entry per estimate, as the list
 * and the charts fold it) names that record's id in `foldedInto`.
 */
export function* viewBatches(view: View, db: Db = {}): Generator<(EffectRecord & { comparator?: true; foldedInto?: string })[]> {
  const sent = new Set<string>();
  const rank = sourceLevelRank(db);
  for (const batch of effectBatches(view.filters, view.freeText, view.batch ?? EXPORT_BATCH, db, view.order)) {
    const mates = comparisonMates(view.filters, view.freeText, batch, db).filter((m) => !sent.has(m.id));
    for (const m of mates) sent.add(m.id);
    const records = [...batch, ...mates.map((m) => ({ ...m, comparator: true as const }))];
    const leadOf = leadsOfCopies(records, printingMates(view.filters, view.freeText, records, db), (ids) => studiesById(ids, db), rank);
    yield records.map((e) => (leadOf.has(e.id) ? { ...e, foldedInto: leadOf.get(e.id)! } : e));
  }
}

/** Records per CSV part: about 75 kB, a string below V8's large-object size, collected young. */
const CSV_PART_ROWS = 100;

/** CSV: the header, then the records a part of CSV_PART_ROWS at a time. */
export function* csvParts(view: View, db: Db = {}): Generator<string> {
  yield csvHeader();
  const lookup = studyLookup(db, view.studiesKept);
  for (const batch of viewBatches(view, db)) {
    const studyOf = lookup(batch.map((e) => e.studyId));
    for (let i = 0; i < batch.length; i += CSV_PART_ROWS) yield `\r\n${csvLines(batch.slice(i, i + CSV_PART_ROWS), studyOf)}`;
  }
}

/** A value as JSON.stringify(…, null, 2) prints it at the given depth of the whole document. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);

/**
 * JSON: { version, [query,] studies, effects }, laid out as JSON.stringify(…, null, 2) lays it out.
 * `query` null: the whole dataset (every study); else the view's studies and records.
 */
export function* jsonParts(meta: Pick<DatasetMeta, "version">, query: string | null, view: View, db: Db = {}): Generator<string> {
  yield `{\n  "version": ${JSON.stringify(meta.version)},\n`;
  if (query !== null) yield `  "query": ${JSON.stringify(query)},\n`;
  yield `  "studies": [`;
  let first = true;
  const studyParts = query === null ? studyBatches(STUDY_BATCH, db) : idBatches(studyIdsWhere(view.filters, view.freeText, db), db);
  for (const batch of studyParts)
    for (const s of batch) {
      yield `${first ? "" : ","}\n    ${indented(s, 2)}`;
      first = false;
    }
  yield first ? `],\n  "effects": [` : `\n  ],\n  "effects": [`;
  first = true;
  for (const batch of viewBatches(view, db))
    for (const e of batch) {
      yield `${first ? "" : ","}\n    ${indented(e, 2)}`;
      first = false;
    }
  yield first ? `]\n}` : `\n  ]\n}`;
}

function* idBatches(ids: string[], db: Db): Generator<StudyRecord[]> {
  for (let i = 0; i < ids.length; i += STUDY_BATCH) yield studiesById(ids.slice(i, i + STUDY_BATCH), db);
}

/** The publications behind a view (its studies with their reports, and citing documents): bounded by the studies, not the records. */
export function viewPublications(meta: Pick<DatasetMeta, "citingDocuments">, view: View, db: Db = {}) {
  const studies = [...idBatches(studyIdsWhere(view.filters, view.freeText, db), db)].flat();
  return publicationsOf(studies, documentsWhere(view.filters, view.freeText, db), meta.citingDocuments);
}

export const risText = (meta: Pick<DatasetMeta, "citingDocuments">, view: View, db: Db = {}) => toRis(viewPublications(meta, view, db));
export const bibtexText = (meta: Pick<DatasetMeta, "citingDocuments">, view: View, db: Db = {}) => toBibtex(viewPublications(meta, view, db));

/** Parts as a byte stream for a Response, pulled one part at a time (back-pressure: nothing is read ahead). */
export function streamOf(parts: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      // Several small parts per pull: a chunk of some tens of kilobytes.
      let text = "";
      while (text.length < 64 * 1024) {
        const next = iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      iterator.return?.();
    },
  });
}
