// The effect list on the read path: one page of records in browse order (Effect.browseKey, the
// table's rowid), paged by key (after / before a record's key) or by a bounded offset, the count, and
// the page's molecular groups and flags in one query each. Every statement is prepared once per
// connection (lib/db/sqlite.ts) and binds a fixed number of values.
import type { EffectRecord } from "../../domain/records";
import type { EffectFilters } from "../filters";
import { toEffectRecord, type EffectRow, type FlagRow } from "../to-record";
import { prepared } from "../../db/sqlite";
import { effectCondition, type Where } from "./where";
import { flagTextColumns, type Db } from "./flags";

/** The Effect columns a record is made of (lib/data/to-record.ts EffectRow), with the study's short name and the endpoint's label and role. */
const RECORD_COLUMNS = `e.browseKey, e.id, e.studyId, e.recordId, e.kind, e.endpointCode, e.measure, e.value, e.valueText, e.ciLower, e.ciLowerText,
e.ciUpper, e.ciUpperText, e.ciLevel, e.rangeLower, e.rangeLowerText, e.rangeUpper, e.rangeUpperText, e.readingReason, e.p, e.test,
e.events, e.total, e.unit, e.timepoint, e.exposure, e.reference, e.exposureGroup, e.referenceGroup, e.groupKey, e.groupLabel,
e.population, e.analysis, e.covariates, e.treatment, e.referenceTreatment, e.reportedLevel, e.comparison, e.locator, e.alsoAt,
e.document, e.publication, e.publicationDoi, e.sourceLevel, e.citedAs, e.report, e.statement, e.direction, e.note, e.sameAs,
e.computed, e.computeMethod, e.derivedFrom, e.logValue, e.logSe, e.flagged, e.sortOrder,
s.shortName AS studyShortName, n.label AS endpointLabel, n.role AS endpointRole`;
const recordFrom = (where: Pick<Where, "from">) => `${where.from} JOIN Study s ON s.id = e.studyId JOIN Endpoint n ON n.code = e.endpointCode`;

/** A row as selected (RECORD_COLUMNS): the record's columns and its keys in the browse and dataset orders. */
export type FlatEffectRow = EffectRow & { browseKey: number; sortOrder: number; flagged: number };

export type PageRequest = { limit: number; offset?: number; after?: number | null; before?: number | null };
export type EffectPage = { data: EffectRecord[]; count: number; next: number | null; previous: number | null; first: number };

/** The page's molecular groups (sorted) and flags, one query each, keyed by effect id. */
function detailsOf(rows: FlatEffectRow[], db: Db): { groups: Map<string, string[]>; flags: Map<string, FlagRow[]> } {
  const groups = new Map<string, string[]>();
  const flags = new Map<string, FlagRow[]>();
  if (rows.length === 0) return { groups, flags };
  const ids = JSON.stringify(rows.map((r) => r.id));
  for (const g of prepared(GROUPS_OF_RECORDS, db.file).all(ids) as { effectId: string; groupCode: string }[]) {
    const list = groups.get(g.effectId);
    if (list) list.push(g.groupCode);
    else groups.set(g.effectId, [g.groupCode]);
  }
  const flagged = rows.filter((r) => r.flagged === 1).map((r) => r.id);
  if (flagged.length) {
    const statement = prepared(flagsOfRecords(db.locale), db.file);
    for (const f of statement.all(JSON.stringify(flagged)) as (FlagRow & { effectId: string })[]) {
      const { effectId, ...flag } = f;
      const list = flags.get(effectId);
      if (list) list.push(flag);
      else flags.set(effectId, [flag]);
    }
  }
  return { groups, flags };
}

/** Flat rows -> records (the API and export shape). */
export function toRecords(rows: FlatEffectRow[], db: Db = {}): EffectRecord[] {
  const { groups, flags } = detailsOf(rows, db);
  return rows.map((r) => toEffectRecord(r, groups.get(r.id) ?? [], flags.get(r.id) ?? []));
}

/** The statement that counts the matching records: the dataset's total where nothing filters, the join table's index where a group or treatment alone does. */
export function countStatement(where: Where): { sql: string; params: unknown[] } {
  if (where.empty) return { sql: "SELECT count(*) AS n FROM Effect", params: [] };
  // Typed text alone (every keystroke of the search box): counted in the FTS5 index, without building
  // the set of matching keys to look each record up in (at 200k, "co" matches 190,000 records).
  if (where.onlyText !== null) return { sql: "SELECT count(*) AS n FROM EffectSearch WHERE EffectSearch MATCH ?", params: [where.onlyText] };
  if (where.only)
    return where.only.endpoint
      ? { sql: `SELECT count(*) AS n FROM ${where.only.table} WHERE ${where.only.column} = ? AND endpointCode = ?`, params: [where.only.code, where.only.endpoint] }
      : { sql: `SELECT count(*) AS n FROM ${where.only.table} WHERE ${where.only.column} = ?`, params: [where.only.code] };
  return { sql: `SELECT count(*) AS n FROM ${where.from} WHERE ${where.sql}`, params: where.params };
}

