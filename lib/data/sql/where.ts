// Filters -> one SQL condition on Effect (alias e). Within a filter values are alternatives (OR),
// filters combine (AND). Every list is bound as one JSON array (json_each), so a query has one bound
// value per filter however many values a filter has and however large the vocabularies grow: no query
// can reach SQLite's bound-value limit. `group` includes descendants through EffectGroupPath (a record
// has a row for each ancestor of its groups), `treatment` the regimens containing a component or
// belonging to a class through EffectTreatment; free text is an FTS5 match (lib/data/sql/fts.ts).
import type { EffectFilters, FilterKey } from "../filters";
import { ftsQuery } from "./fts";

/**
 * A condition on Effect e: `from` (Effect, joined to a join table for a single group or treatment),
 * `sql` and its bound `params`, and `key`, the column the list is ordered and paged by. A single
 * group or treatment is a join on the join table's primary key (code, effectKey), which lists its
 * records in key order; `key` is then that table's effectKey where nothing else narrows the records
 * through an index of Effect (else SQLite drives the query from that index, in browseKey order).
 * `only`: the condition is that join alone, so a count reads the join table's index alone.
 * `onlyText`: the condition is the free-text match alone (its FTS5 query), so a count reads the FTS5
 * index alone: EffectSearch holds one row per record, its rowid the record's browseKey (lib/db/rows).
 */
export type Where = {
  from: string;
  sql: string;
  params: unknown[];
  empty: boolean;
  key: string;
  only: { table: string; column: string; code: string; endpoint: string | null } | null;
  onlyText: string | null;
};

const COLUMN: Partial<Record<FilterKey, string>> = {
  endpoint: "e.endpointCode",
  study: "e.studyId",
  measure: "e.measure",
  design: "e.design",
  sourceLevel: "e.sourceLevel",
  analysis: "e.analysis",
  kind: "e.kind",
};

/** `column = ?` for one value (the planner reads it best), `column IN (json_each(?))` for several. */
function oneOf(column: string, values: string[], params: unknown[]): string {
  if (values.length === 1) {
    params.push(values[0]);
    return `${column} = ?`;
  }
  params.push(JSON.stringify(values));
  return `${column} IN (SELECT value FROM json_each(?))`;
}

export function effectCondition(f: EffectFilters, freeText: readonly string[] = [], omit?: FilterKey): Where {
  const joins: string[] = [];
  const joinParams: unknown[] = [];
  const clauses: string[] = [];
  const params: unknown[] = [];
  const use = (k: FilterKey) => k !== omit && f[k].length > 0;
  let indexed = false;
  for (const key of Object.keys(COLUMN) as FilterKey[])
    if (use(key)) {
      clauses.push(oneOf(COLUMN[key]!, f[key], params));
      indexed ||= (key === "endpoint" || key === "study") && f[key].length === 1;
    }
  const joined: { alias: string; table: string; column: string; code: string }[] = [];
  // The join tables carry the record's endpoint: a group or treatment with one endpoint is one range
  // of their (code, endpointCode) index.
  const endpoint = use("endpoint") && f.endpoint.length === 1 ? f.endpoint[0]! : null;
  for (const [key, table, column, alias] of [["group", "EffectGroupPath", "groupCode", "g"], ["treatment", "EffectTreatment", "treatmentCode", "t"]] as const) {
    if (!use(key)) continue;
    if (f[key].length === 1) {
      joins.push(`JOIN ${table} ${alias} ON ${alias}.effectKey = e.browseKey AND ${alias}.${column} = ?${endpoint ? ` AND ${alias}.endpointCode = ?` : ""}`);
      joinParams.push(f[key][0], ...(endpoint ? [endpoint] : []));
      joined.push({ alias, table, column, code: f[key][0]! });
    } else clauses.push(`e.browseKey IN (SELECT effectKey FROM ${table} WHERE ${oneOf(column, f[key], params)})`);
  }
  if (f.flagged === true) clauses.push("e.flagged = 1");
  if (f.flagged === false) clauses.push("e.flagged = 0");
  if (f.computed !== null) {
    clauses.push("e.computed = ?");
    params.push(f.computed ? 1 : 0);
  }
  const match = ftsQuery(freeText);
  if (match) {
    clauses.push("e.browseKey IN (SELECT rowid FROM EffectSearch WHERE EffectSearch MATCH ?)");
    params.push(match);
  }
  const lead = joined[0];
  // Only the join (and its endpoint): a count reads the join table's index alone.
  const alone = lead && joined.length === 1 && clauses.length === (endpoint ? 1 : 0);
  return {
    from: ["Effect e", ...joins].join(" "),
    sql: clauses.length ? clauses.join(" AND ") : "1",
    params: [...joinParams, ...params],
    empty: clauses.length === 0 && joins.length === 0,
    key: lead && !indexed ? `${lead.alias}.effectKey` : "e.browseKey",
    only: alone ? { table: lead.table, column: lead.column, code: lead.code, endpoint } : null,
    onlyText: match && clauses.length === 1 && joins.length === 0 ? match : null,
  };
}

/** No filter: every record. */
export const NO_FILTERS: EffectFilters = {
  endpoint: [], treatment: [], group: [], study: [], measure: [], design: [], sourceLevel: [], analysis: [], kind: [],
  q: null, limit: 100, offset: 0, flagged: null, computed: null,
};

/** The facets a condition omits in turn: every filter key, so each facet counts under the others. */
export const FACET_KEYS = ["endpoint", "group", "treatment", "design", "sourceLevel", "measure", "analysis"] as const satisfies readonly FilterKey[];
