// JSON answers for the API: a 400 names the parameter and what is allowed; nothing is a bare 500.
import { FilterError } from "./filters";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status });
}

export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof FilterError) return jsonError(400, err.message, { parameter: err.parameter, allowed: err.allowed });
    console.error(err);
    return jsonError(503, "the evidence database is not available; run `npm run db:build`");
  }
}
