// How a row's mark shows what kind of figure it is. Never colour alone: computed marks are hollow,
// secondary (as-cited) marks are pale with a dashed outline, flagged rows carry ⚑ in their label.
import type { LegendItem } from "./ChartFrame";
import { COLOURS } from "./format";
import type { RowMark } from "./RowChart";

export type MarkKind = { flagged: boolean; computed?: boolean; secondary?: boolean };

/** The charts' words (messages/*.json, namespace "chart"): next-intl's translator in a component. */
export type ChartWords = (key: string, values?: Record<string, string | number>) => string;

const SECONDARY_DASH = "3 2";
export const RANGE_DASH = "5 3";

export function markFor(shape: RowMark["shape"], kind: MarkKind): RowMark {
  const ink = kind.flagged ? COLOURS.flag : COLOURS.accent;
  if (kind.computed) return { shape, fill: "#ffffff", stroke: kind.flagged ? COLOURS.flag : COLOURS.computed };
  if (kind.secondary) return { shape, fill: kind.flagged ? COLOURS.flagWeak : COLOURS.accentWeak, stroke: ink, dash: SECONDARY_DASH };
  return { shape, fill: ink, stroke: ink };
}

/** Legend entries for the kinds of mark present (and only those). */
export function markLegend(
  shape: RowMark["shape"],
  present: { primary: boolean; computed?: boolean; secondary?: boolean; flagged: boolean },
  primaryLabel: string,
  t?: ChartWords,
): LegendItem[] {
  const items: LegendItem[] = [];
  const asLegend = (m: RowMark) => ({ shape: m.shape, fill: m.fill, stroke: m.stroke, dash: m.dash });
  if (present.primary) items.push({ label: primaryLabel, mark: asLegend(markFor(shape, { flagged: false })) });
  if (present.computed) items.push({ label: t ? t("legendComputed") : "computed here from the printed counts (hollow)", mark: asLegend(markFor(shape, { flagged: false, computed: true })) });
  if (present.secondary) items.push({ label: t ? t("legendSecondary") : "secondary (as cited)", mark: asLegend(markFor(shape, { flagged: false, secondary: true })) });
  if (present.flagged) items.push({ label: t ? t("legendFlagged") : "⚑ integrity flag (see the record)", mark: asLegend(markFor(shape, { flagged: true })) });
  return items;
}

/** "news-report" → "news report" (in Chinese: 新闻报道). */
export function sourceLevelText(sourceLevel: string, t?: ChartWords): string {
  return t ? t(`level.${sourceLevel}`) : sourceLevel.replace(/-/g, " ");
}
