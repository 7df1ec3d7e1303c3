// A Summary-of-Findings row for one outcome of one question, built from the records: which records
// answer it, the pooled effect where pooling is allowed (lib/pooling), certainty domain by domain
// (./certainty), the absolute effect from the comparator's baseline, and GRADE's informative
// statement. Pure: records, study facts and assessments in, the row out.
import type { EffectRecord } from "../domain/records";
import { DIRECTION_ZH, unitText } from "../domain/sentence";
import { settingLabel } from "../pooling/context";
import type { QuestionContent, RiskOfBiasContent } from "../content/schema";
import { poolRecords, type PoolResult } from "../pooling/pool";
import type { PoolingContext } from "../pooling/context";
import { matchComparison, type Excluded, type StudyFacts } from "../pooling/select";
import {
  applyOverrides,
  certaintyOf,
  imprecision,
  inconsistency,
  indirectness,
  publicationBias,
  riskOfBias,
  seriousness,
  startingLevel,
  upgrades,
  type Certainty,
  type Domains,
  type IndirectReason,
  type Upgrade,
} from "./certainty";

export type QuestionOutcome = QuestionContent["outcomes"][number];

export type SofRow = {
  outcome: string;
  outcomeLabel: string;
  importance: "critical" | "important";
  measure: string | null;
  studies: number;
  participants: number | null;
  effect: {
    kind: "pooled" | "single" | "none";
    text: string;
    estimate: number | null;
    ciLower: number | null;
    ciUpper: number | null;
    piLower: number | null;
    piUpper: number | null;
    /** Ratio estimates of this outcome that were not pooled, and why. */
    /** `code` and `values`: the pooling reason as a message key (pool.reasons.<code>) for the Chinese interface. */
    setAside: { id: string; study: string; text: string; reason: string; code: Excluded["code"]; values?: Record<string, string> }[];
  };
  absolute: { text: string; assumption: string; baselineRecord: string } | null;
  certainty: Certainty;
  certaintyArithmetic: string;
  startingLevel: Certainty;
  startingReason: string;
  domains: Domains & { upgrades: Upgrade[] };
  statement: string;
  recordIds: string[];
  includedIds: string[];
  /** The records the row rests on: those pooled, or, where none, the p-only, direction and difference records. */
  evidenceIds: string[];
  pool: Pick<PoolResult, "k" | "method" | "ci" | "tau2" | "i2" | "q" | "qP" | "refused" | "comparison" | "setting" | "analysis">;
};

export type SofContext = {
  pooling: PoolingContext;
  studies: Map<string, StudyFacts>;
  riskOfBias: Map<string, RiskOfBiasContent>;
  /** Every record, to find an outcome's candidates and the baseline record. */
  records: EffectRecord[];
  endpointLabel: (code: string) => string;
  groupLabel: (code: string) => string;
  /** "zh": the statement in Chinese (GRADE's Chinese wording); English when absent. */
  locale?: "en" | "zh";
};

const RATIO = new Set(["HR", "OR", "RR"]);
/** "Not selected by RAS status" inside a sentence; acronyms ("RAS-mutant") keep their case. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The records that can answer an outcome: its endpoint, within the question's groups, treatments and studies. */
export function candidatesFor(q: QuestionContent, o: QuestionOutcome, ctx: SofContext): EffectRecord[] {
  const { within } = ctx.pooling;
  return ctx.records.filter((e) => {
    if (e.endpoint !== o.endpoint) return false;
    if (o.measure && e.kind === "contrast" && e.measure && RATIO.has(e.measure) && e.measure !== o.measure) return false;
    if (q.filters.group.length && !e.molecularGroups.some((g) => q.filters.group.some((f) => within(g, f)))) return false;
    if (q.filters.treatment.length && ![e.treatment, e.referenceTreatment].some((t) => t !== null && q.filters.treatment.some((f) => within(t, f)))) return false;
    if (q.filters.study.length && !q.filters.study.includes(e.studyId)) return false;
    return true;
  });
}

/** A study's risk-of-bias judgement for one outcome: the overall one, raised by any outcome exception. */
export function judgementFor(a: RiskOfBiasContent | undefined, outcome: string): string | null {
  if (!a || a.tool === "none") return null;
  let worst = a.overall.judgement;
  for (const x of a.outcomeExceptions)
    if (x.outcome === outcome && (seriousness(x.judgement) ?? -1) > (seriousness(worst) ?? -1)) worst = x.judgement;
  return worst === "not-applicable" ? null : worst;
}

