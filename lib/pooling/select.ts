// Guard rails: which records may be pooled together, decided from their structured fields, with a
// reason a reader understands for every record set aside. Pure: records and study facts in, a
// selection out. The rules follow what guideline panels expect (DOMAIN.md, "What may be pooled"):
// one endpoint and one measure, one comparison (a reversed one is inverted, not refused), adjusted
// and unadjusted estimates not mixed, one estimate per cohort, one setting unless subgroups are asked.
import type { EffectRecord } from "../domain/records";

export const RATIO_MEASURES = new Set(["HR", "OR", "RR"]);
export type AnalysisChoice = "multivariable" | "univariable" | "randomised";

/** What the selection needs to know about each study (the cohort). */
export type StudyFacts = {
  id: string;
  shortName: string;
  n: number | null;
  design: string;
  year: number | null;
  /** Report id -> the report it updates ("citation" = the main paper). */
  reportUpdates: Record<string, string | null>;
};

export type SelectOptions = {
  /** "EXPOSURE:REFERENCE" group codes; when absent, the comparison with the most studies. */
  comparison: { exposure: string; reference: string } | null;
  analysis: AnalysisChoice | null;
  /** Subgroups by setting: then records of different settings are kept together. */
  bySetting: boolean;
  /** A question's own setting: records of another setting are set aside whatever their number. */
  requiredSetting?: string | null;
  /** The clinical setting of a record (after local treatment, systemic therapy, liver-directed therapy …). */
  settingOf: (e: EffectRecord) => string;
  sourceRank: (level: string) => number;
  /** Hierarchies: a KRAS-mutant vs KRAS-wt estimate answers a RAS-mutant vs wild-type question; FOLFIRI + bev is a doublet + bev. */
  within: (code: string, ancestor: string) => boolean;
  isWildType: (code: string) => boolean;
};

export type Included = { record: EffectRecord; inverted: boolean; setting: string; /** Reported at a narrower molecular level than the comparison asked (KRAS for RAS). */ narrower: boolean };
/**
 * `reason`: the English sentence (grouped on, and quoted by the methods paragraph); `code` and `values`:
 * the same reason as a message key (messages/*.json, pool.reasons.<code>) and its ICU arguments.
 */
export type Excluded = { id: string; reason: string; code: ExcludedCode; values?: Record<string, string> };
export type ExcludedCode =
  | "armLevel" | "pOnly" | "directionOnly" | "notRatio" | "damaged" | "integrity" | "noCi" | "notCoded"
  | "otherEndpoint" | "otherMeasure" | "otherComparison" | "otherSettingRequired" | "otherSetting"
  | "analysisUsed" | "analysisNotMixed" | "computed" | "secondary" | "lessDirect" | "earlier" | "reprinted" | "another";
export type Selection = {
  endpoint: string | null;
  measure: string | null;
  comparison: { exposure: string; reference: string } | null;
  analysis: AnalysisChoice | null;
  setting: string | null;
  included: Included[];
  excluded: Excluded[];
  /** "2 further studies report only a direction: both worse for RAS-mutant." */
  notPooled: string[];
  /** The same findings in Chinese ("另有 1 项研究仅报告效应方向（…）。"); study names, directions, p and groups as given. */
  notPooledZh: string[];
};

export type ComparisonMatch = { inverted: boolean; narrower: boolean } | null;

/**
 * Whether a record's comparison (exposure vs reference codes) answers a chosen one: itself either
 * way round (the reverse inverted) or a narrower one (KRAS-mutant vs KRAS-wt for RAS vs wild-type;
 * FOLFIRI + bev for doublet + bev). Wild-type groups are not nested (KRAS-wt may hold NRAS-mutant
 * tumours), so any wild-type reference serves a mutant-vs-wild-type question.
 */
export function matchComparison(x: string, r: string, c: { exposure: string; reference: string }, o: Pick<SelectOptions, "within" | "isWildType">): ComparisonMatch {
  if (x === c.exposure && r === c.reference) return { inverted: false, narrower: false };
  if (x === c.reference && r === c.exposure) return { inverted: true, narrower: false };
  const sameReference = (code: string) => (o.isWildType(c.reference) ? o.isWildType(code) : o.within(code, c.reference));
  if (o.within(x, c.exposure) && sameReference(r)) return { inverted: false, narrower: true };
  if (o.within(r, c.exposure) && sameReference(x)) return { inverted: true, narrower: true };
  return null;
}

