// TEMPORARY preview of the chart components (to be deleted).
import { openDatabase } from "@/lib/db/open";
import { exportDataset } from "@/lib/data/export-dataset";
import { alleleSpectrum, armGroups, forestGroups } from "@/lib/charts/series";
import { AlleleSpectrum, ArmChart, ForestPlot } from "@/components/charts";

export const dynamic = "force-dynamic";

export default async function ChartPreviewPage() {
  const db = openDatabase();
  const dataset = await exportDataset(db);
  await db.$disconnect();
  const alleleCodes = new Set(dataset.effects.flatMap((e) => e.molecularGroups).filter((g) => g.startsWith("KRAS-G") || g.startsWith("KRAS-A")));
  const forest = forestGroups(dataset.effects);
  const arms = armGroups(dataset.effects);
  const alleles = alleleSpectrum(dataset.effects, alleleCodes);
  return (
    <>
      <h1>Chart preview</h1>
      <h2>Forest plots</h2>
      <ForestPlot groups={forest} />
      <h2>Allele spectrum</h2>
      <AlleleSpectrum bars={alleles} />
      <h2>Arm-level figures</h2>
      <ArmChart groups={arms} />
    </>
  );
}