function indirectReasons(q: QuestionContent, e: EffectRecord, narrower: boolean, setting: string | null, ctx: SofContext): { why: IndirectReason; detail: string }[] {
  const out: { why: IndirectReason; detail: string }[] = [];
  if (ctx.locale === "zh") {
    if (q.populationGroup && !e.molecularGroups.every((g) => ctx.pooling.within(g, q.populationGroup!)))
      out.push({ why: "population", detail: `人群为${e.molecularGroups.map((g) => ctx.groupLabel(g)).join("、") || "未说明"}，而非仅${ctx.groupLabel(q.populationGroup)}` });
    if (narrower && q.kind === "prognostic") out.push({ why: "factor level", detail: `因素报告为 ${ctx.groupLabel(e.exposureGroup ?? "")} 对比 ${ctx.groupLabel(e.referenceGroup ?? "")}` });
    if (q.setting && setting && setting !== q.setting) out.push({ why: "setting", detail: `临床情境为${settingLabel(setting, "zh")}，而非${settingLabel(q.setting, "zh")}` });
    if (e.sourceLevel === "secondary") out.push({ why: "secondary report only", detail: `仅见于二手报告（${e.publication}）` });
    return out;
  }
  if (q.populationGroup && !e.molecularGroups.every((g) => ctx.pooling.within(g, q.populationGroup!)))
    out.push({ why: "population", detail: `population ${e.molecularGroups.map((g) => lowerFirst(ctx.groupLabel(g))).join(", ") || "not stated"}, not ${ctx.groupLabel(q.populationGroup)} only` });
  if (narrower && q.kind === "prognostic") out.push({ why: "factor level", detail: `factor reported as ${ctx.groupLabel(e.exposureGroup ?? "")} vs ${ctx.groupLabel(e.referenceGroup ?? "")}` });
  if (q.setting && setting && setting !== q.setting) out.push({ why: "setting", detail: `setting ${setting}, not ${q.setting}` });
  if (e.sourceLevel === "secondary") out.push({ why: "secondary report only", detail: `known only from a secondary report (${e.publication})` });
  return out;
}

function briefFigure(e: EffectRecord): string {
  return `${e.measure} ${e.valueText}${e.ciLowerText ? ` (${e.ciLowerText}–${e.ciUpperText})` : ""}`;
}

/**
 * Absolute effect from the comparator's baseline: per 1,000 for proportions, medians under proportional hazards.
 * `locale` "zh": the same figures in Chinese (GRADE's "每 1000 人多 X 例"); the study and locator as printed.
 */
