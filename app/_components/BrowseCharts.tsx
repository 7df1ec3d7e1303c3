import Link from "next/link";
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
  sorts = [],
}: {
  forest: ForestGroup[];
  arms: ArmGroup[];
  alleles: AlleleBar[];
  undrawn?: number;
  /** By forest group key: the pooled answer (or why there is none) under each plot. */
  pooled?: Record<string, PooledSummaryLine[]>;
  /** The forest plots' orders as links (the server sorts: `sort=`). */
  sorts?: { label: string; href: string; current: boolean }[];
}) {
  if (forest.length === 0 && arms.length === 0 && alleles.length === 0) return null;
  const footers = Object.fromEntries(
    Object.entries(pooled).map(([key, lines]) => [
      key,
      <div key={key} data-testid="pooled-summaries">
        {lines.map((line) => (
          <p key={line.measure} className={line.pooled ? "pooled-summary" : "pooled-summary pooled-summary-refused"}>
            {line.text} — <Link href={line.href}>{line.pooled ? "see the pooled analysis" : "see why"}</Link>
          </p>
        ))}
      </div>,
    ]),
  );
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      {undrawn > 0 ? (
        <p className="small flag-text">
          ⚑ {undrawn} record{undrawn > 1 ? "s are" : " is"} not drawn: the printed figure is flagged as impossible (transcription damage or an estimate outside its own CI). They are listed below with their flags.
        </p>
      ) : null}
      {forest.length && sorts.length ? (
        <nav className="chips no-print small" aria-label="Sort the forest plots">
          Sort forest plots by:{" "}
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
