import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { PooledForestPlot } from "@/components/charts/PooledForestPlot";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";
import { PrintButton } from "../_components/PrintButton";
import { loadPoolView, poolHref } from "./_components/pool-view";
import { PoolControls } from "./_components/PoolControls";
import { PooledResult } from "./_components/PooledResult";
import { LeaveOneOut } from "./_components/LeaveOneOut";
import { RecordsLeftOut } from "./_components/RecordsLeftOut";
import { MethodsBox } from "./_components/MethodsBox";
import { IgnoredNotice } from "../_components/IgnoredNotice";
import { settingLabel } from "@/lib/pooling/context";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const view = await loadPoolView(toSearchParams(await searchParams).toString(), await getLocale());
  const t = await getTranslations("pool");
  return { title: view.labels.endpoint ? t("titleOf", { question: view.question }) : t("title") };
}

export default async function PoolPage({ searchParams }: Props) {
  const locale = await getLocale();
  const view = await loadPoolView(toSearchParams(await searchParams).toString(), locale);
  const { result } = view;
  const t = await getTranslations("pool");
  const requestHeaders = await headers();
  const host = requestHeaders.get("host");
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const permalink = host ? `${proto}://${host}${view.permalink}` : view.permalink;
  const scope = [
    result.measure ? t("measureWords", { measure: result.measure }) : null,
    result.setting ? settingLabel(result.setting, locale) : view.options.by === "setting" ? t("allSettings") : null,
    result.analysis ? t("analysisWords", { analysis: result.analysis }) : null,
  ].filter(Boolean);

  return (
    <>
      <p className="print-only small">
        {t("handout")} <span className="version">{view.version}</span>
        {locale === "zh" ? "。" : ". "}
        {permalink}
      </p>
      <p className="small no-print">
        <Link href={view.browseHref}>{t("back")}</Link>
      </p>
      <h1>
        <span className="muted pool-kicker">{t("title")} · </span>
        {view.question}
      </h1>
      {scope.length ? <p className="pool-scope">{scope.join(" · ")}</p> : null}
      {view.filters.endpoint.length === 0 || !view.options.comparison ? (
        <p className="small">
          {result.endpoint ? (view.filters.endpoint.length === 0 ? t("noEndpointChosen") : t("noComparisonChosen")) : t("nothingToPool")}{" "}
          {t.rich("everyForest", { browser: (chunks) => <Link href={view.browseHref}>{chunks}</Link> })}
        </p>
      ) : null}
      <IgnoredNotice notes={view.ignored} />

      <PooledResult result={result} wald={view.wald} truncatedHref={poolHref({ filters: view.filters, options: { ...view.options, comparison: result.comparison, ci: "hksj-truncated" }, sort: view.sort })} />
      <PoolControls controls={view.controls} />

      {view.forest ? (
        <section aria-labelledby="forest-heading">
          <h2 id="forest-heading" className="visually-hidden">
            {t("forestPlot")}
          </h2>
          <PooledForestPlot forest={view.forest} title={view.chartTitle} caption={view.chartCaption} />
        </section>
      ) : null}

      <LeaveOneOut result={result} />
      <RecordsLeftOut result={result} studyNames={view.studyNames} />
      <MethodsBox text={view.methods} />

      <footer className="pool-footer small">
        <p>
          {t("version")} <span className="version" data-testid="dataset-version">{view.version}</span> · {t("permalink")}{" "}
          <a href={view.permalink} data-testid="permalink">
            {permalink}
          </a>
        </p>
        <p className="no-print chips">
          <PrintButton />
          <a className="button" href={view.apiHref}>
            JSON
          </a>
        </p>
      </footer>
    </>
  );
}
