// A pooled answer for a set of records: the guard rails choose what may be pooled, the statistics
// (lib/stats/meta-analysis.ts, checked against metafor) combine it on the log scale, and the answer
// says what was left out and why. Pure: records in, the /api/pool answer out.
import type { EffectRecord } from "../domain/records";
import { leaveOneOut, metaAnalysis, subgroupAnalysis, type IntervalMethod, type MetaAnalysisResult, type PoolingMethod } from "../stats/meta-analysis";
import { pooledRowLabel } from "./row-label";
import { selectPoolable, type AnalysisChoice, type Excluded, type Included, type Selection, type SelectOptions, type StudyFacts } from "./select";

export const POOLING_METHODS = ["REML", "DL", "PM", "FE"] as const;
/** hksj-truncated: the Knapp–Hartung factor floored at 1 (metafor's test = "adhoc"), offered beside the untruncated default. */
export const INTERVAL_METHODS = ["hksj", "wald", "hksj-truncated"] as const;
export type IntervalChoice = (typeof INTERVAL_METHODS)[number];
export const SUBGROUP_KEYS = ["level", "setting", "design"] as const;
export type SubgroupKey = (typeof SUBGROUP_KEYS)[number];

export type PoolOptions = {
  method: PoolingMethod;
  ci: IntervalChoice;
  analysis: AnalysisChoice | null;
  comparison: { exposure: string; reference: string } | null;
  by: SubgroupKey | null;
  /** A question's setting: only records of that setting are pooled. */
  setting?: string | null;
  /** False: no leave-one-out analysis (k refits; a one-line summary does not show it). */
  leaveOneOut?: boolean;
};

const statsOptions = (o: PoolOptions) => ({ method: o.method, ci: (o.ci === "wald" ? "wald" : "hksj") as IntervalMethod, hksjTruncated: o.ci === "hksj-truncated" });

type Interval = { estimate: number; ciLower: number; ciUpper: number; piLower: number | null; piUpper: number | null };

export type PooledRow = {
  id: string;
  studyId: string;
  study: string;
  year: number | null;
  n: number | null;
  /** The record's own figure on the ratio scale, inverted where it was entered as the reciprocal comparison. */
  estimate: number;
  ciLower: number;
  ciUpper: number;
  inverted: boolean;
  /** Reported at a narrower molecular level than the comparison (KRAS for a RAS question). */
  narrower: boolean;
  /** The comparison the record reports where it is narrower than the one pooled (group codes), else null. */
  reportedAs: { exposure: string; reference: string } | null;
  weight: number;
  subgroup: string | null;
  /** The row's label in English (pooledRowLabel gives it in another language). */
  label: string;
};

/** Why a pool has no pooled figure, as a message key (pool.refusal.<code>) with its arguments. */
export type Refusal = { code: "none" | "one" | "recordLimit"; values?: Record<string, string> };

export type PoolResult = {
  k: number;
  measure: string | null;
  endpoint: string | null;
  comparison: { exposure: string; reference: string } | null;
  analysis: AnalysisChoice | null;
  setting: string | null;
  method: PoolingMethod;
  ci: IntervalChoice;
  estimate: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  p: number | null;
  tau2: number | null;
  tau2CiLower: number | null;
  tau2CiUpper: number | null;
  /** The τ² upper bound is metafor's search limit, not a crossing (print it as "> limit"). */
  tau2CiAtSearchLimit: boolean | null;
  /** The Knapp–Hartung factor (HKSJ SE / Wald SE); below 1 the HKSJ interval is narrower than Wald's. */
  hksjFactor: number | null;
  i2: number | null;
  h2: number | null;
  q: number | null;
  qDf: number | null;
  qP: number | null;
  participants: number | null;
  weights: { id: string; weight: number }[];
  rows: PooledRow[];
  included: string[];
  inverted: string[];
  excluded: Excluded[];
  notPooled: string[];
  notPooledZh: string[];
  /** Why there is no pooled figure (fewer than two usable estimates), else null. */
  refused: string | null;
  /** The same reason as a message key, for the interface's language. */
  refusal: Refusal | null;
  leaveOneOut: { omitted: string; study: string; estimate: number; ciLower: number; ciUpper: number; i2: number; tau2: number }[];
  subgroups?: { group: string; k: number; estimate: number; ciLower: number; ciUpper: number; piLower: number | null; piUpper: number | null; i2: number; tau2: number }[];
  subgroupTest?: { q: number; df: number; p: number } | null;
};

const ratio = (r: MetaAnalysisResult): Interval => ({
  estimate: Math.exp(r.estimate),
  ciLower: Math.exp(r.ciLower),
  ciUpper: Math.exp(r.ciUpper),
  piLower: r.piLower === null ? null : Math.exp(r.piLower),
  piUpper: r.piUpper === null ? null : Math.exp(r.piUpper),
});

/** On the log scale: a reciprocal comparison enters as -ln(ratio), with the same variance. */
function effectOf(i: Included): { yi: number; vi: number } {
  const yi = i.record.logValue!;
  return { yi: i.inverted ? -yi : yi, vi: i.record.logSe! ** 2 };
}

