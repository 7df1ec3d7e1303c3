"use client";
// Arm-level figures: bars of the share of patients per arm, or medians with their interval, each
// comparison's arms side by side under its label.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { ArmGroup, ArmPoint } from "@/lib/charts/series";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { formatCount, formatInterval, formatNumber, linearTicks, paddedLinearDomain } from "./format";
import { RANGE_DASH, markFor, markLegend, sourceLevelText, type ChartWords } from "./marks";
import { RowChart, estimateRowChartHeight, type ChartRow, type ValueAxis } from "./RowChart";


export function ArmChart({ groups }: { groups: ArmGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <ArmGroupChart key={`${group.endpoint}|${group.measure}`} group={group} />
      ))}
    </>
  );
}

function ArmGroupChart({ group }: { group: ArmGroup }) {
  const t = useTranslations("chart");
  const proportion = group.measure === "proportion";
  const unit = proportion ? "%" : group.unit;
  const chartTitle = proportion ? t("armTitleProportion", { endpoint: group.endpointLabel }) : t("armTitleMedian", { endpoint: group.endpointLabel, unit });
  const rows = useMemo(() => armRows(group, t), [group, t]);
  const axis = useMemo((): ValueAxis => {
    if (proportion) return { scale: "linear", domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], label: t("axisPatients") };
    const domain = paddedLinearDomain(group.points.flatMap((p) => [p.value, p.lower, p.upper]));
    return { scale: "linear", domain, ticks: linearTicks(domain), label: t("axisMedian", { unit }) };
  }, [group.points, proportion, unit, t]);

  const kinds = new Set(group.points.map((p) => p.intervalKind));
  const legend: LegendItem[] = [
    ...markLegend(
      proportion ? "bar" : "circle",
      {
        primary: group.points.some((p) => p.sourceLevel !== "secondary"),
        secondary: group.points.some((p) => p.sourceLevel === "secondary"),
        flagged: group.points.some((p) => p.flagged),
      },
      t("legendOwnReport"),
      t,
    ),
    ...(kinds.has("ci") ? [{ label: "95% CI", mark: { shape: "whisker" as const } }] : []),
    ...(kinds.has("range") ? [{ label: t("interval.range"), mark: { shape: "whisker" as const, dash: RANGE_DASH } }] : []),
  ];
  const caption = proportion ? [t("armCaptionProportion1"), t("armCaptionProportion2")] : [t("armCaptionMedian1", { unit }), t("armCaptionMedian2")];

  return (
    <ChartFrame title={chartTitle} caption={caption} legend={legend} table={armTable(group, t)} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} notePlacement="end" title={chartTitle} />}
    </ChartFrame>
  );
}

function valueText(point: ArmPoint, unit: string): string {
  return unit === "%" ? `${(point.valueText ?? formatNumber(point.value))}%` : `${(point.valueText ?? formatNumber(point.value))} ${unit}`;
}

function intervalText(point: ArmPoint, t: ChartWords): string | null {
  const interval = (point.lowerText && point.upperText ? `${point.lowerText}–${point.upperText}` : formatInterval(point.lower, point.upper));
  return interval && point.intervalKind ? `${point.intervalKind === "ci" ? "95% CI" : t("interval.range")} ${interval}` : null;
}

function armRows(group: ArmGroup, t: ChartWords): ChartRow[] {
  const proportion = group.measure === "proportion";
  const unit = proportion ? "%" : group.unit;
  // Arms of one comparison together, comparisons in the order the series gives them.
  const comparisons = new Map<string, { label: string; points: ArmPoint[] }>();
  for (const point of group.points) {
    const key = `${point.comparisonKey}|${point.comparisonLabel}`;
    const entry = comparisons.get(key) ?? { label: point.comparisonLabel, points: [] };
    entry.points.push(point);
    comparisons.set(key, entry);
  }
  const rows: ChartRow[] = [];
  for (const [key, { label, points }] of comparisons) {
    rows.push({ kind: "header", key: `header:${key}`, label });
    for (const point of points) {
      const count = formatCount(point.events, point.total);
      const interval = intervalText(point, t);
      const secondary = point.sourceLevel === "secondary";
      rows.push({
        kind: "item",
        key: point.id,
        label: [point.comparator ? `${point.arm} (comparator)` : point.arm, point.alsoPrintedIn.length ? `also printed in ${point.alsoPrintedIn.join("; ")}` : null, point.disagreements.length ? `≠ ${point.disagreements.join("; ")}` : null].filter(Boolean).join(" · "),
        maxLines: 6,
        flagged: point.flagged,
        // The axis names the unit; a median's interval is drawn, its numbers printed beside the point.
        note: proportion ? `${valueText(point, unit)}${count ? ` (${count})` : ""}` : `${(point.valueText ?? formatNumber(point.value))}${interval ? ` (${(point.lowerText && point.upperText ? `${point.lowerText}–${point.upperText}` : formatInterval(point.lower, point.upper))})` : ""}`,
        value: point.value,
        lower: point.lower,
        upper: point.upper,
        intervalDash: point.intervalKind === "range" ? RANGE_DASH : undefined,
        mark: markFor(proportion ? "bar" : "circle", { flagged: point.flagged, secondary }),
        href: point.href,
        details: [
          label,
          `${valueText(point, unit)}${interval ? ` (${interval})` : ""}`,
          ...(count ? [t("patientsCount", { count })] : []),
          `${t("source", { level: sourceLevelText(point.sourceLevel, t) })}${secondary ? t("asCited") : ""}`,
          ...(point.comparator ? [t("comparatorDetail")] : []),
          ...(point.alsoPrintedIn.length ? [t("alsoPrintedIn", { list: point.alsoPrintedIn.join("; ") })] : []),
          ...point.disagreements.map((d) => t("disagrees", { what: d })),
          ...(point.flagged ? [t("flagDetail")] : []),
        ],
      });
    }
  }
  return rows;
}

function armTable(group: ArmGroup, t: ChartWords) {
  const unit = group.measure === "proportion" ? "%" : group.unit;
  return {
    columns: [t("col.study"), t("col.arm"), group.measure === "proportion" ? t("axisPatients") : t("col.median", { unit }), t("col.interval"), t("col.eventsPatients"), t("col.source"), t("col.alsoPrintedIn"), t("col.notes")],
    rows: group.points.map((p) => ({
      key: p.id,
      cells: [
        <a key="study" href={p.href}>
          {p.comparisonLabel}
        </a>,
        p.comparator ? `${p.arm} (comparator)` : p.arm,
        (p.valueText ?? formatNumber(p.value)),
        intervalText(p, t) ?? "—",
        formatCount(p.events, p.total) ?? "—",
        sourceLevelText(p.sourceLevel, t),
        p.alsoPrintedIn.join("; ") || "—",
        [...p.disagreements.map((d) => `≠ ${d}`), p.flagged ? t("flagged") : null].filter(Boolean).join(", ") || "—",
      ],
    })),
  };
}
