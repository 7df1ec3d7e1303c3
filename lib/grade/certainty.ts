// Certainty of evidence (GRADE), domain by domain, as pure functions. Each domain answers
// { rating, levels, reason, numbers }: the rating in GRADE's words, how many levels it lowers
// certainty, a reason a panel can read, and the figures that triggered it. Rules and their sources:
// - starting level: randomised trials high, observational studies low for intervention questions;
//   longitudinal cohorts high for prognostic-factor questions (Iorio A et al., BMJ 2015;350:h870);
// - risk of bias: each study's overall judgement weighted by its weight in the pool; a study not
//   assessed counts as "some concerns", never silently as low (GRADE handbook 5.2);
// - inconsistency: I², the prediction interval against the thresholds, estimates on both sides of
//   the line of no effect; not applicable to a single study (Guyatt GH et al., J Clin Epidemiol 2011;64:1294);
// - indirectness: population, factor or setting other than the question's, or evidence known only
//   from a secondary report (Guyatt 2011;64:1303);
// - imprecision: the CI against the thresholds of an important effect and against no effect, and
//   the optimal information size (Schünemann HJ et al., J Clin Epidemiol 2022;150:225);
// - publication bias: not assessable below 10 studies; Egger's test from 10 (Sterne JAC, BMJ 2011;343:d4002);
// - rating up for a large effect (ratio beyond 2 or 0.5; beyond 5 or 0.2) where certainty started
//   below high and risk of bias is not serious (Guyatt 2011;64:1311).
import tCdf from "@stdlib/stats-base-dists-t-cdf";

export const CERTAINTY = ["very low", "low", "moderate", "high"] as const;
export type Certainty = (typeof CERTAINTY)[number];
export type Rating = "not serious" | "serious" | "very serious" | "extremely serious" | "not applicable";
export type DomainJudgement = {
  rating: Rating;
  levels: number;
  reason: string;
  numbers: Record<string, number | string | null>;
  /** Set where a curator's override replaced the computed rating (the computed one is kept here). */
  override?: { reason: string; computed: { rating: Rating; levels: number; reason: string } };
};
export type Upgrade = { reason: string; levels: number };

const RATING_BY_LEVELS: Rating[] = ["not serious", "serious", "very serious", "extremely serious"];
const judged = (levels: number, reason: string, numbers: DomainJudgement["numbers"]): DomainJudgement => ({ rating: RATING_BY_LEVELS[levels]!, levels, reason, numbers });
const pct = (x: number) => `${Math.round(x)}%`;
const fmt = (x: number | null, d = 2) => (x === null ? "—" : x.toFixed(d));

/** An estimate with its weight in the evidence (percent; equal shares where nothing was pooled). */
export type WeightedStudy = { studyId: string; study: string; weight: number };

// ---------------------------------------------------------------- starting level
const RANDOMISED = new Set(["rct-phase3", "rct-phase2", "rct-phase-not-stated", "pooled-rct-analysis"]);

/** The reasons below in Chinese for locale "zh" (GRADE's Chinese wording); English otherwise. Numbers, study names and ids stay as they are. */
export type ReasonLocale = "en" | "zh";

export function startingLevel(kind: "prognostic" | "intervention", designs: { design: string; weight: number }[], locale: ReasonLocale = "en"): { level: Certainty; reason: string } {
  const zh = locale === "zh";
  if (kind === "prognostic")
    return { level: "high", reason: zh ? "预后因素问题：纵向队列研究从高确定性起评（GRADE 预后指南，Iorio 2015）。" : "Prognostic-factor question: longitudinal cohort studies start at high certainty (GRADE for prognosis, Iorio 2015)." };
  const total = designs.reduce((s, d) => s + d.weight, 0) || 1;
  const randomisedShare = designs.filter((d) => RANDOMISED.has(d.design)).reduce((s, d) => s + d.weight, 0) / total;
  return randomisedShare >= 0.5
    ? { level: "high", reason: zh ? `干预问题：${pct(randomisedShare * 100)} 的权重来自随机对照试验，从高确定性起评。` : `Intervention question: ${pct(randomisedShare * 100)} of the weight comes from randomised trials, which start at high certainty.` }
    : { level: "low", reason: zh ? `干预问题：大部分权重（${pct((1 - randomisedShare) * 100)}）来自非随机研究，从低确定性起评。` : `Intervention question: most of the weight (${pct((1 - randomisedShare) * 100)}) comes from non-randomised studies, which start at low certainty.` };
}