/** The statement of a first page (the benchmark's raw baseline runs exactly this). */
export function firstPageStatement(where: Where, limit: number): { sql: string; params: unknown[] } {
  return { sql: `SELECT ${RECORD_COLUMNS} FROM ${recordFrom(where)} WHERE ${where.sql} ORDER BY ${where.key} LIMIT ?`, params: [...where.params, limit] };
}

export const GROUPS_OF_RECORDS = "SELECT effectId, groupCode FROM EffectMolecularGroup WHERE effectId IN (SELECT value FROM json_each(?)) ORDER BY effectId, groupCode";
/** The flags of a page's records, their texts in the page's language (English: /api, exports, the benchmark). */
export const flagsOfRecords = (locale?: Db["locale"]) =>
  `SELECT effectId, code, severity, ${flagTextColumns(locale)}, locator, otherEffectId, otherLocator FROM Flag WHERE effectId IN (SELECT value FROM json_each(?)) ORDER BY id`;
export const FLAGS_OF_RECORDS = flagsOfRecords();

export function countWhere(where: Where, db: Db = {}): number {
  const { sql, params } = countStatement(where);
  return (prepared(sql, db.file).get(...params) as { n: number }).n;
}

export function countEffects(filters: EffectFilters, freeText: readonly string[] = [], db: Db = {}): number {
  return countWhere(effectCondition(filters, freeText), db);
}

/** The rows of one page, in browse order. */
export function pageRows(where: Where, page: PageRequest, db: Db = {}): FlatEffectRow[] {
  const { limit } = page;
  const k = where.key;
  const select = `SELECT ${RECORD_COLUMNS} FROM ${recordFrom(where)} WHERE ${where.sql}`;
  if (page.before != null) return (prepared(`${select} AND ${k} < ? ORDER BY ${k} DESC LIMIT ?`, db.file).all(...where.params, page.before, limit) as FlatEffectRow[]).reverse();
  if (page.after != null) return prepared(`${select} AND ${k} > ? ORDER BY ${k} LIMIT ?`, db.file).all(...where.params, page.after, limit) as FlatEffectRow[];
  const offset = page.offset ?? 0;
  if (offset === 0) {
    const first = firstPageStatement(where, limit);
    return prepared(first.sql, db.file).all(...first.params) as FlatEffectRow[];
  }
  // Unfiltered, keys are 1..n: the offset is a key. Filtered, the offset's key is found first, on
  // the narrowest index with no record read for the rows skipped: the cost is bounded by the count
  // (an offset at or past it is answered without a query, see findEffectPage), and a deep page is
  // better asked for by key.
  if (where.empty) return prepared(`${select} AND e.browseKey > ? ORDER BY e.browseKey LIMIT ?`, db.file).all(offset, limit) as FlatEffectRow[];
  const start = prepared(`SELECT ${k} AS k FROM ${where.from} WHERE ${where.sql} ORDER BY ${k} LIMIT 1 OFFSET ?`, db.file).get(...where.params, offset) as { k: number } | undefined;
  if (!start) return [];
  return prepared(`${select} AND ${k} >= ? ORDER BY ${k} LIMIT ?`, db.file).all(...where.params, start.k, limit) as FlatEffectRow[];
}

/** Whether a record matching the condition lies beyond a key (after) or before it. */
function exists(where: Where, relation: ">" | "<", key: number, db: Db): boolean {
  return prepared(`SELECT 1 FROM ${where.from} WHERE ${where.sql} AND ${where.key} ${relation} ? LIMIT 1`, db.file).get(...where.params, key) !== undefined;
}

/**
 * One page of records with the count, and the keys of the next and previous pages (null where there
 * is none). `first`: the 0-based position of the page's first record in the whole list.
 */
