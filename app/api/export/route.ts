import { type NextRequest } from "next/server";
import { getContext } from "@/lib/data/context";
import { parseFiltersStrict } from "@/lib/data/filters";
import { findEffects } from "@/lib/data/find-effects";
import { findStudies } from "@/lib/data/find-studies";
import { effectsToCsv } from "@/lib/data/export-dataset";
import { publicationsOf, toBibtex, toRis } from "@/lib/domain/citations";
import { handle, jsonError } from "@/lib/data/api-response";

export const dynamic = "force-dynamic";

const FORMATS = ["csv", "json", "ris", "bibtex"] as const;

/** GET /api/export?format=csv|json|ris|bibtex&<the browser's filters> — the current view as a file. */
export async function GET(request: NextRequest) {
  return handle(async () => {
    const params = new URLSearchParams(request.nextUrl.searchParams);
    const format = params.get("format") ?? "csv";
    if (!(FORMATS as readonly string[]).includes(format)) return jsonError(400, `unknown format "${format}"`, { parameter: "format", allowed: FORMATS.join(", ") });
    params.delete("format");
    params.delete("limit");
    params.delete("offset");
    const { db, vocab, meta } = await getContext();
    const filters = { ...parseFiltersStrict(params, vocab.allowed), limit: 1_000_000, offset: 0 };
    const { data } = await findEffects(db, vocab, filters);
    const studyIds = new Set(data.map((e) => e.studyId));
    const studies = await findStudies(db, [...studyIds]);
    const stamp = `ras-crlm-evidence-${meta.version}`;
    const file = (body: string, type: string, ext: string) =>
      new Response(body, { headers: { "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${stamp}.${ext}"` } });
    switch (format) {
      case "json":
        return file(JSON.stringify({ version: meta.version, query: params.toString(), studies, effects: data }, null, 2), "application/json", "json");
      case "ris":
        return file(toRis(publicationsOf(studies, data, meta.citingDocuments)), "application/x-research-info-systems", "ris");
      case "bibtex":
        return file(toBibtex(publicationsOf(studies, data, meta.citingDocuments)), "application/x-bibtex", "bib");
      default:
        return file(effectsToCsv(data, studies), "text/csv", "csv");
    }
  });
}
