import { FilterError, MAX_QUERY_LENGTH } from "@/lib/data/filters";
import { databaseFileOf } from "@/lib/db/open";
import { searchRecords } from "@/lib/data/sql";
import { apiRoute, json, jsonError, searchParamsOf } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

const MAX_HITS = 20;

/**
 * GET /api/search?q=<words typed so far>[&limit=N] -> { q, data: [{ id, study, endpointLabel,
 * comparison, population, statement, href }], candidates, version }: records as a search box types,
 * found by FTS5 and re-ranked by fuse.js among the best candidates (lib/data/sql/search.ts).
 */
export const GET = apiRoute(async (request, { db, meta }) => {
  const params = searchParamsOf(request);
  for (const key of params.keys()) if (key !== "q" && key !== "limit") return jsonError(400, `unknown parameter "${key.slice(0, 40)}"`, { parameter: key.slice(0, 40), allowed: "q, limit" });
  const q = (params.get("q") ?? "").normalize("NFKC").trim();
  if (q.length > MAX_QUERY_LENGTH) throw new FilterError("q", `text of at most ${MAX_QUERY_LENGTH} characters`, `q is longer than ${MAX_QUERY_LENGTH} characters`);
  const rawLimit = params.get("limit") ?? "10";
  if (!/^\d{1,2}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_HITS) throw new FilterError("limit", `a whole number from 1 to ${MAX_HITS}`, `limit must be a whole number from 1 to ${MAX_HITS}`);
  const { data, candidates } = q ? searchRecords(q, { limit: Number(rawLimit), file: databaseFileOf(db) }) : { data: [], candidates: 0 };
  return json({ q, data, candidates, version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
