// The evidence map's counts (lib/data/evidence-map.ts): record-group pairs grouped by reported
// molecular group, endpoint, study and source level, and the records with a molecular group per
// endpoint. Both read EffectMolecularGroup alone (it carries each record's key, endpoint, study and
// source level, with an index in the map's order), restricted by the view's other filters through
// the record keys they select: bounded by the pairs, never a join of every pair to its record.
import type { EffectFilters } from "../filters";
import { prepared } from "../../db/sqlite";
import { effectCondition } from "./where";

export type MapPairCount = { groupCode: string; endpointCode: string; studyId: string; sourceLevel: string; records: number };

/** The map's counts under the filters (endpoint and group are the map's axes: they do not filter). */
export function mapCounts(filters: EffectFilters, file?: string): { pairs: MapPairCount[]; recordsByEndpoint: Map<string, number> } {
  const where = effectCondition({ ...filters, endpoint: [], group: [], q: null }, []);
  const restrict = where.empty ? "" : `WHERE m.effectKey IN (SELECT e.browseKey FROM ${where.from} WHERE ${where.sql})`;
  const params = where.empty ? [] : where.params;
  const pairs = prepared(
    `SELECT m.groupCode AS groupCode, m.endpointCode AS endpointCode, m.studyId AS studyId, m.sourceLevel AS sourceLevel, count(*) AS records FROM EffectMolecularGroup m ${restrict} GROUP BY m.groupCode, m.endpointCode, m.studyId, m.sourceLevel`,
    file,
  ).all(...params) as MapPairCount[];
  // A record with two groups is one record of its endpoint's row.
  const rows = prepared(`SELECT m.endpointCode AS endpointCode, count(DISTINCT m.effectKey) AS n FROM EffectMolecularGroup m ${restrict} GROUP BY m.endpointCode`, file).all(...params) as { endpointCode: string; n: number }[];
  return { pairs, recordsByEndpoint: new Map(rows.map((r) => [r.endpointCode, r.n])) };
}

/** The studies' N (null where a study reports none), for any number of studies (bound as one value). */
export function studySizes(ids: readonly string[], file?: string): Map<string, number | null> {
  const rows = prepared("SELECT id, n FROM Study WHERE id IN (SELECT value FROM json_each(?))", file).all(JSON.stringify(ids)) as { id: string; n: number | null }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Records per study, every study at once (the search box's suggestion counts). */
export function recordsPerStudy(file?: string): Map<string, number> {
  const rows = prepared("SELECT studyId, count(*) AS n FROM Effect GROUP BY studyId", file).all() as { studyId: string; n: number }[];
  return new Map(rows.map((r) => [r.studyId, r.n]));
}
