// The API's routes as one table, for the app server (scripts/serve.ts), which answers a GET or HEAD
// on one of these exact paths itself instead of passing the request through Next's router (measured
// at 200,000 records, the router cost an /api/effects request about as much as its queries). It calls
// each route's `GET.answer`: the same work as the route's GET, as plain data, written to the socket
// without WHATWG Request and Response objects (lib/data/api-response.ts). Everything the table does
// not match (other methods, a trailing slash, a path with a percent sign, an unknown path) and
// everything under `next dev` stays Next's, through the routes' GET.
import type { Answer, ApiRequest } from "@/lib/data/api-response";
import * as compareOptions from "./compare-options/route";
import * as effects from "./effects/route";
import * as exportRoute from "./export/route";
import * as pool from "./pool/route";
import * as search from "./search/route";
import * as sof from "./sof/route";
import * as studies from "./studies/route";
import * as study from "./studies/[id]/route";
import * as suggest from "./suggest/route";

/** A route's work as plain data (lib/data/api-response.ts apiRoute's `answer`). */
type Handler = (request: ApiRequest) => Promise<Answer>;

const EXACT: Record<string, Handler> = {
  "/api/compare-options": compareOptions.GET.answer,
  "/api/effects": effects.GET.answer,
  "/api/export": exportRoute.GET.answer,
  "/api/pool": pool.GET.answer,
  "/api/search": search.GET.answer,
  "/api/sof": sof.GET.answer,
  "/api/studies": studies.GET.answer,
  "/api/suggest": suggest.GET.answer,
};

// A study's path with a plain id (no percent sign: Next decodes those, and the proxy checks them).
const STUDY = /^\/api\/studies\/([A-Za-z0-9._-]{1,200})$/;

/** The handler for a GET or HEAD on this path (the path as asked, without its query), or null: Next's. */
export function apiHandlerFor(pathname: string): Handler | null {
  const exact = EXACT[pathname];
  if (exact) return exact;
  const m = STUDY.exec(pathname);
  if (!m) return null;
  const id = m[1]!;
  return (request) => study.GET.answer(request, { id });
}
