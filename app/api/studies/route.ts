import { findStudyPage } from "@/lib/data/find-studies";
import { takeCursorStrict } from "@/lib/data/cursor";
import { FilterError } from "@/lib/data/filters";
import { apiRoute, json, jsonError, searchParamsOf } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

const STUDY_PAGE_DEFAULT = 100;
const STUDY_PAGE_MAX = 1000;

/**
 * GET /api/studies[?limit=N&after=K|before=K] -> { data, count, version, next, previous, links }: the
 * studies in the dataset's order, a page at a time (count is every study).
 */
export const GET = apiRoute(async (request, { db, meta }) => {
  const params = searchParamsOf(request);
  const cursor = takeCursorStrict(params);
  const rawLimit = params.getAll("limit");
  params.delete("limit");
  const unknown = [...params.keys()];
  if (unknown.length) return jsonError(400, `unknown parameter "${unknown[0]}"`, { parameter: unknown[0], allowed: "limit, after, before" });
  const allowed = `a whole number from 1 to ${STUDY_PAGE_MAX}`;
  if (rawLimit.length > 1) throw new FilterError("limit", allowed, `limit is given ${rawLimit.length} times; give it once`);
  const limit = rawLimit.length ? Number(rawLimit[0]) : STUDY_PAGE_DEFAULT;
  if (!/^\d{1,4}$/.test(rawLimit[0] ?? "1") || limit < 1 || limit > STUDY_PAGE_MAX) throw new FilterError("limit", allowed, `limit must be ${allowed}`);
  const page = await findStudyPage(db, { limit, ...cursor });
  const data = page.data.map(({ sortOrder: _key, ...s }) => s);
  const link = (key: "after" | "before", value: number | null) => (value === null ? null : `/api/studies?${limit !== STUDY_PAGE_DEFAULT ? `limit=${limit}&` : ""}${key}=${value}`);
  return json({ data, count: page.count, version: meta.version, next: page.next, previous: page.previous, links: { next: link("after", page.next), previous: link("before", page.previous) } });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