export function absoluteEffect(measure: string, est: { estimate: number; ciLower: number; ciUpper: number }, baseline: EffectRecord, words: { exposure: string; reference: string }, locale: "en" | "zh" = "en"): SofRow["absolute"] {
  if (baseline.value === null) return null;
  const zh = locale === "zh";
  if (measure === "HR" && baseline.measure === "median") {
    const m0 = baseline.value;
    const unit = baseline.unit ?? "months";
    // Exponential survival under proportional hazards: the median scales with 1/HR.
    const m1 = m0 / est.estimate;
    if (zh) {
      const u = unitText(unit, "zh");
      return {
        text: `${words.reference}：中位数 ${fmt(m0)} ${u}；${words.exposure}：${fmt(m1)} ${u}（${fmt(m0 / est.ciUpper)} 至 ${fmt(m0 / est.ciLower)}）`,
        assumption: `假设比例风险且生存时间服从指数分布：以对照组的中位数（${baseline.studyShortName}，${baseline.locator}）除以风险比。`,
        baselineRecord: baseline.id,
      };
    }
    return {
      text: `Median ${fmt(m0)} ${unit} with ${words.reference}; ${fmt(m1)} ${unit} with ${words.exposure} (${fmt(m0 / est.ciUpper)} to ${fmt(m0 / est.ciLower)})`,
      assumption: `Assumes proportional hazards and exponential survival: the comparator's median (${baseline.studyShortName}, ${baseline.locator}) divided by the hazard ratio.`,
      baselineRecord: baseline.id,
    };
  }
  if ((measure === "OR" || measure === "RR") && baseline.measure === "proportion") {
    const p0 = baseline.value / 100;
    if (p0 <= 0 || p0 >= 1)
      return zh
        ? { text: `无法推算：对照组风险为 ${baseline.valueText}%，比值无法改变此风险`, assumption: "绝对效应需要介于 0% 与 100% 之间的对照组风险。", baselineRecord: baseline.id }
        : { text: `Not derivable: the comparator's risk is ${baseline.valueText}%, where a ratio cannot change it`, assumption: "An absolute effect needs a comparator risk between 0% and 100%.", baselineRecord: baseline.id };
    const risk = (r: number) => (measure === "OR" ? (r * p0) / (1 - p0 + r * p0) : Math.min(1, r * p0));
    const per = (r: number) => Math.round((risk(r) - p0) * 1000);
    const d = per(est.estimate);
    const lo = per(est.ciLower);
    const hi = per(est.ciUpper);
    const sign = (x: number) => (x > 0 ? `${x} more` : x < 0 ? `${-x} fewer` : "none more");
    if (zh) {
      const signZh = (x: number) => (x > 0 ? `多 ${x} 例` : x < 0 ? `少 ${-x} 例` : "不多不少");
      return {
        text: `${words.reference}：每 1000 人 ${Math.round(p0 * 1000)} 例；${words.exposure}：每 1000 人 ${Math.round(risk(est.estimate) * 1000)} 例：每 1000 人${signZh(d)}（从${signZh(lo)}到${signZh(hi)}）`,
        assumption: `对照组风险 ${baseline.valueText}%（${baseline.studyShortName}，${baseline.locator}）；对其应用 ${measure}。`,
        baselineRecord: baseline.id,
      };
    }
    return {
      text: `${Math.round(p0 * 1000)} per 1,000 with ${words.reference}; ${Math.round(risk(est.estimate) * 1000)} per 1,000 with ${words.exposure}: ${sign(d)} per 1,000 (${sign(lo)} to ${sign(hi)})`,
      assumption: `Comparator risk ${baseline.valueText}% (${baseline.studyShortName}, ${baseline.locator}); the ${measure} applied to it.`,
      baselineRecord: baseline.id,
    };
  }
  return null;
}

/** GRADE's wording by certainty: "increases" (high), "probably increases" (moderate), "may increase" (low). */
const VERB: Record<Certainty, { is: string; verb: (third: string, base: string) => string }> = {
  high: { is: "is", verb: (third) => third },
  moderate: { is: "is probably", verb: (third) => `probably ${third}` },
  low: { is: "may be", verb: (_third, base) => `may ${base}` },
  "very low": { is: "", verb: (third) => third },
};

/** GRADE's Chinese wording by certainty: "增加" (high), "可能增加" (moderate), "或许增加" (low). */
const ADVERB_ZH: Record<Certainty, string> = { high: "", moderate: "可能", low: "或许", "very low": "" };

/** GRADE's informative statement (Santesso N et al., J Clin Epidemiol 2020;119:126). */
export function statementFor(
  q: QuestionContent,
  outcomeLabel: string,
  role: string,
  certainty: Certainty,
  est: { estimate: number; ciLower: number; ciUpper: number } | null,
  t: { lower: number; upper: number },
  locale: "en" | "zh" = "en",
): string {
  if (locale === "zh") return statementZh(q, outcomeLabel, role, certainty, est, t);
  const y = /^[A-Z][a-z]/.test(outcomeLabel) ? outcomeLabel.charAt(0).toLowerCase() + outcomeLabel.slice(1) : outcomeLabel;
  const x = q.exposureWords;
  const X = x.charAt(0).toUpperCase() + x.slice(1);
  if (certainty === "very low" || est === null)
    return `The evidence is very uncertain about ${q.kind === "prognostic" ? `the association of ${x} with` : `the effect of ${x} on`} ${y}.`;
  const v = VERB[certainty];
  const small = est.estimate > t.lower && est.estimate < t.upper;
  if (small)
    return q.kind === "prognostic" ? `${X} ${v.is} associated with little or no difference in ${y}.` : `${X} ${v.verb("results", "result")} in little or no difference in ${y}.`;
  const up = est.estimate > 1;
  if (role === "time-to-event") {
    // A hazard ratio above 1: the event comes sooner, so the time (survival) is shorter.
    return q.kind === "prognostic" ? `${X} ${v.is} associated with ${up ? "shorter" : "longer"} ${y}.` : `${X} ${up ? v.verb("shortens", "shorten") : v.verb("prolongs", "prolong")} ${y}.`;
  }
  const more = role === "unfavourable" ? (up ? "a higher risk of" : "a lower risk of") : up ? "a higher rate of" : "a lower rate of";
  return q.kind === "prognostic" ? `${X} ${v.is} associated with ${more} ${y}.` : `${X} ${up ? v.verb("increases", "increase") : v.verb("reduces", "reduce")} ${y}.`;
}

