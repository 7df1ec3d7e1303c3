// Inverse-variance pooling of study effects (FE, DerSimonian-Laird, REML, Paule-Mandel) with Wald or
// Hartung-Knapp-Sidik-Jonkman intervals, prediction intervals, Q-profile tau^2 CIs, leave-one-out and
// the test for subgroup differences. Pure functions, no I/O.
//
// Every figure follows metafor 3.8-1 (rma.uni, predict, confint, leave1out) and is checked against it:
// lib/stats/fixtures/metafor-dat-bcg.json and lib/stats/fixtures/metafor-extra.json (written by
// scripts/metafor/fixtures.R). Where metafor's numerics are an algorithm rather than a formula, the
// algorithm is mirrored so the figures agree to the last digits, not just to the root-finder's
// tolerance:
// - REML: Fisher scoring from the Hedges (HE) estimate, step halving at tau2 = 0, stop when the
//   change is <= remlThreshold (1e-10 here; metafor's default is 1e-5), at most 100 iterations, then
//   metafor's check that the REML log-likelihood at tau2 = 0 is not higher.
// - PM and the Q-profile CI: R's uniroot (Brent's zeroin, ported below) over metafor's search ranges
//   with metafor's tolerance .Machine$double.eps^0.25 (about 1.2e-4 in tau2), so tau2 agrees with
//   metafor's, not with the exact root; pass rootTolerance for the exact root.
// - HKSJ: the Knapp-Hartung factor is not truncated at 1 unless hksjTruncated (metafor's "adhoc").
import chiSquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import gammainc from "@stdlib/math-base-special-gammainc";
import { logRatioFromCi } from "./effect-sizes";
import { normalCdf, zForLevel } from "./normal";

export type PoolingMethod = "FE" | "DL" | "REML" | "PM";
export type IntervalMethod = "wald" | "hksj";

/** Effects on the analysis scale (log ratio, logit, ...) and their sampling variances. */
export type MetaAnalysisInput = { yi: readonly number[]; vi: readonly number[]; ids?: readonly string[] };

export type MetaAnalysisOptions = {
  method: PoolingMethod;
  ci: IntervalMethod;
  /** Knapp-Hartung factor floored at 1 (metafor test = "adhoc"); default false, as metafor's "knha". */
  hksjTruncated?: boolean;
  /** Confidence level in percent, for the CI, the PI and the tau^2 CI. */
  level?: number;
  /** REML convergence threshold on the change in tau^2. */
  remlThreshold?: number;
  /** uniroot tolerance for PM and the Q-profile CI, and metafor's REML log-likelihood check (control$tol). */
  rootTolerance?: number;
};

export type MetaAnalysisResult = {
  k: number;
  method: PoolingMethod;
  /** The interval actually used: "wald" whenever k = 1. */
  ci: IntervalMethod;
  hksjTruncated: boolean;
  level: number;
  estimate: number;
  /** The SE the CI uses (scaled by the Knapp-Hartung factor under hksj). */
  se: number;
  ciLower: number;
  ciUpper: number;
  /** Degrees of freedom of the t distribution under hksj (k - 1); null for the normal. */
  df: number | null;
  zOrT: number;
  p: number;
  /** null for FE and for k = 1. */
  piLower: number | null;
  piUpper: number | null;
  tau2: number;
  /** Q-profile; null for FE and for k = 1. */
  tau2CiLower: number | null;
  tau2CiUpper: number | null;
  /** A tau^2 bound is the search limit max(100, 10 tau2), not a crossing (metafor prints it with ">"). */
  tau2CiAtSearchLimit: boolean | null;
  /** Percent. */
  i2: number;
  h2: number;
  q: number;
  qDf: number;
  qP: number;
  /** Percent of the total weight 1/(vi + tau2), in input order; sums to 100. */
  weights: number[];
};

/** R's .Machine$double.eps^0.25: uniroot's default tolerance, which metafor uses as control$tol. */
export const METAFOR_ROOT_TOLERANCE = Number.EPSILON ** 0.25;
export const DEFAULT_REML_THRESHOLD = 1e-10;
// metafor's control$maxiter for rma() (Fisher scoring and PM's uniroot) and confint()'s for the Q-profile.
const REML_MAX_ITERATIONS = 100;
const PM_MAX_ITERATIONS = 100;
const QPROFILE_MAX_ITERATIONS = 1000;
// metafor's lower end of every tau^2 search (control$tau2.min) and the least upper end (tau2.max).
const TAU2_SEARCH_MIN = 0;
const TAU2_SEARCH_MAX = 100;

