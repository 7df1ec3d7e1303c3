// The methods paragraph under a pooled result, ready to paste into a guideline appendix.
import type { PoolResult } from "./pool";
import { settingLabel } from "./context";

const METHOD_WORDS: Record<PoolResult["method"], string> = {
  REML: "a random-effects model with the restricted maximum-likelihood (REML) estimator of between-study variance (τ²)",
  DL: "a random-effects model with the DerSimonian–Laird estimator of τ²",
  PM: "a random-effects model with the Paule–Mandel estimator of τ²",
  FE: "a fixed-effect (inverse-variance) model",
};

/** Extremes as a reader can use them: "<0.001", ">1000". */
const fmt = (x: number | null, d = 2) => (x === null ? "—" : x < 0.001 && x > 0 ? "<0.001" : x > 1000 ? ">1000" : x.toFixed(d));

const METHOD_WORDS_ZH: Record<PoolResult["method"], string> = {
  REML: "随机效应模型，以限制性最大似然（REML）法估计研究间方差（τ²）",
  DL: "随机效应模型，以 DerSimonian–Laird 法估计 τ²",
  PM: "随机效应模型，以 Paule–Mandel 法估计 τ²",
  FE: "固定效应（逆方差）模型",
};
const ANALYSIS_ZH: Record<string, string> = { multivariable: "校正（多因素）", univariable: "未校正（单因素）", randomised: "随机对照" };

type MethodsContext = {
  datasetVersion: string;
  endpointLabel: string;
  exposureLabel: string;
  referenceLabel: string;
  /** "zh": the paragraph in Chinese, with each set-aside record's reason as `reasonOf` gives it and the refusal as `refused`. */
  locale?: "en" | "zh";
  reasonOf?: (e: PoolResult["excluded"][number]) => string;
  refused?: string;
};