/** The statement in Chinese: the same decisions as statementFor, GRADE's Chinese wording ("证据非常不确定", "可能增加"). */
function statementZh(q: QuestionContent, y: string, role: string, certainty: Certainty, est: { estimate: number; ciLower: number; ciUpper: number } | null, t: { lower: number; upper: number }): string {
  const x = q.exposureWordsZh ?? q.exposureWords;
  if (certainty === "very low" || est === null) return q.kind === "prognostic" ? `${x}与${y}之间关联的证据非常不确定。` : `${x}对${y}影响的证据非常不确定。`;
  const a = ADVERB_ZH[certainty];
  if (est.estimate > t.lower && est.estimate < t.upper) return q.kind === "prognostic" ? `${x}${a}与${y}几乎无关联。` : `${x}${a}对${y}几乎没有影响。`;
  const up = est.estimate > 1;
  if (role === "time-to-event") return q.kind === "prognostic" ? `${x}${a}与${y}${up ? "缩短" : "延长"}相关。` : `${x}${a}${up ? "缩短" : "延长"}${y}。`;
  const more = role === "unfavourable" ? (up ? "风险升高" : "风险降低") : up ? "发生率升高" : "发生率降低";
  return q.kind === "prognostic" ? `${x}${a}与${y}${more}相关。` : `${x}${a}${up ? "增加" : "降低"}${y}。`;
}

