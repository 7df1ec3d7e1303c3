"use client";
// KRAS allele spectrum: for each allele, one bar per study (share of its KRAS-mutant patients).
import { useMemo } from "react";
import type { AlleleBar } from "@/lib/charts/series";
import { ChartFrame } from "./ChartFrame";
import { formatCount, formatNumber, linearTicks, paddedLinearDomain } from "./format";
import { markFor, markLegend, sourceLevelText } from "./marks";
import { RowChart, estimateRowChartHeight, type ChartRow, type ValueAxis } from "./RowChart";

const TITLE = "KRAS allele spectrum";

/** "KRAS-G12D" → "KRAS G12D". */
function alleleLabel(code: string): string {
  return code.replace(/^KRAS-/, "KRAS ");
}

export function AlleleSpectrum({ bars }: { bars: AlleleBar[] }) {
  const rows = useMemo(() => alleleRows(bars), [bars]);
  const axis = useMemo((): ValueAxis => {
    const domain = paddedLinearDomain(bars.map((b) => b.value));
    return { scale: "linear", domain: [0, Math.min(100, domain[1])], ticks: linearTicks([0, Math.min(100, domain[1])]), label: "Share of KRAS-mutant patients (%)" };
  }, [bars]);
  const legend = markLegend(
    "bar",
    { primary: bars.some((b) => b.sourceLevel !== "secondary"), secondary: bars.some((b) => b.sourceLevel === "secondary"), flagged: bars.some((b) => b.flagged) },
    "as printed in the study's own report",
  );
  const caption = [
    "Share of each study's KRAS-mutant patients carrying the allele, as printed, with the count (patients/KRAS-mutant patients) where printed.",
    "Studies are side by side under each allele; the shares of one study need not add up to 100% (alleles not listed, or not reported).",
  ];
  return (
    <ChartFrame title={TITLE} caption={caption} legend={legend} table={alleleTable(bars)} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} notePlacement="end" title={TITLE} />}
    </ChartFrame>
  );
}

function alleleRows(bars: AlleleBar[]): ChartRow[] {
  const byAllele = new Map<string, AlleleBar[]>();
  for (const bar of bars) byAllele.set(bar.allele, [...(byAllele.get(bar.allele) ?? []), bar]);
  const rows: ChartRow[] = [];
  for (const [allele, alleleBars] of byAllele) {
    rows.push({ kind: "header", key: `header:${allele}`, label: alleleLabel(allele) });
    alleleBars.forEach((bar, i) => {
      const count = formatCount(bar.events, bar.total);
      const secondary = bar.sourceLevel === "secondary";
      rows.push({
        kind: "item",
        key: `${allele}|${bar.href}|${i}`,
        label: bar.study,
        flagged: bar.flagged,
        note: `${(bar.valueText ?? formatNumber(bar.value))}%${count ? ` (${count})` : ""}`,
        value: bar.value,
        lower: null,
        upper: null,
        mark: markFor("bar", { flagged: bar.flagged, secondary }),
        href: bar.href,
        details: [
          alleleLabel(allele),
          `${(bar.valueText ?? formatNumber(bar.value))}% of KRAS-mutant patients`,
          ...(count ? [`Patients: ${count}`] : []),
          `Source: ${sourceLevelText(bar.sourceLevel)}${secondary ? " (as cited by another publication)" : ""}`,
          ...(bar.flagged ? ["⚑ Integrity flag: see the record"] : []),
        ],
      });
    });
  }
  return rows;
}

function alleleTable(bars: AlleleBar[]) {
  return {
    columns: ["Allele", "Study", "Share (%)", "Patients", "Source", "Notes"],
    rows: bars.map((b, i) => ({
      key: `${b.allele}|${b.href}|${i}`,
      cells: [
        alleleLabel(b.allele),
        <a key="study" href={b.href}>
          {b.study}
        </a>,
        (b.valueText ?? formatNumber(b.value)),
        formatCount(b.events, b.total) ?? "—",
        sourceLevelText(b.sourceLevel),
        b.flagged ? "⚑ flagged" : "—",
      ],
    })),
  };
}
