// What the guard rails need from the vocabularies, built the same way from content (tests, scripts)
// and from the database (the app): the setting of a record, the rank of a source level, and the
// molecular hierarchy.
import type { EffectRecord, StudyRecord } from "../domain/records";
import type { SelectOptions, StudyFacts } from "./select";
import { MEASURE_WORD_ZH } from "../domain/sentence";

export type PoolingContext = Pick<SelectOptions, "settingOf" | "sourceRank" | "within" | "isWildType">;

type Vocab = {
  treatments: { code: string; class: string; parents: string[] }[];
  groups: { code: string; parent: string | null; level: string }[];
  /** Source levels from most to least direct. */
  sourceLevels: string[];
};

/**
 * The clinical settings pooling keeps apart. The English words are also the settings' identities
 * (questions name one in `setting`, the API returns them), so they are translated only for display.
 */
export const SETTINGS = {
  local: "after liver resection or local treatment",
  liverDirected: "liver-directed therapy (HAI, SIRT, DEBIRI)",
  notStated: "setting not stated",
  systemic: "systemic therapy",
} as const;

const SETTING_LABELS_ZH: Record<string, string> = {
  [SETTINGS.local]: "肝切除或局部治疗后",
  [SETTINGS.liverDirected]: "肝脏定向治疗（HAI、SIRT、DEBIRI）",
  [SETTINGS.notStated]: "临床情境未说明",
  [SETTINGS.systemic]: "全身治疗",
};

/** A setting as the interface shows it: as it is in English, in Chinese for "zh" (an unknown one as it is). */
export function settingLabel(setting: string, locale: string = "en"): string {
  return locale === "zh" ? (SETTING_LABELS_ZH[setting] ?? setting) : setting;
}

/**
 * A set-aside reason's message arguments (pool.reasons.<code>) in the interface's language: the
 * settings, a difference measure's name and (with `sourceLevelLabel`) a source level; English as given.
 */
export function reasonValues(x: { code: string; values?: Record<string, string> }, locale: string = "en", sourceLevelLabel?: (code: string) => string): Record<string, string> {
  const values = x.values ?? {};
  if (locale !== "zh") return values;
  if (x.code === "otherSetting" || x.code === "otherSettingRequired")
    return { ...values, ...(values.setting ? { setting: settingLabel(values.setting, locale) } : {}), ...(values.chosen ? { chosen: settingLabel(values.chosen, locale) } : {}) };
  if (x.code === "notRatio" && values.measure) return { ...values, measure: MEASURE_WORD_ZH[values.measure] ?? values.measure };
  if (x.code === "lessDirect" && values.level && sourceLevelLabel) return { ...values, level: sourceLevelLabel(values.level) };
  return values;
}

/** The clinical setting of a record, from its treatment's class: where pooling must not cross. */
export function settingOf(treatments: Vocab["treatments"]): (e: EffectRecord) => string {
  const classOf = new Map(treatments.map((t) => [t.code, t.class]));
  return (e) => {
    const cls = e.treatment ? classOf.get(e.treatment) : undefined;
    if (cls === "surgery" || cls === "ablation" || cls === "radiotherapy") return SETTINGS.local;
    if (cls === "liver-directed") return SETTINGS.liverDirected;
    if (!cls || e.treatment === "none") return SETTINGS.notStated;
    return SETTINGS.systemic;
  };
}

export function poolingContext(v: Vocab): PoolingContext {
  // One graph for both hierarchies: a molecular group's parent, a regimen's components and classes.
  const parents = new Map<string, string[]>([...v.groups.map((g): [string, string[]] => [g.code, g.parent ? [g.parent] : []]), ...v.treatments.map((t): [string, string[]] => [t.code, t.parents])]);
  const level = new Map(v.groups.map((g) => [g.code, g.level]));
  const rank = new Map(v.sourceLevels.map((l, i) => [l, i]));
  return {
    settingOf: settingOf(v.treatments),
    sourceRank: (l) => rank.get(l) ?? 99,
    // The vocabularies are checked to have no cycles, but the walk keeps a visited set anyway.
    within: (code, ancestor) => {
      const seen = new Set<string>();
      const stack = [code];
      while (stack.length) {
        const at = stack.pop()!;
        if (at === ancestor) return true;
        if (seen.has(at)) continue;
        seen.add(at);
        stack.push(...(parents.get(at) ?? []));
      }
      return false;
    },
    isWildType: (code) => level.get(code) === "wild-type",
  };
}

/** The cohort facts the guard rails use, from study records. */
export function studyFacts(studies: StudyRecord[]): Map<string, StudyFacts> {
  return new Map(
    studies.map((s) => [s.id, { id: s.id, shortName: s.shortName, n: s.n, design: s.design, year: s.year, reportUpdates: Object.fromEntries(s.reports.map((r) => [r.id, r.updates])) }]),
  );
}