// ---------------------------------------------------------------- risk of bias
/**
 * How much a study's overall risk-of-bias judgement weighs against certainty: low 0, moderate or some
 * concerns 0.5, high or serious 1, critical 2; null where not assessed.
 */
export function seriousness(judgement: string | null): number | null {
  if (judgement === null) return null;
  if (judgement === "low") return 0;
  if (judgement === "moderate" || judgement === "some-concerns") return 0.5;
  if (judgement === "high" || judgement === "serious") return 1;
  if (judgement === "critical") return 2;
  return null;
}

/** A study not assessed weighs as a high risk of bias: never silently low. */
const NOT_ASSESSED = 1;

export function riskOfBias(studies: (WeightedStudy & { judgement: string | null; tool: string | null })[], locale: ReasonLocale = "en"): DomainJudgement {
  const zh = locale === "zh";
  if (studies.length === 0) return judged(0, zh ? "没有研究提供估计值。" : "No study contributes an estimate.", {});
  const total = studies.reduce((s, x) => s + x.weight, 0) || 1;
  let weighted = 0;
  const share: Record<string, number> = {};
  const unassessed: string[] = [];
  for (const s of studies) {
    const v = seriousness(s.judgement);
    const key = v === null ? "not assessed" : (s.judgement ?? "not assessed");
    share[key] = (share[key] ?? 0) + (100 * s.weight) / total;
    if (v === null) unassessed.push(s.study);
    weighted += ((v ?? NOT_ASSESSED) * s.weight) / total;
  }
  // Most of the weight at high risk (or some concerns mixed with high) lowers one level; most at critical risk, two.
  const levels = weighted < 0.6 ? 0 : weighted < 1.5 ? 1 : 2;
  const parts = Object.entries(share).map(([k, v]) => `${pct(v)} of the weight at ${k} risk`.replace("at not assessed risk", "not assessed"));
  if (zh) {
    const JUDGEMENT_ZH: Record<string, string> = { low: "低", moderate: "中等", "some-concerns": "存在一些问题", high: "高", serious: "严重", critical: "极严重" };
    const partsZh = Object.entries(share).map(([k, v]) => (k === "not assessed" ? `${pct(v)} 的权重未评估` : `${pct(v)} 的权重处于${JUDGEMENT_ZH[k] ?? k}偏倚风险`));
    const reasonZh =
      `${partsZh.join("，")}（加权关注度 ${weighted.toFixed(2)}：低 0，存在一些问题 0.5，高 1，极严重 2）` +
      (unassessed.length ? `；未评估：${unassessed.join("、")}，按高偏倚风险计，而非默认为低` : "") +
      "。";
    return judged(levels, reasonZh, { ...share, weightedSeriousness: Number(weighted.toFixed(3)) });
  }
  const reason =
    `${parts.join(", ")} (weighted concern ${weighted.toFixed(2)}: low 0, some concerns 0.5, high 1, critical 2)` +
    (unassessed.length ? `; not assessed: ${unassessed.join(", ")}, counted as high risk rather than silently low` : "") +
    ".";
  return judged(levels, reason, { ...share, weightedSeriousness: Number(weighted.toFixed(3)) });
}

// ---------------------------------------------------------------- inconsistency
export type PooledFigures = {
  k: number;
  estimate: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  i2: number | null;
  tau2: number | null;
  rows: { estimate: number; ciLower: number; ciUpper: number }[];
};
export type Thresholds = { lower: number; upper: number };

