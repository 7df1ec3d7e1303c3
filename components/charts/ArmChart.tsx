"use client";
// Arm-level figures: bars of the share of patients per arm, or medians with their interval, each
// comparison's arms side by side under its label.
import { useMemo } from "react";
import type { ArmGroup, ArmPoint } from "@/lib/charts/series";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { formatCount, formatInterval, formatNumber, linearTicks, paddedLinearDomain } from "./format";
import { RANGE_DASH, markFor, markLegend, sourceLevelText } from "./marks";
import { RowChart, estimateRowChartHeight, type ChartRow, type ValueAxis } from "./RowChart";

const INTERVAL_NAMES = { ci: "95% CI", range: "range" } as const;

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
  const proportion = group.measure === "proportion";
  const unit = proportion ? "%" : group.unit;
  const chartTitle = proportion ? `${group.endpointLabel}: patients (%) by arm` : `${group.endpointLabel}: median (${unit}) by arm`;
  const rows = useMemo(() => armRows(group), [group]);
  const axis = useMemo((): ValueAxis => {
    if (proportion) return { scale: "linear", domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], label: "Patients (%)" };
    const domain = paddedLinearDomain(group.points.flatMap((p) => [p.value, p.lower, p.upper]));
    return { scale: "linear", domain, ticks: linearTicks(domain), label: `Median, ${unit}` };
  }, [group.points, proportion, unit]);

  const kinds = new Set(group.points.map((p) => p.intervalKind));
  const legend: LegendItem[] = [
    ...markLegend(
      proportion ? "bar" : "circle",
      {
        primary: group.points.some((p) => p.sourceLevel !== "secondary"),
        secondary: group.points.some((p) => p.sourceLevel === "secondary"),
        flagged: group.points.some((p) => p.flagged),
      },
      "as printed in the study's own report",
    ),
    ...(kinds.has("ci") ? [{ label: "95% CI", mark: { shape: "whisker" as const } }] : []),
    ...(kinds.has("range") ? [{ label: "range", mark: { shape: "whisker" as const, dash: RANGE_DASH } }] : []),
  ];
  const caption = proportion
    ? [
        "Share of patients in each arm with the outcome, as printed, with the count (events/patients) where printed.",
        "Arms of one comparison are drawn together under the study label; whiskers are 95% CIs where printed.",
      ]
    : [
        `Median per arm in ${unit}, as printed, with its interval where printed.`,
        "Arms of one comparison are drawn together under the study label; solid whiskers are 95% CIs, dashed whiskers ranges, where printed.",
      ];

  return (
    <ChartFrame title={chartTitle} caption={caption} legend={legend} table={armTable(group)} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} notePlacement="end" title={chartTitle} />}
    </ChartFrame>
  );
}

function valueText(point: ArmPoint, unit: string): string {
  return unit === "%" ? `${(point.valueText ?? formatNumber(point.value))}%` : `${(point.valueText ?? formatNumber(point.value))} ${unit}`;
}

function intervalText(point: ArmPoint): string | null {
  const interval = (point.lowerText && point.upperText ? `${point.lowerText}–${point.upperText}` : formatInterval(point.lower, point.upper));
  return interval && point.intervalKind ? `${INTERVAL_NAMES[point.intervalKind]} ${interval}` : null;
}

function armRows(group: ArmGroup): ChartRow[] {
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
      const interval = intervalText(point);
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
          ...(count ? [`Patients: ${count}`] : []),
          `Source: ${sourceLevelText(point.sourceLevel)}${secondary ? " (as cited by another publication)" : ""}`,
          ...(point.comparator ? ["Comparator: the other arm of a comparison the filters select one arm of"] : []),
          ...(point.alsoPrintedIn.length ? [`Also printed in ${point.alsoPrintedIn.join("; ")}`] : []),
          ...point.disagreements.map((d) => `Disagrees: ${d}`),
          ...(point.flagged ? ["⚑ Integrity flag: see the record"] : []),
        ],
      });
    }
  }
  return rows;
}

function armTable(group: ArmGroup) {
  const unit = group.measure === "proportion" ? "%" : group.unit;
  return {
    columns: ["Study", "Arm", group.measure === "proportion" ? "Patients (%)" : `Median (${unit})`, "Interval", "Events/patients", "Source", "Also printed in", "Notes"],
    rows: group.points.map((p) => ({
      key: p.id,
      cells: [
        <a key="study" href={p.href}>
          {p.comparisonLabel}
        </a>,
        p.comparator ? `${p.arm} (comparator)` : p.arm,
        (p.valueText ?? formatNumber(p.value)),
        intervalText(p) ?? "—",
        formatCount(p.events, p.total) ?? "—",
        sourceLevelText(p.sourceLevel),
        p.alsoPrintedIn.join("; ") || "—",
        [...p.disagreements.map((d) => `≠ ${d}`), p.flagged ? "⚑ flagged" : null].filter(Boolean).join(", ") || "—",
      ],
    })),
  };
}
