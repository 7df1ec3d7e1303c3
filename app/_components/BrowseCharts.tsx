import type { AlleleBar, ArmGroup, ForestGroup } from "@/lib/charts/series";
import { AlleleSpectrum, ArmChart, ForestPlot } from "@/components/charts";

/** The charts of the current view: ratios as forest plots, arm-level figures, allele spectra. */
export function BrowseCharts({ forest, arms, alleles, undrawn = 0 }: { forest: ForestGroup[]; arms: ArmGroup[]; alleles: AlleleBar[]; undrawn?: number }) {
  if (forest.length === 0 && arms.length === 0 && alleles.length === 0) return null;
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      {undrawn > 0 ? (
        <p className="small flag-text">
          ⚑ {undrawn} record{undrawn > 1 ? "s are" : " is"} not drawn: the printed figure is flagged as impossible (transcription damage or an estimate outside its own CI). They are listed below with their flags.
        </p>
      ) : null}
      {forest.length ? <ForestPlot groups={forest} /> : null}
      {arms.length ? <ArmChart groups={arms} /> : null}
      {alleles.length ? <AlleleSpectrum bars={alleles} /> : null}
    </section>
  );
}