export function inconsistency(p: PooledFigures, t: Thresholds, locale: ReasonLocale = "en"): DomainJudgement {
  const zh = locale === "zh";
  if (p.k < 2 || p.i2 === null)
    return { rating: "not applicable", levels: 0, reason: zh ? `${p.k === 1 ? "仅一项研究" : "无合并估计值"}：无法判断研究间的一致性。` : `${p.k === 1 ? "A single study" : "No pooled estimate"}: consistency across studies cannot be judged.`, numbers: { k: p.k } };
  const above = p.rows.filter((r) => r.ciLower > 1).length;
  const below = p.rows.filter((r) => r.ciUpper < 1).length;
  const bothSides = above > 0 && below > 0;
  const piSpansBoth = p.piLower !== null && p.piUpper !== null && p.piLower < t.lower && p.piUpper > t.upper;
  const numbers = { i2: Number(p.i2.toFixed(1)), tau2: p.tau2, piLower: p.piLower, piUpper: p.piUpper, significantlyAbove1: above, significantlyBelow1: below };
  const pi = p.piLower !== null ? `; prediction interval ${fmt(p.piLower)}–${fmt(p.piUpper)}` : "";
  if (zh) {
    const piZh = p.piLower !== null ? `；预测区间 ${fmt(p.piLower)}–${fmt(p.piUpper)}` : "";
    if (p.i2 >= 75 && bothSides) return judged(2, `I² ${pct(p.i2)}，且有研究在相反方向上显著${piZh}。`, numbers);
    if (p.i2 >= 50 || bothSides) return judged(1, `I² ${pct(p.i2)}${bothSides ? "，有研究在相反方向上显著" : ""}${piZh}。`, numbers);
    if (p.i2 >= 30 && piSpansBoth) return judged(1, `I² ${pct(p.i2)}，且预测区间（${fmt(p.piLower)}–${fmt(p.piUpper)}）跨越重要效应的两个阈值（${t.lower} 和 ${t.upper}）。`, numbers);
    return judged(0, `I² ${pct(p.i2)}；各估计值方向一致${piZh}。`, numbers);
  }
  if (p.i2 >= 75 && bothSides) return judged(2, `I² ${pct(p.i2)} and studies significant in opposite directions${pi}.`, numbers);
  if (p.i2 >= 50 || bothSides) return judged(1, `I² ${pct(p.i2)}${bothSides ? ", studies significant in opposite directions" : ""}${pi}.`, numbers);
  if (p.i2 >= 30 && piSpansBoth) return judged(1, `I² ${pct(p.i2)} and the prediction interval (${fmt(p.piLower)}–${fmt(p.piUpper)}) spans both thresholds of an important effect (${t.lower} and ${t.upper}).`, numbers);
  return judged(0, `I² ${pct(p.i2)}; estimates point the same way${pi}.`, numbers);
}

// ---------------------------------------------------------------- indirectness
export type IndirectReason = "population" | "factor level" | "setting" | "secondary report only";
export function indirectness(studies: (WeightedStudy & { reasons: { why: IndirectReason; detail: string }[] })[], locale: ReasonLocale = "en"): DomainJudgement {
  const zh = locale === "zh";
  if (studies.length === 0) return judged(0, zh ? "没有研究提供估计值。" : "No study contributes an estimate.", {});
  const total = studies.reduce((s, x) => s + x.weight, 0) || 1;
  const indirectShare = (100 * studies.filter((s) => s.reasons.length > 0).reduce((s, x) => s + x.weight, 0)) / total;
  const doubleShare = (100 * studies.filter((s) => s.reasons.length > 1).reduce((s, x) => s + x.weight, 0)) / total;
  const details = studies.filter((s) => s.reasons.length).map((s) => (zh ? `${s.study}：${s.reasons.map((r) => r.detail).join("；")}` : `${s.study}: ${s.reasons.map((r) => r.detail).join("; ")}`));
  const numbers = { indirectWeightPercent: Math.round(indirectShare), severalReasonsWeightPercent: Math.round(doubleShare) };
  if (zh) {
    if (indirectShare < 50) return judged(0, details.length ? `大部分权重为直接证据；${details.join("。")}。` : "人群、因素和情境均与问题相符；全部来自原始报告。", numbers);
    return judged(doubleShare >= 50 ? 2 : 1, `${pct(indirectShare)} 的权重为间接证据：${details.join("。")}。`, numbers);
  }
  if (indirectShare < 50) return judged(0, details.length ? `Most of the weight is direct; ${details.join(". ")}.` : "Population, factor and setting match the question; all from primary reports.", numbers);
  const levels = doubleShare >= 50 ? 2 : 1;
  return judged(levels, `${pct(indirectShare)} of the weight is indirect: ${details.join(". ")}.`, numbers);
}

