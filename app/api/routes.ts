// The API's routes as one table, for the app server (scripts/serve.ts), which answers a GET or HEAD
// on one of these exact paths by calling the route's handler itself instead of passing the request
// through Next's router (measured at 200,000 records, the router cost an /api/effects request about
// as much as its queries). The handlers are the same functions Next calls for the same paths (under
// `next dev`, and for everything the table does not match: other methods, a trailing slash, a path
// with a percent sign, an unknown path, which stay Next's as before).
import type { NextRequest } from "next/server";
import * as compareOptions from "./compare-options/route";
import * as effects from "./effects/route";
import * as exportRoute from "./export/route";
import * as pool from "./pool/route";
import * as search from "./search/route";
import * as sof from "./sof/route";
import * as studies from "./studies/route";
import * as study from "./studies/[id]/route";
import * as suggest from "./suggest/route";

type Handler = (request: NextRequest) => Promise<Response>;

const EXACT: Record<string, Handler> = {
  "/api/compare-options": compareOptions.GET,
  "/api/effects": effects.GET,
  "/api/export": exportRoute.GET,
  "/api/pool": pool.GET,
  "/api/search": search.GET,
  "/api/sof": sof.GET,
  "/api/studies": studies.GET,
  "/api/suggest": suggest.GET,
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
  return (request) => study.GET(request, { params: Promise.resolve({ id }) });
}
