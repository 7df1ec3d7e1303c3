import { getPageContext } from "@/lib/data/context";
import { FILTER_KEYS, FilterError } from "@/lib/data/filters";
import { apiRoute, json, searchParamsOf } from "@/lib/data/api-response";
import { suggestFor } from "@/lib/search/suggest";

export const dynamic = "force-dynamic";

const KNOWN = new Set<string>(["q", ...FILTER_KEYS, "flagged", "computed", "lang"]);

/**
 * GET /api/suggest?q=TEXT[&<the view's filters>] -> { q, understood, notes, freeText, count, suggestions, hint }.
 * Suggestions as the search box is typed in, each with its record count (a term with no record is
 * never offered); hint, when the query finds nothing, holds the nearest queries and terms that do.
 * The view's filters are read as the page reads its URL (unknown values dropped), so the answer
 * describes what the page shows; an unknown parameter is a 400. lang=zh: the terms' labels in
 * Chinese, for the search box of the Chinese interface (the API is English otherwise).
 */
export const GET = apiRoute(async (request) => {
  const params = searchParamsOf(request);
  for (const key of new Set(params.keys())) if (!KNOWN.has(key)) throw new FilterError(key.slice(0, 60), [...KNOWN].join(", "), `unknown parameter "${key.slice(0, 40)}"`);
  const lang = params.get("lang") === "zh" ? "zh" : "en";
  params.delete("lang");
  const { db, vocab, meta } = await getPageContext(lang);
  return json({ ...(await suggestFor(db, vocab, params)), version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
