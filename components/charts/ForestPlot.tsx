"use client";
// Forest plot: one chart per endpoint, one row per ratio record (log axis, line of no difference at 1).
import { useMemo, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { forestGroupKey, type ForestGroup, type ForestRow } from "@/lib/charts/series";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { formatInterval, formatNumber, formatP, logTicks, paddedLogDomain } from "./format";
import { markFor, markLegend, sourceLevelText, type ChartWords } from "./marks";
import { RowChart, estimateRowChartHeight, type ItemRow } from "./RowChart";

/** The measures with a name in the messages (chart.measure). */
const MEASURE_NAMES = new Set(["HR", "OR", "RR"]);

export function measureAxisLabel(measures: string[], t: ChartWords): string {
  return t("logScale", { measures: [...new Set(measures)].map((m) => (MEASURE_NAMES.has(m) ? t(`measure.${m}`) : m)).join(" / ") });
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
  const t = useTranslations("chart");
  const measures = [...new Set(group.rows.map((r) => r.measure))];
  const chartTitle = `${title ? `${title}: ` : ""}${group.endpointLabel} (${measures.join(", ")})`;
  const rows = useMemo(() => forestRows(group.rows, t), [group.rows, t]);
  const axis = useMemo(() => {
    const domain = paddedLogDomain(group.rows.flatMap((r) => [r.value, r.lower, r.upper]));
    return { scale: "log" as const, domain, ticks: logTicks(domain), label: measureAxisLabel(group.rows.map((r) => r.measure), t) };
  }, [group.rows, t]);

  const legend: LegendItem[] = [
    ...markLegend(
      "square",
      {
        primary: group.rows.some((r) => !r.computed && r.sourceLevel !== "secondary"),
        computed: group.rows.some((r) => r.computed),
        secondary: group.rows.some((r) => r.sourceLevel === "secondary" && !r.computed),
        flagged: group.rows.some((r) => r.flagged),
      },
      t("legendRatio"),
      t,
    ),
    { label: t("legendCi"), mark: { shape: "whisker" } },
    { label: t("legendNoDifference"), mark: { shape: "line" } },
  ];
  const caption = [group.meaning, t("forestCaption")];

  return (
    <ChartFrame title={chartTitle} caption={caption} legend={legend} table={forestTable(group.rows, t)} estimatedHeight={estimateRowChartHeight(rows)} footer={footer}>
      {(width) => <RowChart width={width} rows={rows} axis={axis} referenceAt={1} notePlacement="column" title={chartTitle} />}
    </ChartFrame>
  );
}

/**
 * Two records can share study, comparison and analysis (a conference and a news report of one HR;
 * an OR and an RR computed from one table): such labels get what tells them apart.
 */
function distinguishingSuffix(row: ForestRow, rows: ForestRow[], t: ChartWords): string {
  const twins = rows.filter((r) => r.label === row.label);
  if (twins.length < 2) return "";
  if (new Set(twins.map((r) => r.sourceLevel)).size > 1) return ` (${sourceLevelText(row.sourceLevel, t)})`;
  if (new Set(twins.map((r) => r.measure)).size > 1) return ` (${row.measure})`;
  return "";
}

function forestRows(rows: ForestRow[], t: ChartWords): ItemRow[] {
  return rows.map((r) => {
    let label = `${r.label}${distinguishingSuffix(r, rows, t)}`;
    if (r.computed && !/computed/.test(label)) label = `${label} · ${t("computed")}`;
    if (r.comparator) label = `${label} · ${t("comparator")}`;
    if (r.alsoPrintedIn.length) label = `${label} · ${t("alsoPrintedInShort", { list: r.alsoPrintedIn.join("; ") })}`;
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
        `${r.measure} ${(r.valueText ?? formatNumber(r.value))}${ci ? `, 95% CI ${ci}` : t("noCi")}`,
        p ?? t("noP"),
        [r.n !== null ? `N ${r.n}` : t("nNotReported"), r.armSize, r.design, r.analysisDetail].filter(Boolean).join(" · "),
        ...(r.alsoPrintedIn.length ? [t("alsoPrintedIn", { list: r.alsoPrintedIn.join("; ") })] : []),
        ...r.disagreements.map((d) => t("disagrees", { what: d })),
        `${t("source", { level: sourceLevelText(r.sourceLevel, t) })}${r.sourceLevel === "secondary" ? t("asCited") : ""} · ${t("reportedAt", { level: r.reportedLevel })}`,
        ...(r.computed ? [t("computedDetail")] : []),
        ...(r.flagged ? [t("flagDetail")] : []),
      ],
    };
  });
}

function forestTable(rows: ForestRow[], t: ChartWords) {
  return {
    columns: [t("col.study"), t("col.year"), "N", t("col.comparison"), t("col.arms"), t("col.design"), t("col.analysis"), t("col.measure"), t("col.estimate"), "95% CI", "p", t("col.source"), t("col.alsoPrintedIn"), t("col.notes")],
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
        sourceLevelText(r.sourceLevel, t),
        r.alsoPrintedIn.join("; ") || "—",
        [r.computed ? t("computed") : null, r.comparator ? t("comparator") : null, ...r.disagreements.map((d) => `≠ ${d}`), r.flagged ? t("flagged") : null].filter(Boolean).join(", ") || "—",
      ],
    })),
  };
}
