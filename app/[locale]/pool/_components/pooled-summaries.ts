// The one-line pooled answer under each of the browser's forest plots, computed on the server for
// the plots shown: per endpoint and measure with two or more plotted estimates, the comparison the
// guard rails choose, pooled with the defaults (REML, HKSJ), and the /pool link that shows it all.
import "server-only";
import { getPageContext } from "@/lib/data/context";
import type { EffectFilters } from "@/lib/data/filters";
import { poolVariants } from "@/lib/data/pool-effects";
import { forestGroupKey, pooledSummaryText, type ForestGroup } from "@/lib/charts/series";
import type { PoolOptions } from "@/lib/pooling/pool";
import { comparisonLabeler, poolHref, poolableAnalysis } from "./pool-view";

/**
 * The records one summary line pools at most: a line under a chart answers at once; beyond this the
 * line says how many records match and links to /pool, which reads up to POOL_RECORD_LIMIT.
 */
const SUMMARY_RECORD_LIMIT = 1000;

export type PooledSummaryLine = { measure: string; pooled: boolean; text: string; href: string };

/** `locale`: the interface's language ("zh": Chinese labels and line). */
export async function pooledSummaries(filters: EffectFilters, forest: ForestGroup[], locale: string = "en"): Promise<Record<string, PooledSummaryLine[]>> {
  const { db, vocab } = await getPageContext(locale);
  const options: PoolOptions = { method: "REML", ci: "hksj", analysis: poolableAnalysis(filters), comparison: null, by: null, leaveOneOut: false };
  const jobs = forest.flatMap((group) => {
    const counts = new Map<string, number>();
    for (const r of group.rows) counts.set(r.measure, (counts.get(r.measure) ?? 0) + 1);
    return [...counts.entries()]
      .filter(([, n]) => n >= 2)
      .map(async ([measure]): Promise<[string, PooledSummaryLine]> => {
        const scoped: EffectFilters = { ...filters, endpoint: [group.endpoint], measure: [measure], offset: 0 };
        const { results, printedLabels } = await poolVariants(db, vocab, scoped, [options], SUMMARY_RECORD_LIMIT);
        const result = results[0]!;
        const labelOf = comparisonLabeler(vocab, printedLabels);
        const { pooled, text } = pooledSummaryText(result, {
          exposure: result.comparison ? labelOf(result.comparison.exposure) : "",
          reference: result.comparison ? labelOf(result.comparison.reference) : "",
        }, locale === "zh" ? "zh" : "en");
        const { leaveOneOut: _summaryOnly, ...linked } = options;
        const href = poolHref({ filters: scoped, options: { ...linked, comparison: result.comparison }, sort: "year" });
        return [forestGroupKey(group), { measure, pooled, text, href }];
      });
  });
  const out: Record<string, PooledSummaryLine[]> = {};
  for (const [key, line] of await Promise.all(jobs)) (out[key] ??= []).push(line);
  return out;
}
