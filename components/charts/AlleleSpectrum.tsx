"use client";
// KRAS allele spectrum: for each allele, one bar per study (share of its KRAS-mutant patients).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { AlleleBar } from "@/lib/charts/series";
import { ChartFrame } from "./ChartFrame";
import { formatCount, formatNumber, linearTicks, paddedLinearDomain } from "./format";
import { markFor, markLegend, sourceLevelText, type ChartWords } from "./marks";
import { RowChart, estimateRowChartHeight, type ChartRow, type ValueAxis } from "./RowChart";


/** "KRAS-G12D" → "KRAS G12D". */
function alleleLabel(code: string): string {
  return code.replace(/^KRAS-/, "KRAS ");
}

export function AlleleSpectrum({ bars }: { bars: AlleleBar[] }) {
  const t = useTranslations("chart");
  const TITLE = t("alleleTitle");
  const rows = useMemo(() => alleleRows(bars, t), [bars, t]);
  const axis = useMemo((): ValueAxis => {
    const domain = paddedLinearDomain(bars.map((b) => b.value));
    return { scale: "linear", domain: [0, Math.min(100, domain[1])], ticks: linearTicks([0, Math.min(100, domain[1])]), label: t("alleleAxis") };
  }, [bars, t]);
  const legend = markLegend(
    "bar",
    { primary: bars.some((b) => b.sourceLevel !== "secondary"), secondary: bars.some((b) => b.sourceLevel === "secondary"), flagged: bars.some((b) => b.flagged) },
    t("legendOwnReport"),
    t,
  );
  const caption = [t("alleleCaption1"), t("alleleCaption2")];
  return (
    <ChartFrame title={TITLE} caption={caption} legend={legend} table={alleleTable(bars, t)} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} notePlacement="end" title={TITLE} />}
    </ChartFrame>
  );
}

function alleleRows(bars: AlleleBar[], t: ChartWords): ChartRow[] {
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
          t("alleleShare", { value: bar.valueText ?? formatNumber(bar.value) }),
          ...(count ? [t("patientsCount", { count })] : []),
          `${t("source", { level: sourceLevelText(bar.sourceLevel, t) })}${secondary ? t("asCited") : ""}`,
          ...(bar.flagged ? [t("flagDetail")] : []),
        ],
      });
    });
  }
  return rows;
}

function alleleTable(bars: AlleleBar[], t: ChartWords) {
  return {
    columns: [t("col.allele"), t("col.study"), t("col.share"), t("col.patients"), t("col.source"), t("col.notes")],
    rows: bars.map((b, i) => ({
      key: `${b.allele}|${b.href}|${i}`,
      cells: [
        alleleLabel(b.allele),
        <a key="study" href={b.href}>
          {b.study}
        </a>,
        (b.valueText ?? formatNumber(b.value)),
        formatCount(b.events, b.total) ?? "—",
        sourceLevelText(b.sourceLevel, t),
        b.flagged ? t("flagged") : "—",
      ],
    })),
  };
}
