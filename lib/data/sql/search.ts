// Records found by their words as they are typed: FTS5 picks the best-ranked candidates (bm25 over
// the records' text and their vocabulary synonyms), fuse.js re-ranks only those few on the fields a
// reader recognises (study, endpoint, the comparison, population, statement), tolerating a typo in
// them. fuse.js over every record (the design this replaces) costs about a second per keystroke at
// 200,000 records; here it sees SEARCH_CANDIDATES.
import Fuse from "fuse.js";
import { prepared } from "../../db/sqlite";
import { ftsQuery } from "./fts";

type Db = { file?: string };

export const SEARCH_CANDIDATES = 60;

export type SearchHit = { id: string; studyId: string; study: string; endpoint: string; endpointLabel: string; comparison: string; population: string; statement: string | null; href: string };

const CANDIDATES_SQL = "SELECT rowid AS k FROM EffectSearch WHERE EffectSearch MATCH ? ORDER BY rank LIMIT ?";

/** The FTS5 candidates alone, best first (what the benchmark compares this path with). */
export function ftsCandidates(text: string, limit = SEARCH_CANDIDATES, db: Db = {}): number[] {
  const match = ftsQuery(text.split(/\s+/));
  if (!match) return [];
  return (prepared(CANDIDATES_SQL, db.file).all(match, limit) as { k: number }[]).map((r) => r.k);
}

const FUSE_KEYS = [
  { name: "study", weight: 2 },
  { name: "endpointLabel", weight: 1.5 },
  { name: "comparison", weight: 1 },
  { name: "population", weight: 0.5 },
  { name: "statement", weight: 0.5 },
];

export function searchRecords(text: string, options: { limit?: number } & Db = {}): { data: SearchHit[]; candidates: number } {
  const limit = options.limit ?? 10;
  const keys = ftsCandidates(text, SEARCH_CANDIDATES, options);
  if (keys.length === 0) return { data: [], candidates: 0 };
  const rows = prepared(
    `SELECT e.browseKey, e.id, e.studyId, e.recordId, s.shortName AS study, e.endpointCode AS endpoint, n.label AS endpointLabel, e.exposure, e.reference, e.population, e.statement
     FROM Effect e JOIN Study s ON s.id = e.studyId JOIN Endpoint n ON n.code = e.endpointCode WHERE e.browseKey IN (SELECT value FROM json_each(?))`,
    options.file,
  ).all(JSON.stringify(keys)) as { browseKey: number; id: string; studyId: string; recordId: string; study: string; endpoint: string; endpointLabel: string; exposure: string | null; reference: string | null; population: string; statement: string | null }[];
  const byKey = new Map(rows.map((r) => [r.browseKey, r]));
  const hits = keys.flatMap((k, ftsRank) => {
    const r = byKey.get(k);
    if (!r) return [];
    const comparison = [r.exposure, r.reference].filter(Boolean).join(" vs ");
    return [{ ftsRank, hit: { id: r.id, studyId: r.studyId, study: r.study, endpoint: r.endpoint, endpointLabel: r.endpointLabel, comparison, population: r.population, statement: r.statement, href: `/studies/${r.studyId}#${encodeURIComponent(r.recordId)}` } }];
  });
  // Re-ranked: records fuse.js matches first (best score first), the rest in FTS5's order.
  const fuse = new Fuse(hits, { keys: FUSE_KEYS.map((k) => ({ name: `hit.${k.name}`, weight: k.weight })), includeScore: true, ignoreLocation: true, threshold: 0.5 });
  const scored = new Map(fuse.search(text).map((r) => [r.refIndex, r.score ?? 1]));
  const order = hits.map((h, i) => ({ h, score: scored.get(i) ?? 2 })).sort((a, b) => a.score - b.score || a.h.ftsRank - b.h.ftsRank);
  return { data: order.slice(0, limit).map((o) => o.h.hit), candidates: hits.length };
}