export function methodsParagraph(r: PoolResult, ctx: MethodsContext): string {
  if (ctx.locale === "zh") return methodsParagraphZh(r, ctx);
  const reasons = new Map<string, number>();
  for (const e of r.excluded) {
    const reason = e.reason.replace(/ \[[^\]]*\]$/, "").replace(/ \(.*$/, "").replace(/:.*$/, "");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const excluded = [...reasons.entries()].map(([why, n]) => `${n} ${why}`).join("; ");
  if (r.refused)
    return `No pooled estimate: ${r.refused} Records considered: ${r.k + r.excluded.length}; set aside: ${excluded || "none"}. Dataset version ${ctx.datasetVersion}.`;
  const ci =
    r.ci === "wald"
      ? "Wald-type confidence intervals (normal distribution)"
      : `Hartung–Knapp–Sidik–Jonkman confidence intervals (t distribution with k−1 degrees of freedom, ${r.ci === "hksj-truncated" ? "the adjustment factor truncated at 1" : "not truncated"})`;
  const pi = r.method === "FE" ? "No prediction interval is given for a fixed-effect model." : `The 95% prediction interval uses the ${r.ci !== "wald" ? "t distribution with k−1 degrees of freedom and the Hartung–Knapp standard error" : "normal distribution"} (as metafor's predict()).`;
  return [
    `${r.k} ${r.measure === "HR" ? "hazard" : r.measure === "OR" ? "odds" : "risk"} ratios for ${ctx.endpointLabel.toLowerCase()} (${ctx.exposureLabel} vs ${ctx.referenceLabel}${r.setting ? `; setting: ${r.setting}` : ""}; ${r.analysis ?? "any"} estimates${r.participants !== null ? `; ${r.participants} participants` : ""}) were pooled on the log scale by inverse-variance weighting in ${METHOD_WORDS[r.method]}, with ${ci}.`,
    `Each study's standard error was derived from its printed confidence interval as (ln upper − ln lower)/(2 × 1.96); ${r.inverted.length ? `${r.inverted.length} estimate(s) reported as the reciprocal comparison were inverted; ` : ""}one estimate was used per cohort (the most direct source and the latest report).`,
    `Heterogeneity: τ² with its Q-profile confidence interval, I² and H² computed from τ², and Cochran's Q. ${pi}`,
    `Pooled ${r.measure} ${fmt(r.estimate)} (95% CI ${fmt(r.ciLower)}–${fmt(r.ciUpper)})${r.piLower !== null ? `, prediction interval ${fmt(r.piLower)}–${fmt(r.piUpper)}` : ""}; τ² ${fmt(r.tau2, 3)} (${fmt(r.tau2CiLower, 3)}–${fmt(r.tau2CiUpper, 3)}), I² ${fmt(r.i2, 0)}%, Q ${fmt(r.q)} on ${r.qDf} df (p ${r.qP !== null && r.qP < 0.001 ? "<0.001" : fmt(r.qP, 3)}).`,
    `Computed by this evidence database (lib/stats/meta-analysis.ts, checked against R metafor 3.8 to 1e-4), dataset version ${ctx.datasetVersion}.`,
    excluded ? `Records set aside: ${excluded}.` : "No record was set aside.",
  ].join(" ");
}

/** The same paragraph in Chinese: the same figures, the same order. */
function methodsParagraphZh(r: PoolResult, ctx: MethodsContext): string {
  const reasons = new Map<string, number>();
  for (const e of r.excluded) {
    const reason = (ctx.reasonOf ? ctx.reasonOf(e) : e.reason).replace(/ \[[^\]]*\]$/, "").replace(/[；：].*$/, "");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const excluded = [...reasons.entries()].map(([why, n]) => `${n} 条${why}`).join("；");
  if (r.refused)
    return `无合并估计值：${ctx.refused ?? r.refused}纳入考虑的记录：${r.k + r.excluded.length} 条；排除：${excluded || "无"}。数据集版本 ${ctx.datasetVersion}。`;
  const ci =
    r.ci === "wald"
      ? "Wald 型置信区间（正态分布）"
      : `Hartung–Knapp–Sidik–Jonkman 置信区间（自由度为 k−1 的 t 分布，${r.ci === "hksj-truncated" ? "调整因子在 1 处截断" : "未截断"}）`;
  const pi = r.method === "FE" ? "固定效应模型不给出预测区间。" : `95% 预测区间采用${r.ci !== "wald" ? "自由度为 k−1 的 t 分布和 Hartung–Knapp 标准误" : "正态分布"}（同 metafor 的 predict()）。`;
  const measure = r.measure === "HR" ? "风险比" : r.measure === "OR" ? "比值比" : "相对危险度";
  return [
    `在对数尺度上以逆方差加权合并了 ${r.k} 个${measure}（${ctx.endpointLabel}；${ctx.exposureLabel} 对比 ${ctx.referenceLabel}${r.setting ? `；临床情境：${settingLabel(r.setting, "zh")}` : ""}；${r.analysis ? (ANALYSIS_ZH[r.analysis] ?? r.analysis) : "任意分析类型的"}估计值${r.participants !== null ? `；${r.participants} 名受试者` : ""}），采用${METHOD_WORDS_ZH[r.method]}，并给出${ci}。`,
    `各研究的标准误由其印刷的置信区间推算：(ln 上限 − ln 下限)/(2 × 1.96)；${r.inverted.length ? `${r.inverted.length} 个以相反比较方向报告的估计值已取倒数；` : ""}每个队列只采用一个估计值（最直接的来源和最新的报告）。`,
    `异质性：τ² 及其 Q-profile 置信区间、由 τ² 计算的 I² 和 H²，以及 Cochran Q。${pi}`,
    `合并 ${r.measure} ${fmt(r.estimate)}（95% CI ${fmt(r.ciLower)}–${fmt(r.ciUpper)}）${r.piLower !== null ? `，预测区间 ${fmt(r.piLower)}–${fmt(r.piUpper)}` : ""}；τ² ${fmt(r.tau2, 3)}（${fmt(r.tau2CiLower, 3)}–${fmt(r.tau2CiUpper, 3)}），I² ${fmt(r.i2, 0)}%，Q ${fmt(r.q)}，自由度 ${r.qDf}（p ${r.qP !== null && r.qP < 0.001 ? "<0.001" : fmt(r.qP, 3)}）。`,
    `由本证据数据库计算（lib/stats/meta-analysis.ts，已与 R metafor 3.8 核对至 1e-4），数据集版本 ${ctx.datasetVersion}。`,
    excluded ? `排除的记录：${excluded}。` : "没有记录被排除。",
  ].join("");
}
