import { getPathname, Link } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { AlleleBar, ArmGroup, ForestGroup } from "@/lib/charts/series";
import { AlleleSpectrum, ArmChart, ForestPlot } from "./LazyCharts";
import type { PooledSummaryLine } from "../pool/_components/pooled-summaries";

/** The charts of the current view: ratios as forest plots (each with its pooled line), arm-level figures, allele spectra. */
export function BrowseCharts({
  forest,
  arms,
  alleles,
  undrawn = 0,
  pooled = {},
  endpointLabels = {},
  sorts = [],
}: {
  forest: ForestGroup[];
  arms: ArmGroup[];
  alleles: AlleleBar[];
  undrawn?: number;
  /** By forest group key: the pooled answer (or why there is none) under each plot. */
  pooled?: Record<string, PooledSummaryLine[]>;
  /** Endpoint labels in the interface's language, by code. */
  endpointLabels?: Record<string, string>;
  /** The forest plots' orders as links (the server sorts: `sort=`). */
  sorts?: { label: string; href: string; current: boolean }[];
}) {
  const t = useTranslations("charts");
  const locale = useLocale();
  if (forest.length === 0 && arms.length === 0 && alleles.length === 0) return null;
  // The series are the same in every language; their endpoint names and record links follow the page's.
  const href = (h: string) => getPathname({ href: h, locale });
  const label = (code: string, fallback: string) => endpointLabels[code] ?? fallback;
  forest = forest.map((g) => ({ ...g, endpointLabel: label(g.endpoint, g.endpointLabel), rows: g.rows.map((r) => ({ ...r, href: href(r.href) })) }));
  arms = arms.map((g) => ({ ...g, endpointLabel: label(g.endpoint, g.endpointLabel), points: g.points.map((p) => ({ ...p, href: href(p.href) })) }));
  alleles = alleles.map((b) => ({ ...b, href: href(b.href) }));
  const footers = Object.fromEntries(
    Object.entries(pooled).map(([key, lines]) => [
      key,
      <div key={key} data-testid="pooled-summaries">
        {lines.map((line) => (
          <p key={line.measure} className={line.pooled ? "pooled-summary" : "pooled-summary pooled-summary-refused"}>
            {line.text} — <Link href={line.href}>{line.pooled ? t("seePooled") : t("seeWhy")}</Link>
          </p>
        ))}
      </div>,
    ]),
  );
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t("heading")}</h2>
      {undrawn > 0 ? (
        <p className="small flag-text">
          ⚑ {t("undrawn", { count: undrawn })}
        </p>
      ) : null}
      {forest.length && sorts.length ? (
        <nav className="chips no-print small" aria-label={t("sortNav")}>
          {t("sortBy")}{" "}
          {sorts.map((s) =>
            s.current ? (
              <span key={s.label} className="chip" aria-current="true">
                <strong>{s.label}</strong>
              </span>
            ) : (
              <Link key={s.label} className="chip" href={s.href}>
                {s.label}
              </Link>
            ),
          )}
        </nav>
      ) : null}
      {forest.length ? <ForestPlot groups={forest} footers={footers} /> : null}
      {arms.length ? <ArmChart groups={arms} /> : null}
      {alleles.length ? <AlleleSpectrum bars={alleles} /> : null}
    </section>
  );
}
