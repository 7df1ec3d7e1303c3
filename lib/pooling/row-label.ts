// A pooled forest plot's row label. Kept apart from pool.ts, which imports the statistics: the
// browser's chart code (lib/charts/series.ts) needs the label, and must not take the distribution
// functions into the client bundle with it (their feature checks call eval, which the
// Content-Security-Policy refuses).
export type RowLabelParts = { study: string; inverted: boolean; reportedAs: { exposure: string; reference: string } | null };

/** "TRIBE (as FOLFOXIRI-bev vs FOLFIRI-bev) (inverted)"; in Chinese "TRIBE（按 FOLFOXIRI-bev 对 FOLFIRI-bev）（反向）". */
export function pooledRowLabel(row: RowLabelParts, locale: "en" | "zh" = "en"): string {
  const as = row.reportedAs;
  if (locale === "zh") return `${row.study}${as ? `（按 ${as.exposure} 对 ${as.reference}）` : ""}${row.inverted ? "（反向）" : ""}`;
  return `${row.study}${as ? ` (as ${as.exposure} vs ${as.reference})` : ""}${row.inverted ? " (inverted)" : ""}`;
}
