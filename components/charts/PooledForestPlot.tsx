"use client";
// The pooled forest plot of /pool: one row per included estimate (square sized by its weight), then
// the pooled diamond with its prediction interval; with subgroups, each subgroup's rows and diamond,
// then the overall one. The series comes ready-made from the server (lib/charts/series.ts).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type en from "@/messages/en.json";
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

/** The chart's fixed words (messages chart.pooled, in the interface's language); numbers and study names as given. */
type Words = (typeof en)["chart"]["pooled"];

export function PooledForestPlot({ forest, title, caption, fileName }: Props) {
  const t = useTranslations("chart");
  // Plain words, no arguments: read as they are.
  const w = t.raw("pooled") as Words;
  const pooled = forest.rows.some((r) => r.kind === "pooled");
  const rows = useMemo(() => chartRows(forest, pooled, w), [forest, pooled, w]);
  const axis = useMemo(() => {
    // The prediction interval does not widen the axis (it can span decades with two studies): it is clipped, with an arrow.
    const values = forest.rows.flatMap((r) => (r.kind === "header" ? [] : [r.estimate, r.ciLower, r.ciUpper]));
    const domain = paddedLogDomain(values);
    return { scale: "log" as const, domain, ticks: logTicks(domain), label: measureAxisLabel([forest.measure], t) };
  }, [forest, t]);
  const legend: LegendItem[] = [
    { label: pooled ? w.studyWeighted : w.study, mark: { shape: "square", fill: COLOURS.accent, stroke: COLOURS.accent } },
    { label: w.ci, mark: { shape: "whisker" } },
    ...(pooled
      ? [
          { label: w.pooled, mark: { shape: "diamond" as const, fill: COLOURS.fg, stroke: COLOURS.fg } },
          ...(forest.subgrouped ? [{ label: w.subgroup, mark: { shape: "diamond" as const, fill: SUBTOTAL_FILL, stroke: COLOURS.fg } }] : []),
          ...(forest.rows.some((r) => r.kind === "pooled" && r.piLower !== null) ? [{ label: w.pi, mark: { shape: "whisker" as const, dash: PREDICTION_DASH } }] : []),
        ]
      : []),
    { label: w.noDifference, mark: { shape: "line" } },
  ];
  return (
    <ChartFrame title={title} caption={caption} legend={legend} table={pooledTable(forest, pooled, w)} fileName={fileName} estimatedHeight={estimateRowChartHeight(rows)}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} referenceAt={1} notePlacement="column" title={title} />}
    </ChartFrame>
  );
}

const SUBTOTAL_FILL = "#8a94a3";

function chartRows(forest: PooledForest, pooled: boolean, w: Words): ChartRow[] {
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
        note: pooled ? `${interval} · ${w.weight} ${r.weight.toFixed(1)}%` : interval,
        value: r.estimate,
        lower: r.ciLower,
        upper: r.ciUpper,
        // Area proportional to the weight, as forest plots draw it; never smaller than a legible mark.
        mark: { shape: "square", fill: COLOURS.accent, stroke: COLOURS.accent, size: pooled ? 5 + 10 * Math.sqrt(r.weight / maxWeight) : 9 },
        href: r.href,
        details: studyDetails(r, forest.measure, pooled, w),
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
      details: diamondDetails(r, forest.measure, w),
    };
  });
}

function studyDetails(r: Extract<PooledForestRow, { kind: "study" }>, measure: string, pooled: boolean, w: Words): string[] {
  return [
    `${measure} ${formatRatio(r.estimate)}, 95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}`,
    `N = ${r.n ?? w.notReported}`,
    ...(pooled ? [`${w.Weight} ${r.weight.toFixed(1)}%`] : []),
    ...(r.inverted ? [w.inverted] : []),
    ...(r.narrower ? [w.narrower] : []),
    ...(r.subgroup ? [`${w.Subgroup}: ${r.subgroup}`] : []),
  ];
}

function diamondDetails(r: Extract<PooledForestRow, { kind: "pooled" }>, measure: string, w: Words): string[] {
  return [
    `${measure} ${formatRatio(r.estimate)}, 95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}`,
    r.piLower !== null ? `${w.piText} ${formatRatioInterval(r.piLower, r.piUpper)}` : r.k < 2 ? w.oneStudy : w.noPi,
    ...(r.i2 !== null ? [`I² ${r.i2.toFixed(0)}%, τ² ${r.tau2!.toFixed(3)}`] : []),
  ];
}

function pooledTable(forest: PooledForest, pooled: boolean, w: Words) {
  let subgroup: string | null = null;
  return {
    columns: [w.columns.study, w.columns.year, "N", ...(forest.subgrouped ? [w.columns.subgroup] : []), forest.measure, "95% CI", ...(pooled ? [w.Weight] : []), w.columns.notes],
    rows: forest.rows.flatMap((r) => {
      if (r.kind === "header") {
        subgroup = r.key === "header:overall" ? null : r.label;
        return [];
      }
      const sub = forest.subgrouped ? [r.kind === "study" ? (r.subgroup ?? w.notStated) : (subgroup ?? w.all)] : [];
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
              [r.inverted ? w.invertedNote : null, r.narrower ? w.narrowerNote : null].filter(Boolean).join("; ") || "—",
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
