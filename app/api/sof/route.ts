import { apiRoute, json, jsonError, searchParamsOf } from "@/lib/data/api-response";
import { findSummaryOfFindings, listQuestions } from "@/lib/data/sof";
import { sofToCsv, sofToJson } from "@/lib/grade/export";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv", "docx"] as const;

/**
 * GET /api/sof -> the questions; GET /api/sof?question=ID[&format=json|csv|docx] -> its Summary of
 * Findings: rows with outcome, importance, studies, participants, effect, absolute, certainty,
 * startingLevel, domains {riskOfBias, inconsistency, indirectness, imprecision, publicationBias,
 * upgrades}, statement, recordIds.
 */
export const GET = apiRoute(async (request, { db, vocab, meta }) => {
  const params = searchParamsOf(request);
  for (const key of params.keys()) if (key !== "question" && key !== "format") return jsonError(400, `unknown parameter "${key.slice(0, 40)}"`, { parameter: key.slice(0, 40), allowed: "question, format" });
  const id = params.get("question");
  const questions = await listQuestions(db);
  if (id === null) return json({ data: questions, version: meta.version });
  if (!questions.some((q) => q.id === id)) return jsonError(400, `unknown question "${id.slice(0, 80)}"`, { parameter: "question", allowed: questions.map((q) => q.id).join(", ") });
  const format = params.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(format)) return jsonError(400, `unknown format "${format.slice(0, 40)}"`, { parameter: "format", allowed: FORMATS.join(", ") });
  const sof = (await findSummaryOfFindings(db, vocab, id))!;
  const name = `sof-${id}-${meta.version}`;
  if (format === "csv") return new Response(sofToCsv(sof), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
  if (format === "docx") {
    const { sofToDocx } = await import("@/lib/grade/docx");
    const body = await sofToDocx(sof, { version: meta.version });
    return new Response(new Uint8Array(body), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "content-disposition": `attachment; filename="${name}.docx"` } });
  }
  return json({ ...sofToJson(sof), version: meta.version });
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
