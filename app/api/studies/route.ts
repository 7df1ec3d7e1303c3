import { type NextRequest } from "next/server";
import { getContext } from "@/lib/data/context";
import { findStudies } from "@/lib/data/find-studies";
import { handle, jsonError } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return handle(async () => {
    const unknown = [...request.nextUrl.searchParams.keys()];
    if (unknown.length) return jsonError(400, `unknown parameter "${unknown[0]}"`, { parameter: unknown[0], allowed: "none" });
    const { db, meta } = await getContext();
    const data = await findStudies(db);
    return Response.json({ data, count: data.length, version: meta.version });
  });
}