export function findEffectPage(filters: EffectFilters, freeText: readonly string[], page: PageRequest, db: Db = {}): EffectPage {
  const where = effectCondition(filters, freeText);
  const count = countWhere(where, db);
  const offset = page.after == null && page.before == null ? (page.offset ?? 0) : 0;
  const rows = count === 0 || offset >= count ? [] : pageRows(where, { ...page, offset }, db);
  const data = toRecords(rows, db);
  const firstKey = rows[0]?.browseKey;
  const lastKey = rows[rows.length - 1]?.browseKey;
  const byKey = page.after != null || page.before != null;
  // Where the page starts: by offset, the offset; by key, the records before it (counted only where
  // there are some: the first page by key needs no count).
  const previous = firstKey !== undefined && (byKey ? exists(where, "<", firstKey, db) : offset > 0) ? firstKey : null;
  const first = !byKey ? offset : previous === null ? 0 : (prepared(`SELECT count(*) AS n FROM ${where.from} WHERE ${where.sql} AND ${where.key} < ?`, db.file).get(...where.params, firstKey) as { n: number }).n;
  const next = lastKey !== undefined && first + rows.length < count ? lastKey : null;
  return { data, count, next, previous, first };
}

/**
 * Every matching record, in batches of `size` read by key: memory stays one batch however many
 * records match (exports). Order: the dataset's (study order, Effect.sortOrder) or the list's
 * (browse order, Effect.browseKey).
 */
export function* effectBatches(filters: EffectFilters, freeText: readonly string[], size = 1000, db: Db = {}, order: "dataset" | "browse" = "dataset"): Generator<EffectRecord[]> {
  const where = effectCondition(filters, freeText);
  if (order === "browse" || where.empty) {
    // By key on the index that lists the records in this order: browseKey (the filters' indexes end in
    // it), or sortOrder for the whole dataset.
    const key = order === "browse" ? where.key : "e.sortOrder";
    const column = order === "browse" ? "browseKey" : "sortOrder";
    const statement = prepared(`SELECT ${RECORD_COLUMNS} FROM ${recordFrom(where)} WHERE ${where.sql} AND ${key} > ? ORDER BY ${key} LIMIT ?`, db.file);
    let after = -1;
    for (;;) {
      const rows = statement.all(...where.params, after, size) as FlatEffectRow[];
      if (rows.length === 0) return;
      yield toRecords(rows, db);
      after = rows[rows.length - 1]![column];
      if (rows.length < size) return;
    }
  }
  // A filtered view in the dataset's order: the matching places first (integers, read on the filters'
  // indexes), then the records a batch of places at a time.
  const places = (prepared(`SELECT e.sortOrder AS k FROM ${where.from} WHERE ${where.sql} ORDER BY e.sortOrder`, db.file).all(...where.params) as { k: number }[]).map((r) => r.k);
  const statement = prepared(`SELECT ${RECORD_COLUMNS} FROM ${recordFrom({ from: "Effect e" })} WHERE e.sortOrder IN (SELECT value FROM json_each(?)) ORDER BY e.sortOrder`, db.file);
  for (let i = 0; i < places.length; i += size) yield toRecords(statement.all(JSON.stringify(places.slice(i, i + size))) as FlatEffectRow[], db);
}

/** Records by id (a question's baseline records), in the dataset's order. */
export function effectsById(ids: readonly string[], db: Db = {}): EffectRecord[] {
  if (ids.length === 0) return [];
  const rows = prepared(`SELECT ${RECORD_COLUMNS} FROM ${recordFrom({ from: "Effect e" })} WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.sortOrder`, db.file).all(JSON.stringify(ids)) as FlatEffectRow[];
  return toRecords(rows, db);
}

/** A study's records, in the study's order. */
export function effectsOfStudy(studyId: string, db: Db = {}): EffectRecord[] {
  const rows = prepared(`SELECT ${RECORD_COLUMNS} FROM ${recordFrom({ from: "Effect e" })} WHERE e.studyId = ? ORDER BY e.sortOrder`, db.file).all(studyId) as FlatEffectRow[];
  return toRecords(rows, db);
}

/** The studies of the matching records, in the dataset's order (bounded by the studies, not the records). */
export function studyIdsWhere(filters: EffectFilters, freeText: readonly string[], db: Db = {}): string[] {
  const where = effectCondition(filters, freeText);
  return (prepared(`SELECT s.id FROM Study s WHERE s.id IN (SELECT e.studyId FROM ${where.from} WHERE ${where.sql}) ORDER BY s.sortOrder`, db.file).all(...where.params) as { id: string }[]).map((r) => r.id);
}

