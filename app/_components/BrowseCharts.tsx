import type { AlleleBar, ArmGroup, ForestGroup } from "@/lib/charts/series";
import { AlleleSpectrum, ArmChart, ForestPlot } from "@/components/charts";

/** The charts of the current view: ratios as forest plots, arm-level figures, allele spectra. */
export function BrowseCharts({ forest, arms, alleles }: { forest: ForestGroup[]; arms: ArmGroup[]; alleles: AlleleBar[] }) {
  if (forest.length === 0 && arms.length === 0 && alleles.length === 0) return null;
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      {forest.length ? <ForestPlot groups={forest} /> : null}
      {arms.length ? <ArmChart groups={arms} /> : null}
      {alleles.length ? <AlleleSpectrum bars={alleles} /> : null}
    </section>
  );
}
