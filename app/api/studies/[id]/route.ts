import { findStudy } from "@/lib/data/find-studies";
import { apiRoute, json, jsonError } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, { db, vocab, meta }, { id }) => {
  if (!/^[a-z0-9-]{1,100}$/.test(id)) return jsonError(400, "malformed study id", { parameter: "id", allowed: "a study slug (lowercase letters, digits, hyphens)" });
  const study = await findStudy(db, id);
  if (!study) return jsonError(404, `no study "${id}"`, { parameter: "id", allowed: vocab.studies.map((s) => s.id).join(", ") });
  return json({ data: study, version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
