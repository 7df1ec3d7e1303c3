import { FilterError } from "@/lib/data/filters";
import { apiRoute, json, searchParamsOf } from "@/lib/data/api-response";
import { findCompareOptions, MAX_COMPARE, POPULATIONS } from "@/lib/data/compare";

export const dynamic = "force-dynamic";

const KNOWN = new Set(["kind", "q", "studies", "endpoint", "population"]);
const MAX_Q = 100;

/**
 * GET /api/compare-options?kind=study|endpoint&q=TEXT&studies=…&endpoint=…&population=… -> { data }:
 * at most a dozen studies (or endpoints) to add to a comparison, each with its record count and the
 * comparison's URL with it added. Studies and endpoints already chosen are read as the compare page
 * reads them (unknown ones dropped); an unknown parameter or kind is a 400.
 */
export const GET = apiRoute(async (request, { db, vocab, meta }) => {
  const params = searchParamsOf(request);
  for (const key of new Set(params.keys())) if (!KNOWN.has(key)) throw new FilterError(key.slice(0, 60), [...KNOWN].join(", "), `unknown parameter "${key.slice(0, 40)}"`);
  const kind = params.get("kind") ?? "study";
  if (kind !== "study" && kind !== "endpoint") throw new FilterError("kind", "study, endpoint", `unknown kind "${kind.slice(0, 40)}"`);
  const q = (params.get("q") ?? "").normalize("NFKC");
  if (q.length > MAX_Q) throw new FilterError("q", `text of at most ${MAX_Q} characters`, `q is longer than ${MAX_Q} characters`);
  const known = new Set(vocab.allowed.study);
  const studies = [...new Set(params.getAll("studies").flatMap((v) => v.split(",")).filter((id) => known.has(id)))].slice(0, MAX_COMPARE);
  const endpoints = [...new Set(params.getAll("endpoint").flatMap((v) => v.split(",")).filter((c) => vocab.allowed.endpoint.includes(c)))];
  const population = POPULATIONS.some((p) => p.code === params.get("population")) ? params.get("population")! : "all";
  const data = await findCompareOptions(db, vocab, { kind, q, studies, endpoints, population });
  return json({ data, version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