/** The documents and source levels of the matching records (what a citation list needs of them). */
export function documentsWhere(filters: EffectFilters, freeText: readonly string[], db: Db = {}): { document: string; sourceLevel: string }[] {
  const where = effectCondition(filters, freeText);
  return prepared(`SELECT DISTINCT e.document, e.sourceLevel FROM ${where.from} WHERE ${where.sql}`, db.file).all(...where.params) as { document: string; sourceLevel: string }[];
}

/**
 * The other records of the comparisons some records belong to (their arms and contrast, by study and
 * comparison id, on Effect(studyId, comparison)) that the filters leave out because they select one
 * arm: a group, a treatment or free text. The other filters (endpoint, measure, design ...) still
 * apply. Bounded by the records given (a page, the charts' records, an export batch): one indexed
 * read of their comparisons and one check of the candidates against the full condition.
 */
export function comparisonMates(filters: EffectFilters, freeText: readonly string[], records: readonly Pick<EffectRecord, "studyId" | "comparison">[], db: Db = {}): EffectRecord[] {
  if (filters.group.length === 0 && filters.treatment.length === 0 && freeText.length === 0) return [];
  const pairs = [...new Set(records.filter((r) => r.comparison).map((r) => JSON.stringify([r.studyId, r.comparison])))];
  if (pairs.length === 0) return [];
  const relaxed = effectCondition({ ...filters, group: [], treatment: [] }, []);
  const rows = prepared(
    `SELECT ${RECORD_COLUMNS} FROM json_each(?) j CROSS JOIN Effect e ON e.studyId = json_extract(j.value, '$[0]') AND e.comparison = json_extract(j.value, '$[1]')
     JOIN Study s ON s.id = e.studyId JOIN Endpoint n ON n.code = e.endpointCode WHERE ${relaxed.sql} ORDER BY e.browseKey`,
    db.file,
  ).all(`[${pairs.join(",")}]`, ...relaxed.params) as FlatEffectRow[];
  if (rows.length === 0) return [];
  const full = effectCondition(filters, freeText);
  const matched = new Set(
    (prepared(`SELECT e.browseKey AS k FROM ${full.from} WHERE ${full.sql} AND e.browseKey IN (SELECT value FROM json_each(?))`, db.file).all(...full.params, JSON.stringify(rows.map((r) => r.browseKey))) as { k: number }[]).map((r) => r.k),
  );
  return toRecords(rows.filter((r) => !matched.has(r.browseKey)), db);
}

/**
 * The printings of the given records' figures that the filters also select, beyond those records:
 * the records they name (sameAs, a report-update flag's other record) and the records that name them
 * (sameAs, through its index), followed a few links deep (a review's copy of an abstract a later
 * report updates). Bounded by the records given: one indexed read per step.
 */
export function printingMates(filters: EffectFilters, freeText: readonly string[], records: readonly EffectRecord[], db: Db = {}): EffectRecord[] {
  const known = new Set(records.map((r) => r.id));
  const full = effectCondition(filters, freeText);
  const found: EffectRecord[] = [];
  let frontier: readonly EffectRecord[] = records;
  for (let step = 0; step < 3 && frontier.length > 0; step++) {
    const named = [...new Set(frontier.flatMap((r) => [r.sameAs, ...r.flags.filter((f) => f.code === "report-update").map((f) => f.otherEffectId)]))].filter((id): id is string => id !== null && !known.has(id));
    // CROSS JOIN: the printings named (a few, by index) drive the read, never a filter's join table.
    const rows = prepared(
      `SELECT ${RECORD_COLUMNS} FROM (
         SELECT browseKey AS k FROM Effect WHERE id IN (SELECT value FROM json_each(?))
         UNION SELECT browseKey FROM Effect WHERE sameAs IN (SELECT value FROM json_each(?))) m
       CROSS JOIN ${recordFrom(full)} WHERE e.browseKey = m.k AND ${full.sql} ORDER BY e.browseKey`,
      db.file,
    ).all(JSON.stringify(named), JSON.stringify(frontier.map((r) => r.id)), ...full.params) as FlatEffectRow[];
    const fresh = toRecords(rows.filter((r) => !known.has(r.id)), db);
    for (const r of fresh) known.add(r.id);
    found.push(...fresh);
    frontier = fresh;
  }
  return found;
}

/** Source levels by directness (SourceLevel.rank, the vocabulary's order): the rank a fold's lead is chosen by. */
export function sourceLevelRank(db: Db = {}): (level: string) => number {
  const ranks = new Map((prepared("SELECT code FROM SourceLevel ORDER BY rank", db.file).all() as { code: string }[]).map((r, i) => [r.code, i]));
  return (level: string) => ranks.get(level) ?? ranks.size;
}