// ---------------------------------------------------------------- imprecision
export function imprecision(p: PooledFigures, t: Thresholds, participants: number | null, ois = 400, locale: ReasonLocale = "en"): DomainJudgement {
  if (p.estimate === null || p.ciLower === null || p.ciUpper === null)
    if (locale === "zh") return judged(3, "没有研究报告带置信区间的效应量：无法判断效应大小。", { participants });
    else return judged(3, "No study reports an effect size with a confidence interval: the size of the effect cannot be judged.", { participants });
  const crossesLower = p.ciLower < t.lower && p.ciUpper > t.lower;
  const crossesUpper = p.ciLower < t.upper && p.ciUpper > t.upper;
  const crossesNull = p.ciLower < 1 && p.ciUpper > 1;
  const veryWide = p.ciLower < t.lower * t.lower && p.ciUpper > t.upper * t.upper;
  const numbers = { ciLower: p.ciLower, ciUpper: p.ciUpper, thresholdLower: t.lower, thresholdUpper: t.upper, participants, optimalInformationSize: ois };
  let levels = 0;
  if (locale === "zh") {
    let whyZh = `置信区间 ${fmt(p.ciLower)}–${fmt(p.ciUpper)} `;
    if (crossesLower && crossesUpper) {
      levels = veryWide ? 3 : 2;
      whyZh += `同时包含重要获益和重要危害（低于 ${t.lower} 且高于 ${t.upper}）${veryWide ? "，且非常宽" : ""}`;
    } else if (crossesLower || crossesUpper || crossesNull) {
      levels = 1;
      whyZh += crossesNull ? `包含无效应和${crossesLower || crossesUpper ? "重要效应" : "仅微小效应"}` : `跨越重要效应的阈值（${crossesLower ? t.lower : t.upper}）`;
    } else whyZh += `位于重要效应阈值${p.ciLower >= t.upper || p.ciUpper <= t.lower ? "之外" : "之内"}`;
    if (participants !== null && participants < ois && levels === 0) {
      levels = 1;
      whyZh += `，但 ${participants} 名受试者未达到约 ${ois} 的最优信息量（各研究未报告事件数，故以受试者人数代替）`;
    } else if (participants !== null && participants < ois) whyZh += `；${participants} 名受试者，少于约 ${ois} 的最优信息量`;
    return judged(levels, `${whyZh}。`, numbers);
  }
  let why = `The CI ${fmt(p.ciLower)}–${fmt(p.ciUpper)} `;
  if (crossesLower && crossesUpper) {
    levels = veryWide ? 3 : 2;
    why += `includes both an important benefit and an important harm (below ${t.lower} and above ${t.upper})${veryWide ? ", and is very wide" : ""}`;
  } else if (crossesLower || crossesUpper || crossesNull) {
    levels = 1;
    why += crossesNull ? `includes no effect and ${crossesLower || crossesUpper ? "an important effect" : "only small effects"}` : `crosses the threshold of an important effect (${crossesLower ? t.lower : t.upper})`;
  } else why += `lies ${p.ciLower >= t.upper || p.ciUpper <= t.lower ? "beyond" : "within"} the thresholds of an important effect`;
  if (participants !== null && participants < ois && levels === 0) {
    levels = 1;
    why += `, but ${participants} participants fall short of an optimal information size of about ${ois} (events are not reported across studies, so participants stand in)`;
  } else if (participants !== null && participants < ois) why += `; ${participants} participants, fewer than an optimal information size of about ${ois}`;
  return judged(levels, `${why}.`, numbers);
}

// ---------------------------------------------------------------- publication bias
/** Egger's regression test for small-study effects: standardised effect on precision, the intercept's two-sided p. */
export function eggerTest(yi: number[], sei: number[]): { intercept: number; p: number } {
  const k = yi.length;
  const x = sei.map((s) => 1 / s);
  const y = yi.map((v, i) => v / sei[i]!);
  const mx = x.reduce((a, b) => a + b, 0) / k;
  const my = y.reduce((a, b) => a + b, 0) / k;
  const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
  const slope = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / sxx;
  const intercept = my - slope * mx;
  const rss = y.reduce((a, v, i) => a + (v - intercept - slope * x[i]!) ** 2, 0);
  const s2 = rss / (k - 2);
  const seIntercept = Math.sqrt(s2 * (1 / k + (mx * mx) / sxx));
  const tStat = intercept / seIntercept;
  return { intercept, p: 2 * (1 - tCdf(Math.abs(tStat), k - 2)) };
}

