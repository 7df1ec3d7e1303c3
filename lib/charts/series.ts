// Chart series, built on the server from effect records: the browser receives ready-made rows and
// never aggregates raw tables. Pure functions, tested in series.test.ts.
import { shownNumber } from "../domain/sentence";
import type { EffectRecord } from "../domain/records";
import type { EndpointRole } from "../content/schema";

export const RATIO = new Set(["HR", "OR", "RR"]);


/** A plotted figure: numbers to draw, and the text to print exactly as the source did ("0.70"). */
export type PlottedFigure = {
  value: number;
  lower: number | null;
  upper: number | null;
  valueText: string;
  lowerText: string | null;
  upperText: string | null;
};

export type ForestRow = PlottedFigure & {
  id: string;
  label: string; // study · comparison · analysis
  study: string;
  comparison: string;
  analysis: string;
  measure: string;
  p: string | null;
  flagged: boolean;
  computed: boolean;
  sourceLevel: string;
  reportedLevel: string;
  href: string;
};
export type ForestGroup = { endpoint: string; endpointLabel: string; endpointRole: EndpointRole; meaning: string; rows: ForestRow[] };

export function effectHref(e: Pick<EffectRecord, "studyId" | "recordId">): string {
  return `/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`;
}

/**
 * What a value above 1 means for the rows of one chart, in words. Hazard ratios of time-to-event
 * endpoints count the event (death, progression ...); odds and risk ratios count whatever the arms
 * count, which for a survival endpoint is usually being alive at a time point: that sentence must
 * not say "worse".
 */
export function ratioMeaning(role: EndpointRole, endpointLabel: string, measures: string[]): string {
  const m = [...new Set(measures)].join("/");
  const hazard = measures.every((x) => x === "HR");
  if (hazard && role === "time-to-event")
    return `${m} above 1: higher hazard of the event (death, progression, recurrence or surgical failure) in the first-named group, i.e. worse for it; below 1: better.`;
  if (role === "favourable")
    return `${m} above 1: ${endpointLabel.toLowerCase()} more likely in the first-named group (better for it); below 1: less likely.`;
  if (role === "unfavourable")
    return `${m} above 1: ${endpointLabel.toLowerCase()} more likely in the first-named group (worse for it); below 1: less likely.`;
  return `${m} above 1: the outcome counted in the arms (see each record, e.g. alive at a time point) is more frequent in the first-named group; below 1: less frequent.`;
}

/**
 * Records whose figure is impossible (an implausible printing not yet read, an estimate outside its
 * own CI) are listed with the records but not drawn: one "5740 months" would flatten the axis. A
 * damaged printing that has a reading is drawn at its reading.
 */
/** Marked on a chart: an error or a warning; notes (rounding, updates, confirmed readings) stay quiet. */
export function isFlagged(e: EffectRecord): boolean {
  return e.flags.some((f) => f.severity !== "note");
}

export function notDrawable(e: EffectRecord): boolean {
  return e.flags.some((f) => f.code === "implausible-value" || f.code === "estimate-outside-ci");
}

export function undrawnCount(effects: EffectRecord[]): number {
  return effects.filter((e) => notDrawable(e) && (e.kind === "arm" || (e.measure !== null && RATIO.has(e.measure)))).length;
}

export function forestGroups(effects: EffectRecord[]): ForestGroup[] {
  const rows = effects.filter((e) => e.measure && RATIO.has(e.measure) && e.value !== null && e.value > 0 && !notDrawable(e));
  // Hazard ratios and odds/risk ratios of one endpoint go in separate charts: they count different things.
  const groups = new Map<string, ForestGroup>();
  for (const e of rows) {
    const key = `${e.endpoint}|${e.measure === "HR" ? "HR" : "OR/RR"}`;
    const g = groups.get(key) ?? { endpoint: e.endpoint, endpointLabel: e.endpointLabel, endpointRole: e.endpointRole, meaning: "", rows: [] };
    const comparison = `${e.exposure ?? "?"} vs ${e.reference ?? "?"}`;
    g.rows.push({
      id: e.id,
      label: `${e.studyShortName} · ${comparison} · ${e.computed ? "computed" : e.analysis}`,
      study: e.studyShortName,
      comparison,
      analysis: e.analysis,
      measure: e.measure!,
      value: e.value!,
      lower: e.ciLower,
      upper: e.ciUpper,
      valueText: shownNumber(e, "value") ?? String(e.value),
      lowerText: shownNumber(e, "ciLower"),
      upperText: shownNumber(e, "ciUpper"),
      p: e.p,
      flagged: isFlagged(e),
      computed: e.computed,
      sourceLevel: e.sourceLevel,
      reportedLevel: e.reportedLevel,
      href: effectHref(e),
    });
    groups.set(key, g);
  }
  for (const g of groups.values()) g.meaning = ratioMeaning(g.endpointRole, g.endpointLabel, g.rows.map((r) => r.measure));
  return [...groups.values()];
}

