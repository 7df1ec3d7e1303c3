import { type NextRequest } from "next/server";
import { getContext } from "@/lib/data/context";
import { parseFiltersStrict } from "@/lib/data/filters";
import { findEffects } from "@/lib/data/find-effects";
import { handle } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

/** GET /api/effects?endpoint=OS&group=RAS&analysis=multivariable ... -> { data, count, limit, offset, version } */
export async function GET(request: NextRequest) {
  return handle(async () => {
    const { db, vocab, meta } = await getContext();
    const filters = parseFiltersStrict(request.nextUrl.searchParams, vocab.allowed);
    const { data, count, interpretation } = await findEffects(db, vocab, filters);
    return Response.json({ data, count, limit: filters.limit, offset: filters.offset, version: meta.version, interpretation });
  });
}