/** The analysis class a record belongs to: adjusted, unadjusted or randomised. */
function analysisClass(e: EffectRecord): AnalysisChoice {
  // "Adjustment not reported" cannot be counted as adjusted: it joins the unadjusted estimates.
  if (e.analysis === "multivariable") return "multivariable";
  if (e.analysis === "randomised") return "randomised";
  return "univariable";
}

const ANALYSIS_WORDS: Record<AnalysisChoice, string> = {
  multivariable: "an adjusted (multivariable) estimate",
  univariable: "an unadjusted (univariable) estimate",
  randomised: "a randomised comparison",
};

function mostCommon<T>(items: T[], key: (t: T) => string, weight: (list: T[]) => number): string | null {
  const groups = new Map<string, T[]>();
  for (const t of items) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  let best: string | null = null;
  let bestWeight = -1;
  for (const [k, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const w = weight(list);
    if (w > bestWeight) {
      best = k;
      bestWeight = w;
    }
  }
  return best;
}

const studiesIn = (list: EffectRecord[]) => new Set(list.map((e) => e.studyId)).size;

/** How late a report is: the number of reports it updates, back to the first (a later analysis wins). */
function lateness(e: EffectRecord, study: StudyFacts | undefined): number {
  let n = 0;
  let at: string | null | undefined = e.report ?? "citation";
  const seen = new Set<string>();
  while (at && at !== "citation" && !seen.has(at)) {
    seen.add(at);
    at = study?.reportUpdates[at];
    n++;
  }
  return n;
}

export function selectPoolable(records: EffectRecord[], studies: Map<string, StudyFacts>, o: SelectOptions): Selection {
  const excluded: Excluded[] = [];
  const notPooled: string[] = [];
  const notPooledZh: string[] = [];
  const set = (e: EffectRecord, reason: string, code: ExcludedCode, values?: Record<string, string>) =>
    excluded.push({ id: e.id, reason, code, ...(values ? { values } : {}) });

  // 1. Records that carry no pooled estimate at all.
  const candidates: EffectRecord[] = [];
  const pOnly: EffectRecord[] = [];
  const directionOnly: EffectRecord[] = [];
  for (const e of records) {
    if (e.kind === "arm" || e.kind === "frequency") set(e, "an arm-level figure, not a comparison: comparisons are pooled from their ratio", "armLevel");
    else if (e.kind === "p-only") {
      set(e, "reports only a p-value: there is no estimate to pool", "pOnly");
      pOnly.push(e);
    } else if (e.kind === "direction") {
      set(e, "reports only a direction: there is no estimate to pool", "directionOnly");
      directionOnly.push(e);
    } else if (!e.measure || !RATIO_MEASURES.has(e.measure)) set(e, `a ${e.measure ?? "figure"} (difference or change): only ratios (HR, OR, RR) are pooled`, "notRatio", { measure: e.measure ?? "" });
    else if (e.value === null) set(e, "damaged print with no reading: nothing to compute from", "damaged");
    else if (e.flags.some((f) => f.severity !== "note" && (f.code === "direction-mismatch" || f.code === "estimate-outside-ci")))
      set(e, "its printed figure contradicts itself or its own arms (an integrity warning): not pooled until resolved", "integrity");
    else if (e.logSe === null) set(e, "no confidence interval printed, so no standard error", "noCi");
    else if (!e.exposureGroup || !e.referenceGroup) set(e, "the compared groups are not coded", "notCoded");
    else candidates.push(e);
  }

  // 2. One endpoint, one measure, one comparison: the explicit one, or the one with the most studies.
  // A comparison matches itself either way round (the reverse is inverted) and, for mutant vs
  // wild-type, a narrower mutant group (KRAS-mutant vs KRAS-wt answers RAS-mutant vs wild-type).
  type Match = ComparisonMatch;
  const matchOf = (e: EffectRecord, c: { exposure: string; reference: string }): Match => matchComparison(e.exposureGroup!, e.referenceGroup!, c, o);
  const outcomeOf = (e: EffectRecord) => `${e.endpoint}|${e.measure}`;
  let comparison: Selection["comparison"] = o.comparison;
  let outcome: string | null = null;
  if (comparison) {
    const c = comparison;
    outcome = mostCommon(candidates.filter((e) => matchOf(e, c)), outcomeOf, studiesIn);
  } else {
    // Every comparison the records make, each way round as printed; the one matching most studies wins,
    // ties going to the broader comparison (RAS over KRAS), then to the code.
    // Then to the orientation a reader expects, mutant vs wild-type, then to the code.
    let best: { key: string; c: { exposure: string; reference: string }; studies: number; breadth: number; natural: number } | null = null;
    const seen = new Set<string>();
    for (const e of candidates) {
      const c = { exposure: e.exposureGroup!, reference: e.referenceGroup! };
      const key = `${outcomeOf(e)}|${c.exposure}:${c.reference}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const matched = candidates.filter((x) => outcomeOf(x) === outcomeOf(e) && matchOf(x, c));
      const studies = studiesIn(matched);
      const breadth = matched.filter((x) => matchOf(x, c)!.narrower).length;
      const natural = Number(o.isWildType(c.reference)) + matched.filter((x) => !matchOf(x, c)!.inverted).length / 1000;
      const better =
        !best ||
        studies > best.studies ||
        (studies === best.studies && (breadth > best.breadth || (breadth === best.breadth && (natural > best.natural || (natural === best.natural && key < best.key)))));
      if (better) best = { key, c, studies, breadth, natural };
    }
    if (best) {
      comparison = best.c;
      outcome = best.key.split("|").slice(0, 2).join("|");
    }
  }
  const [endpoint, measure] = outcome ? outcome.split("|") : [null, null];
  const inComparison: EffectRecord[] = [];
  const matchById = new Map<string, NonNullable<Match>>();
  for (const e of candidates) {
    const m = comparison && outcome === outcomeOf(e) ? matchOf(e, comparison) : null;
    if (m) {
      inComparison.push(e);
      matchById.set(e.id, m);
    } else if (endpoint && e.endpoint !== endpoint) set(e, `a different endpoint (${e.endpointLabel})`, "otherEndpoint", { endpoint: e.endpointLabel });
    else if (measure && e.measure !== measure) set(e, `${e.measure}s are not pooled with ${measure}s`, "otherMeasure", { measure: String(e.measure), chosen: measure });
    else set(e, `a different comparison (${e.exposure ?? e.exposureGroup} vs ${e.reference ?? e.referenceGroup})`, "otherComparison", {
        exposure: String(e.exposure ?? e.exposureGroup),
        reference: String(e.reference ?? e.referenceGroup),
      });
  }

  // 4. One setting, unless subgroups by setting were asked for.
  let setting: string | null = null;
  let inSetting = inComparison;
  if (!o.bySetting && inComparison.length) {
    setting = o.requiredSetting ?? mostCommon(inComparison, o.settingOf, studiesIn);
    inSetting = [];
    for (const e of inComparison)
      if (o.settingOf(e) === setting) inSetting.push(e);
      else
        set(
          e,
          o.requiredSetting ? `a different setting (${o.settingOf(e)}) from the question's (${setting})` : `a different setting (${o.settingOf(e)}, not ${setting}): pooled only within a setting unless subgroups by setting are asked for`,
          o.requiredSetting ? "otherSettingRequired" : "otherSetting",
          { setting: o.settingOf(e), chosen: String(setting) },
        );
  }

  // 5. Adjusted and unadjusted not mixed: the asked class, else adjusted where any study has it.
  const classes = new Set(inSetting.map(analysisClass));
  const analysis: AnalysisChoice | null =
    o.analysis ?? (classes.has("multivariable") ? "multivariable" : classes.has("randomised") ? "randomised" : classes.size ? "univariable" : null);
  const inAnalysis: EffectRecord[] = [];
  for (const e of inSetting) {
    if (analysisClass(e) === analysis) inAnalysis.push(e);
    else {
      const hasChosen = inSetting.some((x) => x.studyId === e.studyId && analysisClass(x) === analysis);
      const what = e.analysis === "not-reported" ? "an estimate whose adjustment is not reported" : ANALYSIS_WORDS[analysisClass(e)];
      set(
        e,
        hasChosen
          ? `${what}; this study's ${ANALYSIS_WORDS[analysis!].replace(/^an? /, "")} is used`
          : `${what}: not mixed with ${ANALYSIS_WORDS[analysis!].replace(/^an? /, "")}s (choose analysis=${analysisClass(e)} to pool these)`,
        hasChosen ? "analysisUsed" : "analysisNotMixed",
        { what: e.analysis === "not-reported" ? "notReported" : analysisClass(e), chosen: analysis!, analysis: analysisClass(e) },
      );
    }
  }

  // 6. One estimate per cohort: the best source, the latest report, a printed figure over a computed one.
  const byStudy = new Map<string, EffectRecord[]>();
  for (const e of inAnalysis) byStudy.set(e.studyId, [...(byStudy.get(e.studyId) ?? []), e]);
  const included: Included[] = [];
  for (const list of byStudy.values()) {
    const study = studies.get(list[0]!.studyId);
    const ranked = [...list].sort(
      (a, b) =>
        Number(a.computed) - Number(b.computed) ||
        o.sourceRank(a.sourceLevel) - o.sourceRank(b.sourceLevel) ||
        lateness(b, study) - lateness(a, study) ||
        list.indexOf(a) - list.indexOf(b),
    );
    const kept = ranked[0]!;
    const m = matchById.get(kept.id)!;
    included.push({ record: kept, inverted: m.inverted, setting: o.settingOf(kept), narrower: m.narrower });
    for (const e of ranked.slice(1)) {
      const code: ExcludedCode =
        e.computed && !kept.computed
          ? "computed"
          : e.sourceLevel === "secondary" && kept.sourceLevel !== "secondary"
            ? "secondary"
            : o.sourceRank(e.sourceLevel) > o.sourceRank(kept.sourceLevel)
              ? "lessDirect"
              : lateness(e, study) < lateness(kept, study)
                ? "earlier"
                : e.valueText === kept.valueText && e.ciLowerText === kept.ciLowerText
                  ? "reprinted"
                  : "another";
      const why =
        e.computed && !kept.computed
          ? "computed from counts; the printed estimate of the same cohort is used"
          : e.sourceLevel === "secondary" && kept.sourceLevel !== "secondary"
            ? `a secondary copy (${e.publication}); the primary report of the same cohort is used`
            : o.sourceRank(e.sourceLevel) > o.sourceRank(kept.sourceLevel)
              ? `same cohort: a less direct source (${e.sourceLevel}); ${kept.publication} is used`
              : lateness(e, study) < lateness(kept, study)
                ? `same cohort: an earlier report; the later ${kept.publication} is used`
                : e.valueText === kept.valueText && e.ciLowerText === kept.ciLowerText
                  ? `same cohort: the same estimate printed again (${e.locator}); ${kept.locator} is used`
                  : `same cohort: another estimate of the same comparison (${e.locator}); ${kept.locator} is used`;
      set(e, `${why} [${kept.id}]`, code, {
        publication: String(e.publication),
        level: String(e.sourceLevel),
        kept: String(kept.publication),
        locator: String(e.locator),
        keptLocator: String(kept.locator),
      });
    }
  }

  // What could not be pooled, counted by study and direction, so a reader sees the whole evidence.
  // Only those about the same endpoint and, where one was chosen, the same comparison.
  const inScope = (e: EffectRecord) =>
    (!endpoint || e.endpoint === endpoint) && (!comparison || (Boolean(e.exposureGroup && e.referenceGroup) && matchOf(e, comparison) !== null));
  const say = (list: EffectRecord[], what: string) => {
    const scoped = list.filter(inScope);
    const k = studiesIn(scoped);
    if (!k) return;
    const each = [...new Set(scoped.map((e) => `${e.studyShortName}: ${e.direction ?? `p ${e.p ?? "?"}`} for ${e.exposure ?? e.exposureGroup} vs ${e.reference ?? e.referenceGroup}`))];
    notPooled.push(`${k} further ${k === 1 ? "study reports" : "studies report"} only ${what} (${each.join("; ")}).`);
    const eachZh = [...new Set(scoped.map((e) => `${e.studyShortName}：${e.direction ?? `p ${e.p ?? "?"}`}（${e.exposure ?? e.exposureGroup} 对比 ${e.reference ?? e.referenceGroup}）`))];
    notPooledZh.push(`另有 ${k} 项研究仅报告${what === "a p-value" ? " P 值" : "效应方向"}（${eachZh.join("；")}）。`);
  };
  say(pOnly, "a p-value");
  say(directionOnly, "a direction");

  return { endpoint, measure, comparison, analysis, setting, included, excluded, notPooled, notPooledZh };
}
