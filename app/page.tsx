import Link from "next/link";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { browse, canonicalSearchUrl } from "@/lib/data/browse";
import { FILTER_KEYS, filtersToQuery } from "@/lib/data/filters";
import { findStudies } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { FacetList } from "./_components/FacetList";
import { ResultsByEndpoint } from "./_components/ResultsByEndpoint";
import { SearchBox } from "./_components/SearchBox";
import { PrintButton } from "./_components/PrintButton";
import { BrowseCharts } from "./_components/BrowseCharts";
import { toSearchParams, type PageSearchParams } from "./_components/search-params";
import { StartingQuestions } from "./_components/StartingQuestions";
import { pooledSummaries } from "./pool/_components/pooled-summaries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Browse the evidence" };

export default async function BrowsePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getContext();
  const canonical = canonicalSearchUrl(params, vocab);
  if (canonical) redirect(canonical.url);

  const view = await browse(db, vocab, params);
  const searched = params.get("searched");
  const labelFor = (key: string, code: string): string => {
    const facet = view.facets.find((f) => f.key === key);
    return facet?.values.find((v) => v.value === code)?.label ?? code;
  };
  const active = FILTER_KEYS.flatMap((key) => view.filters[key].map((code) => ({ key, code, label: labelFor(key, code) })));
  const query = filtersToQuery({ ...view.filters, offset: 0 });
  const exportQuery = query ? `${query}&` : "?";
  const studyIds = [...new Set(view.effects.map((e) => e.studyId))];
  const showCharts = view.count > 0 && (active.length > 0 || Boolean(view.filters.q));
  const [studies, pooled] = await Promise.all([findStudies(db, studyIds), showCharts ? pooledSummaries(view.filters, view.forest) : {}]);
  const searchVocab = { endpoints: vocab.endpoints, treatments: vocab.treatments, groups: vocab.groups, studies: vocab.studies };
  const from = view.filters.offset + 1;
  const to = Math.min(view.filters.offset + view.filters.limit, view.count);
  const page = (offset: number) => `/${filtersToQuery({ ...view.filters, offset })}`;

  return (
    <>
      <div className="print-only">
        <p className="small">
          RAS-mutant CRLM evidence — handout. Dataset version <span className="version">{meta.version}</span>. Filters:{" "}
          {active.length ? active.map((a) => a.label).join("; ") : "none"}.
        </p>
      </div>
      <h1>Evidence browser</h1>
      <p className="muted small">
        {view.count} record{view.count === 1 ? "" : "s"} match · {meta.studies} studies, {meta.effects} records in all · dataset version{" "}
        <span className="version" data-testid="dataset-version">{meta.version}</span>
      </p>
      <SearchBox vocabulary={searchVocab} initialQuery={view.filters.q ?? ""} />
      {searched ? (
        <p className="small" data-testid="interpretation">
          You searched “{searched}”: read as{" "}
          {active.length ? active.map((a) => `${a.label}`).join(" + ") : "free text"}
          {view.filters.q ? ` (free text: “${view.filters.q}”)` : ""}.
        </p>
      ) : null}
      {active.length > 0 || view.filters.q ? (
        <div className="chips" aria-label="Active filters">
          {active.map((a) => {
            const next = { ...view.filters, [a.key]: view.filters[a.key].filter((c) => c !== a.code), offset: 0 };
            return (
              <Link key={`${a.key}:${a.code}`} className="chip" href={`/${filtersToQuery(next)}`} aria-label={`Remove filter ${a.label}`}>
                {a.label} <span aria-hidden="true">×</span>
              </Link>
            );
          })}
          {view.filters.q ? (
            <Link className="chip" href={`/${filtersToQuery({ ...view.filters, q: null, offset: 0 })}`} aria-label={`Remove text search ${view.filters.q}`}>
              “{view.filters.q}” <span aria-hidden="true">×</span>
            </Link>
          ) : null}
          <Link className="chip" href="/">
            Clear all
          </Link>
        </div>
      ) : null}

      <div className="layout-browse">
        <aside>
          <FacetList facets={view.facets} />
        </aside>
        <div>
          <div className="chips no-print" aria-label="Export this view">
            <a className="button mobile-only" href="#filters">
              Filters ↓
            </a>
            <a className="button" href={`/api/export${exportQuery}format=csv`} download>
              CSV
            </a>
            <a className="button" href={`/api/export${exportQuery}format=json`} download>
              JSON
            </a>
            <a className="button" href={`/api/export${exportQuery}format=ris`} download>
              Citations (RIS)
            </a>
            <a className="button" href={`/api/export${exportQuery}format=bibtex`} download>
              Citations (BibTeX)
            </a>
            <PrintButton />
            <Link className="button" href={`/map${query}`}>
              Evidence map
            </Link>
          </div>

          {view.count === 0 ? (
            <p>No record matches these filters. Remove a filter above, or search with other words.</p>
          ) : (
            <>
              {showCharts ? (
                <BrowseCharts forest={view.forest} arms={view.arms} alleles={view.alleles} undrawn={view.undrawn} pooled={pooled} />
              ) : (
                <StartingQuestions />
              )}
              <section aria-labelledby="records-heading">
                <h2 id="records-heading">
                  Records {view.count > view.filters.limit ? `${from}–${to} of ${view.count}` : `(${view.count})`}
                </h2>
                <ResultsByEndpoint effects={view.effects} labels={vocab.labels} />
                {view.count > view.filters.limit ? (
                  <nav className="chips no-print" aria-label="Pages">
                    {view.filters.offset > 0 ? <Link href={page(Math.max(0, view.filters.offset - view.filters.limit))}>← Previous</Link> : null}
                    {to < view.count ? <Link href={page(view.filters.offset + view.filters.limit)}>Next →</Link> : null}
                  </nav>
                ) : null}
              </section>
            </>
          )}
          <section className="print-only" aria-label="Citations">
            <h2>Citations</h2>
            <ol className="small">
              {studies.map((s) => (
                <li key={s.id}>
                  {s.shortName}: {citationLine(s)}
                  {s.doi ? ` doi:${s.doi}` : ""}
                  {s.pmid ? ` PMID ${s.pmid}` : ""}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}
