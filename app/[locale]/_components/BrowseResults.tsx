import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { AppVocabulary } from "@/lib/data/vocabulary";
import type { DatasetMeta } from "@/lib/data/dataset-meta";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { browse } from "@/lib/data/browse";
import { FILTER_KEYS, filtersToQuery } from "@/lib/data/filters";
import { findStudies } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { takeCursorLenient } from "@/lib/data/cursor";
import { FacetList } from "./FacetList";
import { IgnoredNotice } from "./IgnoredNotice";
import { ResultsByEndpoint } from "./ResultsByEndpoint";
import { PrintButton } from "./PrintButton";
import { BrowseCharts } from "./BrowseCharts";
import { StartingQuestions } from "./StartingQuestions";
import { pooledSummaries } from "../pool/_components/pooled-summaries";
import { FOREST_SORTS } from "@/lib/charts/series";

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
  const t = await getTranslations("browse");
  const ignored = [...view.ignored, ...cursorIgnored];
  const searched = params.get("searched");
  const facetWords = await getTranslations("facets");
  const labelFor = (key: string, code: string): string => {
    if (facetWords.has(`value.${key}.${code}`)) return facetWords(`value.${key}.${code}`);
    const facet = view.facets.find((f) => f.key === key);
    return facet?.values.find((v) => v.value === code)?.label ?? code;
  };
  const active = FILTER_KEYS.flatMap((key) => view.filters[key].map((code) => ({ key, code, label: labelFor(key, code) })));
  const query = filtersToQuery({ ...view.filters, offset: 0 });
  const exportQuery = query ? `${query}&` : "?";
  const studyIds = [...new Set([...view.effects, ...view.entries.map((x) => x.lead)].map((e) => e.studyId))];
  const { showCharts } = view;
  const [studies, pooled] = await Promise.all([findStudies(db, studyIds), showCharts ? pooledSummaries(view.filters, view.forest, vocab.locale ?? "en") : {}]);
  // The rows' study facts (N, design, arms) from the studies read for the citations: no row reads them again.
  const facts = new Map(studies.map((s) => [s.id, { id: s.id, n: s.n, designLabel: vocab.labels.design[s.design] ?? s.designLabel, arms: s.arms }]));
  // Comparators are read for the page shown: "on this page" where the list runs to more pages.
  const paged = Boolean(view.page.next || view.page.previous);
  const comparatorText = view.comparators.count ? t("comparatorText", { count: view.comparators.count, arms: String(view.comparators.arms), paged: String(paged) }) : "";
  // The forest plots' orders: this URL with another `sort=` (the page of records stays where it is).
  const sortHref = (sort: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("sort");
    if (sort) next.set("sort", sort);
    const text = next.toString();
    return text ? `/?${text}` : "/";
  };
  const sorts = [
    { label: t("sortListOrder"), href: sortHref(null), current: view.sort === null },
    ...FOREST_SORTS.map((s) => ({ label: t(`sortBy.${s}`), href: sortHref(s), current: view.sort === s })),
  ];
  const from = view.page.first + 1;
  const to = view.page.first + view.effects.length;
  // One entry per estimate: how many entries the page's records make, and how many records are folded printings.
  const foldText = t("foldCount", { paged: String(paged), entries: view.entries.length, folded: view.folded });

  return (
    <>
      <div className="print-only">
        <p className="small">
          {t("handout")} <span className="version">{meta.version}</span>. {t("filters")}{" "}
          {active.length ? active.map((a) => a.label).join("; ") : t("none")}.
        </p>
      </div>
      <p className="muted small">
        {t("count", { count: view.count, studies: meta.studies, effects: meta.effects, comparators: comparatorText ? t("comparatorBeside", { text: comparatorText }) : "" })}{" "}
        <span className="version" data-testid="dataset-version">{meta.version}</span>
      </p>
      <IgnoredNotice notes={ignored} />
      {searched ? (
        <p className="small" data-testid="interpretation">
          {t("searched", { searched })}{" "}
          {active.length ? active.map((a) => `${a.label}`).join(" + ") : t("freeText")}
          {view.filters.q ? t("freeTextQuery", { q: view.filters.q }) : ""}.
        </p>
      ) : null}
      {active.length > 0 || view.filters.q ? (
        <div className="chips no-print" aria-label={t("activeFilters")}>
          {active.map((a) => {
            const next = { ...view.filters, [a.key]: view.filters[a.key].filter((c) => c !== a.code), offset: 0 };
            return (
              <Link key={`${a.key}:${a.code}`} className="chip" href={`/${filtersToQuery(next)}`} aria-label={t("removeFilter", { label: a.label })}>
                {a.label} <span aria-hidden="true">×</span>
              </Link>
            );
          })}
          {view.filters.q ? (
            <Link className="chip" href={`/${filtersToQuery({ ...view.filters, q: null, offset: 0 })}`} aria-label={t("removeText", { q: view.filters.q })}>
              “{view.filters.q}” <span aria-hidden="true">×</span>
            </Link>
          ) : null}
          <Link className="chip" href="/">
            {t("clearAll")}
          </Link>
        </div>
      ) : null}

      <div className="layout-browse">
        <aside>
          <FacetList facets={view.facets} />
        </aside>
        <div>
          <div className="chips no-print" aria-label={t("exportView")}>
            <a className="button mobile-only" href="#filters">
              {t("filtersDown")}
            </a>
            <a className="button" href={`/api/export${exportQuery}format=csv`} download>
              CSV
            </a>
            <a className="button" href={`/api/export${exportQuery}format=json`} download>
              JSON
            </a>
            <a className="button" href={`/api/export${exportQuery}format=ris`} download>
              {t("citationsRis")}
            </a>
            <a className="button" href={`/api/export${exportQuery}format=bibtex`} download>
              {t("citationsBibtex")}
            </a>
            <PrintButton />
            <Link className="button" href={`/map${query}`}>
              {t("evidenceMap")}
            </Link>
          </div>

          {view.count === 0 ? (
            <p>{t("noMatch")}</p>
          ) : (
            <>
              {showCharts && view.charted.capped ? (
                <p className="small muted" data-testid="charts-sampled">
                  {t("chartsSampled", { drawnFrom: view.charted.drawnFrom, count: view.count })}
                </p>
              ) : null}
              {showCharts ? (
                <BrowseCharts forest={view.forest} arms={view.arms} alleles={view.alleles} undrawn={view.undrawn} pooled={pooled} endpointLabels={vocab.labels.endpoint} sorts={sorts} />
              ) : (
                <StartingQuestions />
              )}
              <section aria-labelledby="records-heading">
                <h2 id="records-heading">
                  {paged ? t("recordsPage", { from, to: to - view.comparators.count, count: view.count }) : t("recordsAll", { count: view.count })}
                  {comparatorText ? <span data-testid="comparator-count"> + {comparatorText}</span> : null}
                  {view.folded ? <span data-testid="fold-count">{foldText}</span> : null}
                </h2>
                <ResultsByEndpoint entries={view.entries} labels={vocab.labels} facts={facts} />
                {view.page.next || view.page.previous ? (
                  <nav className="chips no-print" aria-label={t("pages")}>
                    {view.page.previous ? <Link href={view.page.previous}>{t("previous")}</Link> : null}
                    {view.page.next ? <Link href={view.page.next}>{t("next")}</Link> : null}
                  </nav>
                ) : null}
              </section>
            </>
          )}
          <section className="print-only" aria-label={t("citations")}>
            <h2>{t("citations")}</h2>
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
