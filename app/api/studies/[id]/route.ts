import { type NextRequest } from "next/server";
import { getContext } from "@/lib/data/context";
import { findStudy } from "@/lib/data/find-studies";
import { handle, jsonError } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { id } = await ctx.params;
    if (!/^[a-z0-9-]{1,100}$/.test(id)) return jsonError(400, "malformed study id", { parameter: "id", allowed: "a study slug (lowercase letters, digits, hyphens)" });
    const { db, vocab, meta } = await getContext();
    const study = await findStudy(db, id);
    if (!study) return jsonError(404, `no study "${id}"`, { parameter: "id", allowed: vocab.studies.map((s) => s.id).join(", ") });
    return Response.json({ data: study, version: meta.version });
  });
}

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
