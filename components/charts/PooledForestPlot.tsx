"use client";
// The pooled forest plot of /pool: one row per included estimate (square sized by its weight), then
// the pooled diamond with its prediction interval; with subgroups, each subgroup's rows and diamond,
// then the overall one. The series comes ready-made from the server (lib/charts/series.ts).
import { useMemo } from "react";
import { formatRatio, formatRatioInterval, type PooledForest, type PooledForestRow } from "@/lib/charts/series";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { COLOURS, logTicks, paddedLogDomain } from "./format";
import { measureAxisLabel } from "./ForestPlot";
import { PREDICTION_DASH, RowChart, estimateRowChartHeight, type ChartRow } from "./RowChart";

type Props = {
  forest: PooledForest;
  title: string;
  /** Sentences under the chart, also written into the SVG/PNG downloads. */
  caption: string[];
  fileName?: string;
};

export function PooledForestPlot({ forest, title, caption, fileName }: Props) {
  const pooled = forest.rows.some((r) => r.kind === "pooled");
  const rows = useMemo(() => chartRows(forest, pooled), [forest, pooled]);
  const axis = useMemo(() => {
    // The prediction interval does not widen the axis (it can span decades with two studies): it is clipped, with an arrow.
    const values = forest.rows.flatMap((r) => (r.kind === "header" ? [] : [r.estimate, r.ciLower, r.ciUpper]));
    const domain = paddedLogDomain(values);
    return { scale: "log" as const, domain, ticks: logTicks(domain), label: measureAxisLabel([forest.measure]) };
  }, [forest]);
  const legend: LegendItem[] = [
    { label: pooled ? "study estimate (area: its weight)" : "study estimate", mark: { shape: "square", fill: COLOURS.accent, stroke: COLOURS.accent } },
    { label: "95% CI (arrow: beyond the axis)", mark: { shape: "whisker" } },
    ...(pooled
      ? [
          { label: "pooled estimate: the diamond spans its 95% CI", mark: { shape: "diamond" as const, fill: COLOURS.fg, stroke: COLOURS.fg } },
          ...(forest.subgrouped ? [{ label: "subgroup estimate", mark: { shape: "diamond" as const, fill: SUBTOTAL_FILL, stroke: COLOURS.fg } }] : []),
          ...(forest.rows.some((r) => r.kind === "pooled" && r.piLower !== null) ? [{ label: "95% prediction interval", mark: { shape: "whisker" as const, dash: PREDICTION_DASH } }] : []),
        ]
      : []),
    { label: "1 = no difference", mark: { shape: "line" } },
  ];
  return (
    <ChartFrame title={title} caption={caption} legend={legend} table={pooledTable(forest, pooled)} fileName={fileName} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} referenceAt={1} notePlacement="column" title={title} />}
    </ChartFrame>
  );
}

const SUBTOTAL_FILL = "#8a94a3";

function chartRows(forest: PooledForest, pooled: boolean): ChartRow[] {
  const maxWeight = Math.max(...forest.rows.map((r) => (r.kind === "study" ? r.weight : 0)), 1e-9);
  return forest.rows.map((r): ChartRow => {
    if (r.kind === "header") return { kind: "header", key: r.key, label: r.label };
    const interval = `${formatRatio(r.estimate)} (${formatRatioInterval(r.ciLower, r.ciUpper)})`;
    if (r.kind === "study") {
      return {
        kind: "item",
        key: r.key,
        label: r.label,
        flagged: false,
        note: pooled ? `${interval} · weight ${r.weight.toFixed(1)}%` : interval,
        value: r.estimate,
        lower: r.ciLower,
        upper: r.ciUpper,
        // Area proportional to the weight, as forest plots draw it; never smaller than a legible mark.
        mark: { shape: "square", fill: COLOURS.accent, stroke: COLOURS.accent, size: pooled ? 5 + 10 * Math.sqrt(r.weight / maxWeight) : 9 },
        href: r.href,
        details: studyDetails(r, forest.measure, pooled),
      };
    }
    return {
      kind: "item",
      key: r.key,
      label: r.label,
      flagged: false,
      note: interval,
      value: r.estimate,
      lower: r.ciLower,
      upper: r.ciUpper,
      emphasis: r.scope === "overall",
      mark: { shape: "diamond", fill: r.scope === "overall" ? COLOURS.fg : SUBTOTAL_FILL, stroke: COLOURS.fg },
      prediction: r.piLower !== null && r.piUpper !== null ? { lower: r.piLower, upper: r.piUpper } : null,
      details: diamondDetails(r, forest.measure),
    };
  });
}

function studyDetails(r: Extract<PooledForestRow, { kind: "study" }>, measure: string, pooled: boolean): string[] {
  return [
    `${measure} ${formatRatio(r.estimate)}, 95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}`,
    `N = ${r.n ?? "not reported"}`,
    ...(pooled ? [`Weight ${r.weight.toFixed(1)}%`] : []),
    ...(r.inverted ? ["Reported as the reverse comparison: inverted here (1/ratio, CI swapped)"] : []),
    ...(r.narrower ? ["Reported at a narrower molecular level than the question"] : []),
    ...(r.subgroup ? [`Subgroup: ${r.subgroup}`] : []),
  ];
}

function diamondDetails(r: Extract<PooledForestRow, { kind: "pooled" }>, measure: string): string[] {
  return [
    `${measure} ${formatRatio(r.estimate)}, 95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}`,
    r.piLower !== null ? `95% prediction interval ${formatRatioInterval(r.piLower, r.piUpper)}` : r.k < 2 ? "One study: its own estimate" : "No prediction interval",
    ...(r.i2 !== null ? [`I² ${r.i2.toFixed(0)}%, τ² ${r.tau2!.toFixed(3)}`] : []),
  ];
}

function pooledTable(forest: PooledForest, pooled: boolean) {
  let subgroup: string | null = null;
  return {
    columns: ["Study", "Year", "N", ...(forest.subgrouped ? ["Subgroup"] : []), forest.measure, "95% CI", ...(pooled ? ["Weight"] : []), "Notes"],
    rows: forest.rows.flatMap((r) => {
      if (r.kind === "header") {
        subgroup = r.key === "header:overall" ? null : r.label;
        return [];
      }
      const sub = forest.subgrouped ? [r.kind === "study" ? (r.subgroup ?? "not stated") : (subgroup ?? "all")] : [];
      if (r.kind === "study")
        return [
          {
            key: r.key,
            cells: [
              <a key="study" href={r.href}>
                {r.study}
              </a>,
              r.year ?? "—",
              r.n ?? "—",
              ...sub,
              formatRatio(r.estimate),
              formatRatioInterval(r.ciLower, r.ciUpper),
              ...(pooled ? [`${r.weight.toFixed(1)}%`] : []),
              [r.inverted ? "inverted (reported as the reverse comparison)" : null, r.narrower ? "narrower molecular level" : null].filter(Boolean).join("; ") || "—",
            ],
          },
        ];
      return [
        {
          key: r.key,
          cells: [
            <strong key="study">{r.label.split(" · ")[0]}</strong>,
            "",
            "",
            ...sub,
            <strong key="estimate">{formatRatio(r.estimate)}</strong>,
            formatRatioInterval(r.ciLower, r.ciUpper),
            ...(pooled ? [r.scope === "overall" ? "100%" : "—"] : []),
            [r.piLower !== null ? `95% PI ${formatRatioInterval(r.piLower, r.piUpper)}` : null, r.i2 !== null ? `I² ${r.i2.toFixed(0)}%` : null].filter(Boolean).join("; ") || "—",
          ],
        },
      ];
    }),
  };
}
