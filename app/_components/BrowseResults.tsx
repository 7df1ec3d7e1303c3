import Link from "next/link";
import type { AppVocabulary } from "@/lib/data/vocabulary";
import type { DatasetMeta } from "@/lib/data/dataset-meta";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { browse } from "@/lib/data/browse";
import { FILTER_KEYS, filtersToQuery } from "@/lib/data/filters";
import { findStudies } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { takeCursorLenient } from "@/lib/data/cursor";
import { FacetList } from "./FacetList";
import { ResultsByEndpoint } from "./ResultsByEndpoint";
import { PrintButton } from "./PrintButton";
import { BrowseCharts } from "./BrowseCharts";
import { StartingQuestions } from "./StartingQuestions";
import { pooledSummaries } from "../pool/_components/pooled-summaries";
import { FOREST_SORTS, FOREST_SORT_LABELS } from "@/lib/charts/series";

/**
 * The browser's results for one URL: the count, the active filters, the facets, the charts, one page
 * of records with links to the pages around it, and the page's citations for print. Streamed after
 * the page's heading and search box (app/page.tsx wraps it in Suspense keyed on the URL).
 */
export async function BrowseResults({ db, vocab, meta, params }: { db: PrismaClient; vocab: AppVocabulary; meta: DatasetMeta; params: URLSearchParams }) {
  // The reads below are synchronous (better-sqlite3), so the page is rendered in one go. Yielding
  // first (a few setImmediate steps) lets the heading go out before the results, a first byte in 5.5
  // instead of 20 ms at 200,000 records, but under 50 concurrent requests every render is then in
  // flight at once: measured, the server's memory climbed by some 150 MB per 12 s of load (to 1.3 GB)
  // where it stays at 0.5 GB without, at a sixth less throughput. Stable memory was chosen.
  params = new URLSearchParams(params);
  const { cursor, ignored: cursorIgnored } = takeCursorLenient(params);
  const view = await browse(db, vocab, params, cursor);
  const ignored = [...view.ignored, ...cursorIgnored];
  const searched = params.get("searched");
  const labelFor = (key: string, code: string): string => {
    const facet = view.facets.find((f) => f.key === key);
    return facet?.values.find((v) => v.value === code)?.label ?? code;
  };
  const active = FILTER_KEYS.flatMap((key) => view.filters[key].map((code) => ({ key, code, label: labelFor(key, code) })));
  const query = filtersToQuery({ ...view.filters, offset: 0 });
  const exportQuery = query ? `${query}&` : "?";
  const studyIds = [...new Set([...view.effects, ...view.entries.map((x) => x.lead)].map((e) => e.studyId))];
  const { showCharts } = view;
  const [studies, pooled] = await Promise.all([findStudies(db, studyIds), showCharts ? pooledSummaries(view.filters, view.forest) : {}]);
  // The rows' study facts (N, design, arms) from the studies read for the citations: no row reads them again.
  const facts = new Map(studies.map((s) => [s.id, { id: s.id, n: s.n, designLabel: s.designLabel, arms: s.arms }]));
  // Comparators are read for the page shown: "on this page" where the list runs to more pages.
  const paged = Boolean(view.page.next || view.page.previous);
  const comparatorText = view.comparators.count
    ? `${view.comparators.count} comparator ${view.comparators.arms ? "arm" : "record"}${view.comparators.count === 1 ? "" : "s"}${paged ? " on this page" : ""}`
    : "";
  // The forest plots' orders: this URL with another `sort=` (the page of records stays where it is).
  const sortHref = (sort: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("sort");
    if (sort) next.set("sort", sort);
    const text = next.toString();
    return text ? `/?${text}` : "/";
  };
  const sorts = [
    { label: "List order", href: sortHref(null), current: view.sort === null },
    ...FOREST_SORTS.map((s) => ({ label: FOREST_SORT_LABELS[s], href: sortHref(s), current: view.sort === s })),
  ];
  const from = view.page.first + 1;
  const to = view.page.first + view.effects.length;
  // One entry per estimate: how many entries the page's records make, and how many records are folded printings.
  const foldText = `${paged ? " " : " · "}${paged ? "(" : ""}${view.entries.length} entr${view.entries.length === 1 ? "y" : "ies"}; ${view.folded} printing${view.folded === 1 ? "" : "s"} folded${paged ? ")" : ""}`;

  return (
    <>
      <div className="print-only">
        <p className="small">
          RAS-mutant CRLM evidence — handout. Dataset version <span className="version">{meta.version}</span>. Filters:{" "}
          {active.length ? active.map((a) => a.label).join("; ") : "none"}.
        </p>
      </div>
      <p className="muted small">
        {view.count} record{view.count === 1 ? "" : "s"} match{comparatorText ? ` (+ ${comparatorText} beside them)` : ""} · {meta.studies} studies, {meta.effects} records in all · dataset version{" "}
        <span className="version" data-testid="dataset-version">{meta.version}</span>
      </p>
      {ignored.length ? (
        <p className="small muted" data-testid="ignored">
          {ignored.join("; ")}.
        </p>
      ) : null}
      {searched ? (
        <p className="small" data-testid="interpretation">
          You searched “{searched}”: read as{" "}
          {active.length ? active.map((a) => `${a.label}`).join(" + ") : "free text"}
          {view.filters.q ? ` (free text: “${view.filters.q}”)` : ""}.
        </p>
      ) : null}
      {active.length > 0 || view.filters.q ? (
        <div className="chips no-print" aria-label="Active filters">
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
              {showCharts && view.charted.capped ? (
                <p className="small muted" data-testid="charts-sampled">
                  The charts are drawn from the first {view.charted.drawnFrom} of the {view.count} matching records (in list order): add a filter to chart them all.
                </p>
              ) : null}
              {showCharts ? (
                <BrowseCharts forest={view.forest} arms={view.arms} alleles={view.alleles} undrawn={view.undrawn} pooled={pooled} sorts={sorts} />
              ) : (
                <StartingQuestions />
              )}
              <section aria-labelledby="records-heading">
                <h2 id="records-heading">
                  Records {paged ? `${from}–${to - view.comparators.count} of ${view.count}` : `(${view.count})`}
                  {comparatorText ? <span data-testid="comparator-count"> + {comparatorText}</span> : null}
                  {view.folded ? <span data-testid="fold-count">{foldText}</span> : null}
                </h2>
                <ResultsByEndpoint entries={view.entries} labels={vocab.labels} facts={facts} />
                {view.page.next || view.page.previous ? (
                  <nav className="chips no-print" aria-label="Pages">
                    {view.page.previous ? <Link href={view.page.previous}>← Previous</Link> : null}
                    {view.page.next ? <Link href={view.page.next}>Next →</Link> : null}
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