function subgroupOf(i: Included, by: SubgroupKey | null, studies: Map<string, StudyFacts>): string | null {
  if (by === "level") return i.record.reportedLevel;
  if (by === "setting") return i.setting;
  if (by === "design") return studies.get(i.record.studyId)?.design ?? "not reported";
  return null;
}

export function poolRecords(records: EffectRecord[], studies: Map<string, StudyFacts>, options: PoolOptions, context: Pick<SelectOptions, "settingOf" | "sourceRank" | "within" | "isWildType">): PoolResult {
  const selection: Selection = selectPoolable(records, studies, {
    comparison: options.comparison,
    analysis: options.analysis,
    bySetting: options.by === "setting",
    requiredSetting: options.setting ?? null,
    ...context,
  });
  const included = [...selection.included].sort((a, b) => (studies.get(a.record.studyId)?.year ?? 0) - (studies.get(b.record.studyId)?.year ?? 0) || a.record.studyShortName.localeCompare(b.record.studyShortName));
  const k = included.length;
  const empty = {
    k,
    measure: selection.measure,
    endpoint: selection.endpoint,
    comparison: selection.comparison,
    analysis: selection.analysis,
    setting: selection.setting,
    method: options.method,
    ci: options.ci,
    included: included.map((i) => i.record.id),
    inverted: included.filter((i) => i.inverted).map((i) => i.record.id),
    excluded: selection.excluded,
    notPooled: selection.notPooled,
    notPooledZh: selection.notPooledZh,
    participants: included.every((i) => studies.get(i.record.studyId)?.n != null) && k > 0 ? included.reduce((s, i) => s + studies.get(i.record.studyId)!.n!, 0) : null,
  };
  const rowOf = (i: Included, weight: number): PooledRow => {
    const { yi } = effectOf(i);
    const half = 1.959963984540054 * i.record.logSe!;
    const s = studies.get(i.record.studyId);
    const reportedAs = i.narrower ? { exposure: String(i.record.exposureGroup), reference: String(i.record.referenceGroup) } : null;
    return {
      id: i.record.id,
      studyId: i.record.studyId,
      study: i.record.studyShortName,
      year: s?.year ?? null,
      n: s?.n ?? null,
      estimate: Math.exp(yi),
      ciLower: Math.exp(yi - half),
      ciUpper: Math.exp(yi + half),
      inverted: i.inverted,
      narrower: i.narrower,
      reportedAs,
      weight,
      subgroup: subgroupOf(i, options.by, studies),
      label: pooledRowLabel({ study: i.record.studyShortName, inverted: i.inverted, reportedAs }),
    };
  };
  if (k < 2) {
    return {
      ...empty,
      estimate: null, ciLower: null, ciUpper: null, piLower: null, piUpper: null, p: null,
      tau2: null, tau2CiLower: null, tau2CiUpper: null, tau2CiAtSearchLimit: null, hksjFactor: null, i2: null, h2: null, q: null, qDf: null, qP: null,
      weights: [],
      rows: included.map((i) => rowOf(i, 100)),
      refused:
        k === 0
          ? "No estimate can be pooled: no record here is a ratio with a confidence interval for one comparison."
          : "Only one usable estimate: nothing to pool. It is shown as it stands.",
      refusal: { code: k === 0 ? "none" : "one" },
      leaveOneOut: [],
    };
  }
  const input = { yi: included.map((i) => effectOf(i).yi), vi: included.map((i) => effectOf(i).vi), ids: included.map((i) => i.record.id) };
  const fit = metaAnalysis(input, statsOptions(options));
  const pooled = ratio(fit);
  const weights = included.map((i, n) => ({ id: i.record.id, weight: fit.weights[n]! }));
  const result: PoolResult = {
    ...empty,
    ...pooled,
    p: fit.p,
    tau2: fit.tau2,
    tau2CiLower: fit.tau2CiLower,
    tau2CiUpper: fit.tau2CiUpper,
    tau2CiAtSearchLimit: fit.tau2CiAtSearchLimit,
    hksjFactor: options.ci === "wald" ? null : fit.se / Math.sqrt(1 / included.reduce((s, _i, n) => s + 1 / (input.vi[n]! + fit.tau2), 0)),
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    qDf: fit.qDf,
    qP: fit.qP,
    weights,
    rows: included.map((i, n) => rowOf(i, fit.weights[n]!)),
    refused: null,
    refusal: null,
    leaveOneOut:
      k >= 3 && options.leaveOneOut !== false
        ? leaveOneOut(input, statsOptions(options)).map((l) => {
            const r = ratio(l.result);
            return { omitted: l.omittedId!, study: included[l.omittedIndex]!.record.studyShortName, estimate: r.estimate, ciLower: r.ciLower, ciUpper: r.ciUpper, i2: l.result.i2, tau2: l.result.tau2 };
          })
        : [],
  };
  if (options.by) {
    const groups = included.map((i) => subgroupOf(i, options.by, studies) ?? "not stated");
    const sg = subgroupAnalysis({ ...input, groups }, statsOptions(options));
    result.subgroups = sg.subgroups.map((g) => {
      const r = ratio(g.result);
      return { group: g.group, k: g.result.k, ...r, i2: g.result.i2, tau2: g.result.tau2 };
    });
    result.subgroupTest = sg.qBetween === null ? null : { q: sg.qBetween, df: sg.dfBetween!, p: sg.pBetween! };
  }
  return result;
}