type Study = { y: number; v: number };

function studiesOf(input: MetaAnalysisInput): Study[] {
  const { yi, vi, ids } = input;
  if (yi.length !== vi.length) throw new RangeError(`yi has ${yi.length} values but vi has ${vi.length}`);
  if (ids && ids.length !== yi.length) throw new RangeError(`ids has ${ids.length} values for ${yi.length} studies`);
  if (yi.length === 0) throw new RangeError("meta-analysis needs at least one study (k = 0)");
  return yi.map((y, i) => {
    const v = vi[i];
    if (!Number.isFinite(y)) throw new RangeError(`study ${i + 1}: yi is not a finite number`);
    // DL, PM and the Q-profile CI are undefined for a zero variance (metafor refuses them too).
    if (v === undefined || !Number.isFinite(v) || v <= 0) throw new RangeError(`study ${i + 1}: vi must be a positive finite number`);
    return { y, v };
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

/** Weighted least squares with weights 1/(vi + tau2): estimate, sum of weights, Q = sum w (y - est)^2. */
function inverseVarianceFit(studies: readonly Study[], tau2: number) {
  const weighted = studies.map((s) => ({ y: s.y, w: 1 / (s.v + tau2) }));
  const w = weighted.map((s) => s.w);
  const sumW = sum(w);
  const estimate = sum(weighted.map((s) => s.w * s.y)) / sumW;
  const residuals = weighted.map((s) => ({ w: s.w, r: s.y - estimate }));
  const rss = sum(residuals.map((s) => s.w * s.r * s.r));
  return { w, sumW, estimate, residuals, rss };
}

/** The generalised Q statistic at tau2 (Cochran's Q at tau2 = 0). */
function generalisedQ(studies: readonly Study[], tau2: number): number {
  return inverseVarianceFit(studies, tau2).rss;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** R's mad(): 1.4826 * median absolute deviation from the median. */
function mad(values: readonly number[]): number {
  const centre = median(values);
  return 1.4826 * median(values.map((x) => Math.abs(x - centre)));
}

/**
 * R's uniroot() core, R_zeroin2 (src/library/stats/src/zeroin.c), step for step, so that roots found
 * with metafor's loose tolerance land where metafor's do. Needs f(ax) and f(bx) of opposite signs.
 */
function zeroin(f: (x: number) => number, ax: number, bx: number, fax: number, fbx: number, tol: number, maxIterations: number) {
  let a = ax;
  let b = bx;
  let fa = fax;
  let fb = fbx;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, converged: true };
  if (fb === 0) return { root: b, converged: true };
  for (let remaining = maxIterations + 1; remaining > 0; remaining--) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return { root: b, converged: true };
    if (Math.abs(previousStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((previousStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, converged: false };
}

function dersimonianLairdTau2(studies: readonly Study[]): number {
  const fe = inverseVarianceFit(studies, 0);
  const trP = fe.sumW - sum(fe.w.map((w) => w * w)) / fe.sumW;
  return Math.max(0, (fe.rss - (studies.length - 1)) / trP);
}

/** Restricted log-likelihood up to its constant, with metafor's REMLf = TRUE term -log(sum w)/2. */
function remlLogLikelihood(studies: readonly Study[], tau2: number): number {
  const fit = inverseVarianceFit(studies, tau2);
  return -0.5 * sum(studies.map((s) => Math.log(s.v + tau2))) - 0.5 * Math.log(fit.sumW) - 0.5 * fit.rss;
}

function remlTau2(studies: readonly Study[], threshold: number, tolerance: number): number {
  const k = studies.length;
  // Start: metafor's default tau2.init, the Hedges (HE) estimate max(0, var(y) - mean(v)) in its form
  // (RSS - tr(PV)) / (k - 1) with the unweighted projection P.
  const meanY = sum(studies.map((s) => s.y)) / k;
  const hedges = (sum(studies.map((s) => (s.y - meanY) ** 2)) - sum(studies.map((s) => s.v)) * (1 - 1 / k)) / (k - 1);
  let tau2 = Math.max(0, hedges);
  let change = threshold + 1;
  let iteration = 0;
  while (change > threshold) {
    iteration++;
    const previous = tau2;
    const fit = inverseVarianceFit(studies, tau2);
    // P = W - w w' / sum w; the scoring step is (y'PPy - tr P) / tr(PP).
    const yPPy = sum(fit.residuals.map((s) => (s.w * s.r) ** 2));
    let trP = 0;
    let trPP = 0;
    fit.w.forEach((wi, i) => {
      trP += wi - (wi * wi) / fit.sumW;
      fit.w.forEach((wj, j) => {
        const pij = (i === j ? wi : 0) - (wi * wj) / fit.sumW;
        trPP += pij * pij;
      });
    });
    let step = (yPPy - trP) / trPP;
    if (Number.isNaN(step)) step = 0;
    while (tau2 + step < TAU2_SEARCH_MIN) step /= 2;
    tau2 += step;
    change = Math.abs(previous - tau2);
    if (iteration > REML_MAX_ITERATIONS) throw new Error("REML: Fisher scoring did not converge in 100 iterations");
  }
  // metafor's ll0check: a likelihood higher at tau2 = 0 means scoring stopped at a local maximum.
  if (tau2 > threshold && remlLogLikelihood(studies, 0) - remlLogLikelihood(studies, tau2) > tolerance) tau2 = 0;
  return Math.max(TAU2_SEARCH_MIN, tau2);
}

function pauleMandelTau2(studies: readonly Study[], tolerance: number): number {
  const target = studies.length - 1;
  const excess = (tau2: number) => generalisedQ(studies, tau2) - target;
  const atMin = excess(TAU2_SEARCH_MIN);
  if (atMin < 0) return TAU2_SEARCH_MIN;
  // metafor's tau2.max: max(100, 10 * mad(yi)^2).
  const searchMax = Math.max(TAU2_SEARCH_MAX, 10 * mad(studies.map((s) => s.y)) ** 2);
  const atMax = excess(searchMax);
  if (atMax > 0) throw new RangeError(`PM: the generalised Q stays above k - 1 up to tau2 = ${searchMax}`);
  const { root, converged } = zeroin(excess, TAU2_SEARCH_MIN, searchMax, atMin, atMax, tolerance, PM_MAX_ITERATIONS);
  if (!converged) throw new Error("PM: root search for tau2 did not converge");
  return Math.max(TAU2_SEARCH_MIN, root);
}

/**
 * Q-profile CI for tau^2 (Viechtbauer 2007), as metafor's confint(): the tau2 where the generalised Q
 * crosses the upper and lower chi-square(k - 1) quantiles, searched over [0, max(100, 10 tau2)].
 * Q below the lower quantile already at 0 gives [0, 0]; below the upper quantile gives a lower bound of
 * 0; a Q still above a quantile at the search limit gives the limit as the bound.
 */
function qProfileTau2Ci(studies: readonly Study[], tau2: number, alpha: number, tolerance: number) {
  const df = studies.length - 1;
  const critUpper = chiSquareQuantile(1 - alpha / 2, df);
  const critLower = chiSquareQuantile(alpha / 2, df);
  const searchMax = Math.max(TAU2_SEARCH_MAX, 10 * tau2);
  const qAtMin = generalisedQ(studies, TAU2_SEARCH_MIN);
  const qAtMax = generalisedQ(studies, searchMax);
  const crossing = (crit: number) =>
    zeroin((t) => generalisedQ(studies, t) - crit, TAU2_SEARCH_MIN, searchMax, qAtMin - crit, qAtMax - crit, tolerance, QPROFILE_MAX_ITERATIONS)
      .root; // confint() keeps uniroot's last iterate even without convergence (a warning in R)
  let lower: number;
  let upper: number;
  let atSearchLimit = false;
  if (qAtMin < critLower) {
    lower = TAU2_SEARCH_MIN;
    upper = TAU2_SEARCH_MIN;
  } else if (qAtMax > critLower) {
    upper = searchMax;
    atSearchLimit = true;
  } else {
    upper = crossing(critLower);
  }
  if (qAtMax > critUpper) {
    lower = searchMax;
    upper = searchMax;
    atSearchLimit = true;
  } else if (qAtMin < critUpper) {
    lower = TAU2_SEARCH_MIN;
  } else {
    lower = crossing(critUpper);
  }
  return { lower, upper, atSearchLimit };
}

function chiSquareUpperTail(x: number, df: number): number {
  // Regularised upper incomplete gamma: keeps tiny p (1e-26 on dat.bcg) that 1 - cdf rounds to 0.
  return gammainc(x / 2, df / 2, true, true);
}

function twoSidedP(statistic: number, df: number | null): number {
  const tail = df === null ? normalCdf(-Math.abs(statistic)) : tCdf(-Math.abs(statistic), df);
  return 2 * tail;
}

function checkedLevel(level: number): number {
  if (!(level > 0 && level < 100)) throw new RangeError(`level must be a percentage between 0 and 100, got ${level}`);
  return level;
}

type Fit = MetaAnalysisResult & { waldSe: number };

function fitStudies(studies: readonly Study[], options: MetaAnalysisOptions): Fit {
  const level = checkedLevel(options.level ?? 95);
  const alpha = 1 - level / 100;
  const hksjTruncated = options.hksjTruncated ?? false;
  const remlThreshold = options.remlThreshold ?? DEFAULT_REML_THRESHOLD;
  const rootTolerance = options.rootTolerance ?? METAFOR_ROOT_TOLERANCE;
  const k = studies.length;
  const z = zForLevel(level);

  if (k === 1) {
    // One study: its own estimate and Wald CI (a t with 0 df has no quantile), no heterogeneity
    // (tau2 0, Q 0 on 0 df, p 1, I^2 0, H^2 1, as metafor reports), no PI and no tau^2 CI since
    // between-study variance cannot be estimated from one study.
    const only = studies[0] as Study;
    const se = Math.sqrt(only.v);
    return {
      k,
      method: options.method,
      ci: "wald",
      hksjTruncated,
      level,
      estimate: only.y,
      se,
      waldSe: se,
      ciLower: only.y - z * se,
      ciUpper: only.y + z * se,
      df: null,
      zOrT: only.y / se,
      p: twoSidedP(only.y / se, null),
      piLower: null,
      piUpper: null,
      tau2: 0,
      tau2CiLower: null,
      tau2CiUpper: null,
      tau2CiAtSearchLimit: null,
      i2: 0,
      h2: 1,
      q: 0,
      qDf: 0,
      qP: 1,
      weights: [100],
    };
  }

  const fixed = inverseVarianceFit(studies, 0);
  const q = Math.max(0, fixed.rss);
  const qDf = k - 1;
  const random = options.method !== "FE";

  let tau2 = 0;
  if (options.method === "DL") tau2 = dersimonianLairdTau2(studies);
  else if (options.method === "REML") tau2 = remlTau2(studies, remlThreshold, rootTolerance);
  else if (options.method === "PM") tau2 = pauleMandelTau2(studies, rootTolerance);

  const fit = random ? inverseVarianceFit(studies, tau2) : fixed;
  const waldSe = Math.sqrt(1 / fit.sumW);
  let se = waldSe;
  let df: number | null = null;
  let crit = z;
  if (options.ci === "hksj") {
    // Knapp-Hartung factor s2w = sum w (y - est)^2 / (k - 1); metafor sets it to 0 when that sum is
    // at most machine epsilon (identical effects), then floors it at 1 only for "adhoc".
    let s2w = fit.rss <= Number.EPSILON ? 0 : fit.rss / (k - 1);
    if (hksjTruncated) s2w = Math.max(1, s2w);
    se = Math.sqrt(s2w * (1 / fit.sumW));
    df = k - 1;
    crit = tQuantile(1 - alpha / 2, df);
  }

  // I^2 and H^2 from tau2 and the "typical" within-study variance s2 = (k - 1) / tr(P) (metafor's
  // i2def "1", Higgins & Thompson 2002); for FE, from Q, with H^2 = Q / (k - 1) not floored at 1.
  const trP = fixed.sumW - sum(fixed.w.map((w) => w * w)) / fixed.sumW;
  const typicalVariance = qDf / trP;
  const i2 = random ? (100 * tau2) / (typicalVariance + tau2) : Math.max(0, (100 * (q - qDf)) / q);
  const h2 = random ? tau2 / typicalVariance + 1 : q / qDf;

  const tau2Ci = random ? qProfileTau2Ci(studies, tau2, alpha, rootTolerance) : null;
  // predict(): the PI uses the CI's SE and critical value (not Higgins' t with k - 2 df).
  const piHalfWidth = random ? crit * Math.sqrt(se * se + tau2) : null;
  const zOrT = fit.estimate / se;

  return {
    k,
    method: options.method,
    ci: options.ci,
    hksjTruncated,
    level,
    estimate: fit.estimate,
    se,
    waldSe,
    ciLower: fit.estimate - crit * se,
    ciUpper: fit.estimate + crit * se,
    df,
    zOrT,
    p: twoSidedP(zOrT, df),
    piLower: piHalfWidth === null ? null : fit.estimate - piHalfWidth,
    piUpper: piHalfWidth === null ? null : fit.estimate + piHalfWidth,
    tau2,
    tau2CiLower: tau2Ci?.lower ?? null,
    tau2CiUpper: tau2Ci?.upper ?? null,
    tau2CiAtSearchLimit: tau2Ci?.atSearchLimit ?? null,
    i2,
    h2,
    q,
    qDf,
    qP: chiSquareUpperTail(q, qDf),
    weights: fit.w.map((w) => (100 * w) / fit.sumW),
  };
}

function withoutWaldSe(fit: Fit): MetaAnalysisResult {
  const { waldSe: _waldSe, ...result } = fit;
  return result;
}

/** Pools the studies. Throws for k = 0; k = 1 returns the study itself (see MetaAnalysisResult). */
export function metaAnalysis(input: MetaAnalysisInput, options: MetaAnalysisOptions): MetaAnalysisResult {
  return withoutWaldSe(fitStudies(studiesOf(input), options));
}

export type LeaveOneOutRow = { omittedIndex: number; omittedId: string | null; result: MetaAnalysisResult };

/** One pooled result per omitted study, in input order (metafor's leave1out). Needs k >= 2. */
export function leaveOneOut(input: MetaAnalysisInput, options: MetaAnalysisOptions): LeaveOneOutRow[] {
  const studies = studiesOf(input);
  if (studies.length < 2) throw new RangeError("leave-one-out needs at least two studies");
  return studies.map((_, omitted) => ({
    omittedIndex: omitted,
    omittedId: input.ids?.[omitted] ?? null,
    result: withoutWaldSe(fitStudies(studies.filter((__, i) => i !== omitted), options)),
  }));
}

export type SubgroupInput = MetaAnalysisInput & { groups: readonly string[] };

export type Subgroup = { group: string; indices: number[]; ids: string[] | null; result: MetaAnalysisResult };

export type SubgroupAnalysis = {
  /** In order of first appearance. */
  subgroups: Subgroup[];
  /** All studies pooled together with the same options. */
  overall: MetaAnalysisResult;
  /** Test for subgroup differences; null with fewer than two subgroups. */
  qBetween: number | null;
  dfBetween: number | null;
  pBetween: number | null;
};

/**
 * Separate pooling per subgroup and the test for subgroup differences as RevMan computes it:
 * Q_between = sum_g (est_g - est_bar)^2 / se_g^2, with est_bar = sum(est_g / se_g^2) / sum(1 / se_g^2),
 * on G - 1 df, p from the chi-square upper tail. se_g is the subgroup's model-based (Wald) SE
 * 1/sqrt(sum 1/(vi + tau2_g)) whatever interval the subgroups report, each subgroup with its own tau2.
 * With FE subgroups this equals the QM of metafor's rma(yi, vi, mods = ~ factor(group), method = "FE").
 */
export function subgroupAnalysis(input: SubgroupInput, options: MetaAnalysisOptions): SubgroupAnalysis {
  const studies = studiesOf(input);
  if (input.groups.length !== studies.length) throw new RangeError(`groups has ${input.groups.length} labels for ${studies.length} studies`);
  const order: string[] = [];
  const members = new Map<string, number[]>();
  input.groups.forEach((group, i) => {
    const list = members.get(group);
    if (list) list.push(i);
    else {
      members.set(group, [i]);
      order.push(group);
    }
  });
  const fits = order.map((group) => {
    const indices = members.get(group) ?? [];
    const fit = fitStudies(
      indices.map((i) => studies[i] as Study),
      options,
    );
    return { group, indices, fit };
  });
  let qBetween: number | null = null;
  let dfBetween: number | null = null;
  let pBetween: number | null = null;
  if (fits.length >= 2) {
    const w = fits.map(({ fit }) => 1 / fit.waldSe ** 2);
    const pooled = sum(fits.map(({ fit }, g) => (w[g] ?? 0) * fit.estimate)) / sum(w);
    qBetween = sum(fits.map(({ fit }, g) => (w[g] ?? 0) * (fit.estimate - pooled) ** 2));
    dfBetween = fits.length - 1;
    pBetween = chiSquareUpperTail(qBetween, dfBetween);
  }
  return {
    subgroups: fits.map(({ group, indices, fit }) => ({
      group,
      indices,
      ids: input.ids ? indices.map((i) => input.ids?.[i] ?? "") : null,
      result: withoutWaldSe(fit),
    })),
    overall: withoutWaldSe(fitStudies(studies, options)),
    qBetween,
    dfBetween,
    pBetween,
  };
}

/** One study's effect on the analysis scale. */
export type StudyEffect = { yi: number; vi: number };

/**
 * A ratio (HR, OR, RR) printed with its CI, on the log scale: yi = ln(value), vi = SE^2 with
 * SE = (ln upper - ln lower) / (2 z), z = qnorm(1 - (1 - level/100)/2) (assumes a Wald CI on the log scale).
 */
export function fromRatioCi(value: number, lower: number, upper: number, level = 95): StudyEffect {
  if (!(lower < upper)) throw new RangeError(`CI lower bound ${lower} must be below the upper bound ${upper}`);
  if (!(lower <= value && value <= upper)) throw new RangeError(`ratio ${value} lies outside its CI ${lower}-${upper}`);
  const { logEstimate, se } = logRatioFromCi(value, lower, upper, checkedLevel(level));
  return { yi: logEstimate, vi: se * se };
}

/** metafor::escalc's default continuity correction for proportions (add = 1/2, to = "only0"). */
export const PROPORTION_CONTINUITY_CORRECTION = 0.5;

/**
 * A single-arm proportion on the logit scale, as escalc(measure = "PLO"): yi = ln(p / (1 - p)),
 * vi = 1/(n p) + 1/(n (1 - p)). With 0 events or 0 non-events, 0.5 is added to both events and
 * non-events of that study only (so n becomes n + 1) and corrected is true.
 */
export function fromProportion(events: number, total: number): StudyEffect & { corrected: boolean } {
  if (!(Number.isInteger(events) && Number.isInteger(total) && total > 0 && events >= 0 && events <= total)) {
    throw new RangeError(`need whole events between 0 and total > 0, got ${events}/${total}`);
  }
  const corrected = events === 0 || events === total;
  const x = corrected ? events + PROPORTION_CONTINUITY_CORRECTION : events;
  const n = corrected ? total + 2 * PROPORTION_CONTINUITY_CORRECTION : total;
  const p = x / n;
  return { yi: Math.log(p / (1 - p)), vi: 1 / (n * p) + 1 / (n * (1 - p)), corrected };
}

export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Back-transforms from the analysis scale: "ratio" from the log scale (exp), "logit" to a proportion (expit). */
export const backTransform = { ratio: Math.exp, logit: expit } as const;

export type AnalysisScale = keyof typeof backTransform;

export type BackTransformed = { estimate: number; ciLower: number; ciUpper: number; piLower: number | null; piUpper: number | null };

/** The estimate, CI and PI of a result on the reporting scale (both transforms are increasing). */
export function backTransformResult(result: MetaAnalysisResult, scale: AnalysisScale): BackTransformed {
  const f = backTransform[scale];
  return {
    estimate: f(result.estimate),
    ciLower: f(result.ciLower),
    ciUpper: f(result.ciUpper),
    piLower: result.piLower === null ? null : f(result.piLower),
    piUpper: result.piUpper === null ? null : f(result.piUpper),
  };
}
