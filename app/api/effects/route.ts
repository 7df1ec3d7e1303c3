import { filtersToQuery, parseFiltersStrict } from "@/lib/data/filters";
import { takeCursorStrict } from "@/lib/data/cursor";
import { findEffects } from "@/lib/data/find-effects";
import { apiRoute, json, searchParamsOf } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/effects?endpoint=OS&group=RAS&analysis=multivariable ...
 * -> { data, count, limit, offset, version, interpretation, next, previous, links }
 * Pages by key: `after=<next>` / `before=<previous>` (links.next / links.previous are those URLs);
 * `offset` still works (found on an index, no deeper than the count): a deep page is cheaper by key.
 */
export const GET = apiRoute(async (request, { db, vocab, meta }) => {
  const params = searchParamsOf(request);
  const cursor = takeCursorStrict(params);
  const filters = parseFiltersStrict(params, vocab.allowed);
  const { data, count, interpretation, next, previous } = await findEffects(db, vocab, filters, cursor);
  const base = filtersToQuery({ ...filters, offset: 0 });
  const link = (key: "after" | "before", value: number | null) => (value === null ? null : `/api/effects${base}${base ? "&" : "?"}${key}=${value}`);
  return json({ data, count, limit: filters.limit, offset: filters.offset, version: meta.version, interpretation, next, previous, links: { next: link("after", next), previous: link("before", previous) } });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
