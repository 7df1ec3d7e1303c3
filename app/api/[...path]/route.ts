import { apiRoute, jsonError } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

/** Any /api/ path that names no route: a JSON 404 with the API's headers (never the HTML not-found page). */
export const GET = apiRoute(async (request) => jsonError(404, `no API route at ${new URL(request.url).pathname.slice(0, 100)}`, { allowed: "/api/effects, /api/studies, /api/studies/<id>, /api/export, /api/pool, /api/sof, /api/suggest, /api/search, /api/compare-options" }));

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
