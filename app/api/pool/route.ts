import { FilterError, parseFiltersStrict } from "@/lib/data/filters";
import { apiRoute, json, searchParamsOf } from "@/lib/data/api-response";
import { poolForFilters, parsePoolOptions } from "@/lib/data/pool-effects";

export const dynamic = "force-dynamic";

/**
 * GET /api/pool?<the filters of /api/effects>&method=REML|DL|PM|FE&ci=hksj|wald
 *   &analysis=multivariable|univariable|randomised&comparison=EXPOSURE:REFERENCE&by=level|setting|design
 * -> the pooled estimate with its heterogeneity, weights, and every other record with the reason it was set aside.
 */
export const GET = apiRoute(async (request, { db, vocab, meta }) => {
  const params = searchParamsOf(request);
  const options = parsePoolOptions(params);
  for (const k of ["method", "ci", "comparison", "by"]) params.delete(k);
  if (options.analysis) params.set("analysis", options.analysis);
  params.delete("limit");
  params.delete("offset");
  const filters = parseFiltersStrict(params, vocab.allowed);
  if (filters.analysis.length > 1) throw new FilterError("analysis", "one of multivariable, univariable, randomised", "pooling takes one analysis");
  // The API stays English: the Chinese copy of the not-poolable findings is for the /zh page only.
  const { notPooledZh: _pageOnly, ...result } = await poolForFilters(db, vocab, filters, options);
  return json({ ...result, version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