export type ArmPoint = PlottedFigure & {
  id: string;
  study: string;
  studyId: string;
  comparisonKey: string; // study + comparison: bars of one comparison are drawn side by side
  comparisonLabel: string;
  arm: string;
  intervalKind: "ci" | "range" | null;
  events: number | null;
  total: number | null;
  unit: string | null;
  flagged: boolean;
  sourceLevel: string;
  href: string;
};
export type ArmGroup = { endpoint: string; endpointLabel: string; measure: "proportion" | "median"; unit: string; points: ArmPoint[] };


export function armGroups(effects: EffectRecord[]): ArmGroup[] {
  const arms = effects.filter(
    (e) => e.kind === "arm" && (e.measure === "proportion" || e.measure === "median") && e.value !== null && e.endpointRole !== "descriptive" && !notDrawable(e),
  );
  const groups = new Map<string, ArmGroup>();
  for (const e of arms) {
    const measure = e.measure as "proportion" | "median";
    const key = `${e.endpoint}|${measure}`;
    const g = groups.get(key) ?? { endpoint: e.endpoint, endpointLabel: e.endpointLabel, measure, unit: measure === "proportion" ? "%" : (e.unit ?? "months"), points: [] };
    const ci = e.ciLower !== null && e.ciUpper !== null;
    const range = !ci && e.rangeLower !== null && e.rangeUpper !== null;
    g.points.push({
      id: e.id,
      study: e.studyShortName,
      studyId: e.studyId,
      comparisonKey: `${e.studyId}|${e.comparison ?? e.locator}|${e.document}`,
      comparisonLabel: `${e.studyShortName}${e.sourceLevel === "secondary" ? " (as cited)" : ""}${e.timepoint ? `, ${e.timepoint}` : ""}`,
      arm: e.group ?? e.exposure ?? "all",
      value: e.value!,
      lower: ci ? e.ciLower : range ? e.rangeLower : null,
      upper: ci ? e.ciUpper : range ? e.rangeUpper : null,
      valueText: shownNumber(e, "value") ?? String(e.value),
      lowerText: ci ? e.ciLowerText : range ? e.rangeLowerText : null,
      upperText: ci ? e.ciUpperText : range ? e.rangeUpperText : null,
      intervalKind: ci ? "ci" : range ? "range" : null,
      events: e.events,
      total: e.total,
      unit: e.unit,
      flagged: isFlagged(e),
      sourceLevel: e.sourceLevel,
      href: effectHref(e),
    });
    groups.set(key, g);
  }
  return [...groups.values()];
}

export type AlleleBar = { study: string; studyId: string; allele: string; value: number; valueText: string; events: number | null; total: number | null; flagged: boolean; sourceLevel: string; href: string };

export function alleleSpectrum(effects: EffectRecord[], alleleCodes: Set<string>): AlleleBar[] {
  return effects
    .filter((e) => e.endpoint === "mutation-frequency" && e.measure === "proportion" && e.value !== null && !notDrawable(e) && e.molecularGroups.some((g) => alleleCodes.has(g)))
    .map((e) => ({
      study: `${e.studyShortName}${e.sourceLevel === "secondary" ? " (as cited)" : ""}`,
      studyId: e.studyId,
      allele: e.molecularGroups.find((g) => alleleCodes.has(g))!,
      value: e.value!,
      valueText: shownNumber(e, "value") ?? String(e.value),
      events: e.events,
      total: e.total,
      flagged: isFlagged(e),
      sourceLevel: e.sourceLevel,
      href: effectHref(e),
    }));
}
