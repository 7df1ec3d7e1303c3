"use client";
// Forest plot: one chart per endpoint, one row per ratio record (log axis, line of no difference at 1).
import { useMemo, type ReactNode } from "react";
import { forestGroupKey, type ForestGroup, type ForestRow } from "@/lib/charts/series";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { formatInterval, formatNumber, formatP, logTicks, paddedLogDomain } from "./format";
import { markFor, markLegend, sourceLevelText } from "./marks";
import { RowChart, estimateRowChartHeight, type ItemRow } from "./RowChart";

const MEASURE_NAMES: Record<string, string> = { HR: "Hazard ratio", OR: "Odds ratio", RR: "Risk ratio" };

export function measureAxisLabel(measures: string[]): string {
  const names = [...new Set(measures)].map((m) => MEASURE_NAMES[m] ?? m);
  const text = names.map((n, i) => (i === 0 ? n : n.toLowerCase())).join(" / ");
  return `${text} (log scale)`;
}

/** footers: by forestGroupKey, printed under each chart (the pooled summary of the browser). */
export function ForestPlot({ groups, title, footers }: { groups: ForestGroup[]; title?: string; footers?: Record<string, ReactNode> }) {
  return (
    <>
      {groups.map((group) => (
        <ForestGroupChart key={forestGroupKey(group)} group={group} title={title} footer={footers?.[forestGroupKey(group)]} />
      ))}
    </>
  );
}

function ForestGroupChart({ group, title, footer }: { group: ForestGroup; title?: string; footer?: ReactNode }) {
  const measures = [...new Set(group.rows.map((r) => r.measure))];
  const chartTitle = `${title ? `${title}: ` : ""}${group.endpointLabel} (${measures.join(", ")})`;
  const rows = useMemo(() => forestRows(group.rows), [group.rows]);
  const axis = useMemo(() => {
    const domain = paddedLogDomain(group.rows.flatMap((r) => [r.value, r.lower, r.upper]));
    return { scale: "log" as const, domain, ticks: logTicks(domain), label: measureAxisLabel(group.rows.map((r) => r.measure)) };
  }, [group.rows]);

  const legend: LegendItem[] = [
    ...markLegend(
      "square",
      {
        primary: group.rows.some((r) => !r.computed && r.sourceLevel !== "secondary"),
        computed: group.rows.some((r) => r.computed),
        secondary: group.rows.some((r) => r.sourceLevel === "secondary" && !r.computed),
        flagged: group.rows.some((r) => r.flagged),
      },
      "ratio as printed",
    ),
    { label: "95% CI (arrow: beyond the axis)", mark: { shape: "whisker" } },
    { label: "1 = no difference", mark: { shape: "line" } },
  ];
  const caption = [
    group.meaning,
    "Each row is one published estimate; follow its label or point to the record and its source. Rows without a printed CI show the point only.",
  ];

  return (
    <ChartFrame title={chartTitle} caption={caption} legend={legend} table={forestTable(group.rows)} estimatedHeight={estimateRowChartHeight(rows)} footer={footer}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} referenceAt={1} notePlacement="column" title={chartTitle} />}
    </ChartFrame>
  );
}

/**
 * Two records can share study, comparison and analysis (a conference and a news report of one HR;
 * an OR and an RR computed from one table): such labels get what tells them apart.
 */
function distinguishingSuffix(row: ForestRow, rows: ForestRow[]): string {
  const twins = rows.filter((r) => r.label === row.label);
  if (twins.length < 2) return "";
  if (new Set(twins.map((r) => r.sourceLevel)).size > 1) return ` (${sourceLevelText(row.sourceLevel)})`;
  if (new Set(twins.map((r) => r.measure)).size > 1) return ` (${row.measure})`;
  return "";
}

function forestRows(rows: ForestRow[]): ItemRow[] {
  return rows.map((r) => {
    let label = `${r.label}${distinguishingSuffix(r, rows)}`;
    if (r.computed && !/computed/.test(label)) label = `${label} · computed`;
    if (r.comparator) label = `${label} · comparator`;
    if (r.alsoPrintedIn.length) label = `${label} · also printed in ${r.alsoPrintedIn.join("; ")}`;
    if (r.disagreements.length) label = `${label} · ≠ ${r.disagreements.join("; ")}`;
    const ci = r.lowerText && r.upperText ? `${r.lowerText}–${r.upperText}` : formatInterval(r.lower, r.upper);
    const p = formatP(r.p);
    const note = [`${r.measure} ${(r.valueText ?? formatNumber(r.value))}${ci ? ` (${ci})` : ""}`, p].filter(Boolean).join(" · ");
    return {
      kind: "item",
      key: r.id,
      label,
      flagged: r.flagged,
      note,
      value: r.value,
      lower: r.lower,
      upper: r.upper,
      mark: markFor("square", { flagged: r.flagged, computed: r.computed, secondary: r.sourceLevel === "secondary" }),
      href: r.href,
      // Study, comparison, N, arms, design and the analysis with its covariates: never cut on paper or screen.
      maxLines: 8,
      details: [
        `${r.measure} ${(r.valueText ?? formatNumber(r.value))}${ci ? `, 95% CI ${ci}` : ", no CI printed"}`,
        p ?? "p not printed",
        [r.n !== null ? `N ${r.n}` : "N not reported", r.armSize, r.design, r.analysisDetail].filter(Boolean).join(" · "),
        ...(r.alsoPrintedIn.length ? [`Also printed in ${r.alsoPrintedIn.join("; ")}`] : []),
        ...r.disagreements.map((d) => `Disagrees: ${d}`),
        `Source: ${sourceLevelText(r.sourceLevel)}${r.sourceLevel === "secondary" ? " (as cited by another publication)" : ""} · reported at ${r.reportedLevel} level`,
        ...(r.computed ? ["Computed here from the printed counts, not printed in the source"] : []),
        ...(r.flagged ? ["⚑ Integrity flag: see the record"] : []),
      ],
    };
  });
}

function forestTable(rows: ForestRow[]) {
  return {
    columns: ["Study", "Year", "N", "Comparison", "Arms", "Design", "Analysis", "Measure", "Estimate", "95% CI", "p", "Source", "Also printed in", "Notes"],
    rows: rows.map((r) => ({
      key: r.id,
      cells: [
        <a key="study" href={r.href}>
          {r.study}
        </a>,
        r.year ?? "—",
        r.n ?? "not reported",
        r.comparison,
        r.armSize ?? "—",
        r.design ?? "—",
        r.analysisDetail,
        r.measure,
        (r.valueText ?? formatNumber(r.value)),
        (r.lowerText && r.upperText ? `${r.lowerText}–${r.upperText}` : (formatInterval(r.lower, r.upper) ?? "—")),
        r.p ?? "—",
        sourceLevelText(r.sourceLevel),
        r.alsoPrintedIn.join("; ") || "—",
        [r.computed ? "computed" : null, r.comparator ? "comparator" : null, ...r.disagreements.map((d) => `≠ ${d}`), r.flagged ? "⚑ flagged" : null].filter(Boolean).join(", ") || "—",
      ],
    })),
  };
}