export function publicationBias(yi: number[], sei: number[], locale: ReasonLocale = "en"): DomainJudgement {
  const k = yi.length;
  if (k < 10 && locale === "zh") return { rating: "not applicable", levels: 0, reason: `无法评估：${k} 项研究（漏斗图或小研究效应检验至少需要 10 项）。`, numbers: { k } };
  if (k < 10)
    return { rating: "not applicable", levels: 0, reason: `Not assessable: ${k} ${k === 1 ? "study" : "studies"} (a funnel plot or small-study test needs at least 10).`, numbers: { k } };
  const egger = eggerTest(yi, sei);
  const numbers = { k, eggerIntercept: Number(egger.intercept.toFixed(3)), eggerP: Number(egger.p.toFixed(4)) };
  if (locale === "zh")
    return egger.p < 0.1
      ? judged(1, `Egger 检验提示存在小研究效应（截距 ${egger.intercept.toFixed(2)}，p ${egger.p.toFixed(3)}）。`, numbers)
      : judged(0, `Egger 检验未显示小研究效应（p ${egger.p.toFixed(2)}）。`, numbers);
  return egger.p < 0.1 ? judged(1, `Egger's test suggests small-study effects (intercept ${egger.intercept.toFixed(2)}, p ${egger.p.toFixed(3)}).`, numbers) : judged(0, `Egger's test shows no small-study effect (p ${egger.p.toFixed(2)}).`, numbers);
}

// ---------------------------------------------------------------- rating up
export function upgrades(start: Certainty, riskOfBiasLevels: number, p: PooledFigures, locale: ReasonLocale = "en"): Upgrade[] {
  if (start === "high" || riskOfBiasLevels > 0 || p.ciLower === null || p.ciUpper === null) return [];
  const beyond = (a: number) => p.ciLower! > a || p.ciUpper! < 1 / a;
  if (locale === "zh" && beyond(5)) return [{ reason: `效应非常大：整个置信区间（${fmt(p.ciLower)}–${fmt(p.ciUpper)}）位于 5 或 0.2 之外。`, levels: 2 }];
  if (locale === "zh" && beyond(2)) return [{ reason: `效应大：整个置信区间（${fmt(p.ciLower)}–${fmt(p.ciUpper)}）位于 2 或 0.5 之外。`, levels: 1 }];
  if (beyond(5)) return [{ reason: `Very large effect: the whole CI (${fmt(p.ciLower)}–${fmt(p.ciUpper)}) lies beyond 5 or 0.2.`, levels: 2 }];
  if (beyond(2)) return [{ reason: `Large effect: the whole CI (${fmt(p.ciLower)}–${fmt(p.ciUpper)}) lies beyond 2 or 0.5.`, levels: 1 }];
  return [];
}

// ---------------------------------------------------------------- overrides and the sum
export type Domains = { riskOfBias: DomainJudgement; inconsistency: DomainJudgement; indirectness: DomainJudgement; imprecision: DomainJudgement; publicationBias: DomainJudgement };
export type Override = { domain: keyof Domains; rating: Rating; levels: number; reason: string };

export function applyOverrides(domains: Domains, overrides: Override[]): Domains {
  const out = { ...domains };
  for (const o of overrides) {
    const computed = out[o.domain];
    out[o.domain] = { rating: o.rating, levels: o.levels, reason: o.reason, numbers: computed.numbers, override: { reason: o.reason, computed: { rating: computed.rating, levels: computed.levels, reason: computed.reason } } };
  }
  return out;
}

/** The certainty levels in GRADE's Chinese wording (as messages/zh.json sof.certainty). */
export const CERTAINTY_ZH: Record<Certainty, string> = { high: "高", moderate: "中", low: "低", "very low": "极低" };

/** Start, minus the levels down, plus the levels up, bounded to very low … high; and how the sum was made. */
export function certaintyOf(start: Certainty, domains: Domains, ups: Upgrade[], locale: ReasonLocale = "en"): { certainty: Certainty; arithmetic: string } {
  const down = Object.values(domains).reduce((s, d) => s + d.levels, 0);
  const up = ups.reduce((s, u) => s + u.levels, 0);
  const raw = CERTAINTY.indexOf(start) - down + up;
  const bounded = Math.max(0, Math.min(3, raw));
  const certainty = CERTAINTY[bounded]!;
  if (locale === "zh")
    return {
      certainty,
      arithmetic: `${CERTAINTY_ZH[start]}（起始）− 降 ${down} 级 + 升 ${up} 级 = ${CERTAINTY_ZH[certainty]}${raw !== bounded ? `（已取边界：总和${raw < 0 ? "低于“极低”" : "高于“高”"}）` : ""}`,
    };
  return { certainty, arithmetic: `${start} (start) − ${down} level${down === 1 ? "" : "s"} down + ${up} up = ${certainty}${raw !== bounded ? ` (bounded: the sum falls ${raw < 0 ? "below very low" : "above high"})` : ""}` };
}
