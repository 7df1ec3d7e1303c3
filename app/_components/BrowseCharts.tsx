import type { AlleleBar, ArmGroup, ForestGroup } from "@/lib/charts/series";

// Placeholder until components/charts lands (replaced by the chart components).
export function BrowseCharts(_props: { forest: ForestGroup[]; arms: ArmGroup[]; alleles: AlleleBar[] }) {
  return null;
}
