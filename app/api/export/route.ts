import { parseFiltersStrict } from "@/lib/data/filters";
import { applyQuery } from "@/lib/data/find-effects";
import { bibtexText, csvParts, jsonParts, risText, streamOf } from "@/lib/data/export-stream";
import { databaseFileOf } from "@/lib/db/open";
import { apiRoute, jsonError, searchParamsOf } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

const FORMATS = ["csv", "json", "ris", "bibtex"] as const;

/**
 * GET /api/export?format=csv|json|ris|bibtex&<the browser's filters> — the current view as a file.
 * CSV and JSON are streamed, a batch of records at a time (lib/data/export-stream.ts): the whole
 * 200,000-record dataset goes out in bounded memory.
 */
export const GET = apiRoute(async (request, { db, vocab, meta }) => {
  const params = searchParamsOf(request);
  const format = params.get("format") ?? "csv";
  if (!(FORMATS as readonly string[]).includes(format)) return jsonError(400, `unknown format "${format}"`, { parameter: "format", allowed: FORMATS.join(", ") });
  params.delete("format");
  params.delete("limit");
  params.delete("offset");
  const { filters, interpretation } = applyQuery(parseFiltersStrict(params, vocab.allowed), vocab);
  const view = { filters, freeText: interpretation?.freeText ?? [], order: "browse" as const };
  const source = { file: databaseFileOf(db) };
  const stamp = `ras-crlm-evidence-${meta.version}`;
  const file = (body: string | ReadableStream<Uint8Array>, type: string, ext: string) =>
    new Response(body, { headers: { "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${stamp}.${ext}"` } });
  switch (format) {
    case "json":
      return file(streamOf(jsonParts(meta, params.toString(), view, source)), "application/json", "json");
    case "ris":
      return file(risText(meta, view, source), "application/x-research-info-systems", "ris");
    case "bibtex":
      return file(bibtexText(meta, view, source), "application/x-bibtex", "bib");
    default:
      return file(streamOf(csvParts(view, source)), "text/csv", "csv");
  }
});

// Methods other than GET and HEAD: 405 with Allow, OPTIONS 204.
export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/data/api-methods";