export function buildSofRow(q: QuestionContent, o: QuestionOutcome, ctx: SofContext): SofRow {
  const candidates = candidatesFor(q, o, ctx);
  const pool = poolRecords(candidates, ctx.studies, { method: "REML", ci: "hksj", analysis: null, comparison: { exposure: q.exposure, reference: q.reference }, by: null, setting: q.setting }, ctx.pooling);
  const byId = new Map(candidates.map((e) => [e.id, e]));
  const included = pool.rows.map((r) => ({ row: r, record: byId.get(r.id)! }));
  // The evidence: the estimates pooled (or the one estimate); where none, the studies reporting only p-values or directions.
  const comparison = { exposure: q.exposure, reference: q.reference };
  const inScopeOnly = candidates.filter(
    (e) =>
      (e.kind === "p-only" || e.kind === "direction") &&
      e.exposureGroup &&
      e.referenceGroup &&
      matchComparison(e.exposureGroup, e.referenceGroup, comparison, ctx.pooling) !== null &&
      (!q.setting || ctx.pooling.settingOf(e) === q.setting),
  );
  // Differences (RD, MD, percent change) of the same comparison: evidence, though not a ratio to pool.
  const differences = candidates.filter(
    (e) =>
      e.kind === "contrast" &&
      !RATIO.has(e.measure ?? "") &&
      e.exposureGroup &&
      e.referenceGroup &&
      matchComparison(e.exposureGroup, e.referenceGroup, comparison, ctx.pooling) !== null &&
      (!q.setting || ctx.pooling.settingOf(e) === q.setting),
  );
  const otherEvidence = [...inScopeOnly, ...differences];
  const evidence =
    included.length > 0
      ? included.map(({ row, record }) => ({ studyId: record.studyId, study: record.studyShortName, weight: row.weight, record, narrower: row.narrower }))
      : [...new Map(otherEvidence.map((e) => [e.studyId, e])).values()].map((e, _i, all) => ({ studyId: e.studyId, study: e.studyShortName, weight: 100 / all.length, record: e, narrower: false }));
  const studiesCount = new Set(evidence.map((s) => s.studyId)).size;
  const participants = evidence.length && evidence.every((s) => ctx.studies.get(s.studyId)?.n != null) ? [...new Set(evidence.map((s) => s.studyId))].reduce((n, id) => n + ctx.studies.get(id)!.n!, 0) : null;

  const figures = {
    k: pool.k,
    estimate: pool.estimate ?? (pool.rows.length === 1 ? pool.rows[0]!.estimate : null),
    ciLower: pool.ciLower ?? (pool.rows.length === 1 ? pool.rows[0]!.ciLower : null),
    ciUpper: pool.ciUpper ?? (pool.rows.length === 1 ? pool.rows[0]!.ciUpper : null),
    piLower: pool.piLower,
    piUpper: pool.piUpper,
    i2: pool.i2,
    tau2: pool.tau2,
    rows: pool.rows,
  };
  const locale = ctx.locale ?? "en";
  const start = startingLevel(q.kind, evidence.map((s) => ({ design: ctx.studies.get(s.studyId)?.design ?? "not-reported", weight: s.weight })), locale);
  const computed: Domains = {
    riskOfBias: riskOfBias(evidence.map((s) => ({ studyId: s.studyId, study: s.study, weight: s.weight, judgement: judgementFor(ctx.riskOfBias.get(s.studyId), o.endpoint), tool: ctx.riskOfBias.get(s.studyId)?.tool ?? null })), locale),
    inconsistency: inconsistency(figures, o.thresholds, locale),
    indirectness: indirectness(evidence.map((s) => ({ studyId: s.studyId, study: s.study, weight: s.weight, reasons: indirectReasons(q, s.record, s.narrower, pool.setting, ctx) })), locale),
    imprecision: imprecision(figures, o.thresholds, participants, undefined, locale),
    publicationBias: publicationBias(pool.rows.map((r) => Math.log(r.estimate)), pool.rows.map((r) => (Math.log(r.ciUpper) - Math.log(r.ciLower)) / (2 * 1.959963984540054)), locale),
  };
  if (pool.k === 2 && pool.ci === "hksj" && pool.estimate !== null)
    computed.imprecision = { ...computed.imprecision, reason: locale === "zh" ? `${computed.imprecision.reason}仅两项研究时，Hartung–Knapp 区间采用自由度为 1 的 t 分布，区间非常宽。` : `${computed.imprecision.reason} With two studies the Hartung–Knapp interval uses a t distribution with 1 degree of freedom, which is very wide.` };
  const domains = applyOverrides(computed, o.overrides);
  const ups = upgrades(start.level, domains.riskOfBias.levels, figures, locale);
  const { certainty, arithmetic } = certaintyOf(start.level, domains, ups, locale);

  const measure = pool.measure ?? o.measure;
  const setAside = pool.excluded
    .map((x) => ({ x, e: byId.get(x.id)! }))
    .filter(({ e }) => e.kind === "contrast" && e.measure !== null && RATIO.has(e.measure) && e.value !== null && !e.computed)
    .map(({ x, e }) => ({ id: e.id, study: e.studyShortName, text: briefFigure(e), reason: x.reason.replace(/ \[[^\]]*\]$/, ""), code: x.code, ...(x.values ? { values: x.values } : {}) }));
  const est = figures.estimate !== null && figures.ciLower !== null && figures.ciUpper !== null ? { estimate: figures.estimate, ciLower: figures.ciLower, ciUpper: figures.ciUpper } : null;
  const effectText = locale === "zh" ? effectTextZh() : effectTextEn();
  function effectTextZh(): string {
    const fromCounts = (id: string) => byId.get(id)?.computed;
    if (pool.estimate !== null)
      return `${measure} ${fmt(pool.estimate)}（95% CI ${fmt(pool.ciLower!)} 至 ${fmt(pool.ciUpper!)}）${pool.piLower !== null ? `；预测区间 ${fmt(pool.piLower)} 至 ${fmt(pool.piUpper!)}` : ""}；合并 ${pool.k} 项研究（REML，HKSJ）${pool.rows.some((r) => fromCounts(r.id)) ? "；部分估计值由印刷的计数计算得出" : ""}`;
    if (est) return `${measure} ${fmt(est.estimate)}（95% CI ${fmt(est.ciLower)} 至 ${fmt(est.ciUpper)}）${fromCounts(pool.rows[0]!.id) ? "，由印刷的计数计算得出" : ""}；仅一项研究（${pool.rows[0]!.study}），无需合并`;
    if (otherEvidence.length) {
      const items = [
        ...new Set(
          otherEvidence.map(
            (e) =>
              `${e.studyShortName}：${e.kind === "contrast" ? `${e.measure === "percent-change" ? "变化" : "差值"} ${e.valueText}${e.unit ? ` ${unitText(e.unit, "zh")}` : ""}${e.sourceLevel === "secondary" ? "（二手报告）" : ""}` : e.direction ? `方向${DIRECTION_ZH[e.direction] ?? e.direction}` : `p ${e.p}`}`,
          ),
        ),
      ];
      return `无可显示的比值：${studiesCount} 项研究仅报告${differences.length ? "差值、" : ""}P 值或效应方向（${items.join("；")}）`;
    }
    return "没有研究报告此比较的这一结局";
  }
  function effectTextEn(): string {
    return pool.estimate !== null
      ? `${measure} ${fmt(pool.estimate)} (95% CI ${fmt(pool.ciLower!)} to ${fmt(pool.ciUpper!)})${pool.piLower !== null ? `; prediction interval ${fmt(pool.piLower)} to ${fmt(pool.piUpper!)}` : ""}; ${pool.k} studies pooled (REML, HKSJ)${pool.rows.some((r) => byId.get(r.id)?.computed) ? "; some estimates computed from printed counts" : ""}`
      : est
        ? `${measure} ${fmt(est.estimate)} (95% CI ${fmt(est.ciLower)} to ${fmt(est.ciUpper)})${byId.get(pool.rows[0]!.id)?.computed ? ", computed from the printed counts" : ""}; one study (${pool.rows[0]!.study}), nothing to pool`
        : otherEvidence.length
          ? `No ratio to show: ${studiesCount} ${studiesCount === 1 ? "study reports" : "studies report"} only ${differences.length ? "a difference, " : ""}a p-value or a direction (${[
              ...new Set(otherEvidence.map((e) => `${e.studyShortName}: ${e.kind === "contrast" ? `${e.measure === "percent-change" ? "change" : "difference"} ${e.valueText}${e.unit ? ` ${e.unit}` : ""}${e.sourceLevel === "secondary" ? " (secondary report)" : ""}` : (e.direction ?? `p ${e.p}`)}`)),
            ].join("; ")})`
          : "No study reports this outcome for this comparison";
  }
  const baseline = o.baseline ? ctx.records.find((e) => e.id === o.baseline!.record) : undefined;
  const words = { exposure: q.exposureWords.replace(/^(adding|a) /, ""), reference: ctx.groupLabel(q.reference) };
  const absolute = est && baseline && measure ? absoluteEffect(measure, est, baseline, { exposure: ctx.groupLabel(q.exposure), reference: words.reference }, locale) : null;
  const role = candidates[0]?.endpointRole ?? "neutral";
  return {
    outcome: o.endpoint,
    outcomeLabel: ctx.endpointLabel(o.endpoint),
    importance: o.importance,
    measure,
    studies: studiesCount,
    participants,
    effect: { kind: pool.estimate !== null ? "pooled" : est ? "single" : "none", text: effectText, estimate: est?.estimate ?? null, ciLower: est?.ciLower ?? null, ciUpper: est?.ciUpper ?? null, piLower: pool.piLower, piUpper: pool.piUpper, setAside },
    absolute,
    certainty,
    certaintyArithmetic: arithmetic,
    startingLevel: start.level,
    startingReason: start.reason,
    domains: { ...domains, upgrades: ups },
    statement: statementFor(q, ctx.endpointLabel(o.endpoint), role, certainty, est, o.thresholds, ctx.locale ?? "en"),
    recordIds: candidates.map((e) => e.id),
    includedIds: pool.included,
    evidenceIds: included.length ? pool.included : otherEvidence.map((e) => e.id),
    pool: { k: pool.k, method: pool.method, ci: pool.ci, tau2: pool.tau2, i2: pool.i2, q: pool.q, qP: pool.qP, refused: pool.refused, comparison: pool.comparison, setting: pool.setting, analysis: pool.analysis },
  };
}
