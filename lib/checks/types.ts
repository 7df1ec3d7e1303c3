import type { EffectRecord, FlagSeverity } from "../domain/records";
import type { GroupingRecord } from "../build/normalise";
import { MEASURE_WORD_ZH } from "../domain/sentence";
import { inSentence, phrase, renderFlagText, type FlagArg, type FlagEndpoint, type FlagPhrase, type FlagTexts, type FlagWord } from "./flag-text";

export type CheckFlag = {
  code: CheckCode;
  severity: FlagSeverity;
  /** One plain sentence for a clinician: no ids, no file names. */
  summary: string;
  /** The technical detail: the method and the figures. */
  message: string;
  studyId: string;
  effectId: string | null;
  locator: string | null;
  otherEffectId: string | null;
  otherLocator: string | null;
  expected: string | null;
  /** The same texts as message phrases, for the Chinese rendering (lib/checks/flag-text.ts). */
  text: FlagTexts;
};

export type CheckCode =
  | "percent-mismatch"
  | "estimate-outside-ci"
  | "ci-asymmetric"
  | "p-ci-mismatch"
  | "duplicate-mismatch"
  | "secondary-mismatch"
  | "report-update"
  | "groups-sum"
  | "damaged-print"
  | "implausible-value"
  | "direction-mismatch";

/** The printed texts a check reasons from: the reading where print is damaged, else the print. */
export type ReadTexts = Pick<EffectRecord, "valueText" | "ciLowerText" | "ciUpperText" | "rangeLowerText" | "rangeUpperText">;

/** A record as the checks see it: the exported record plus what the curator wrote about its printing. */
export type CheckRecord = EffectRecord & {
  read: ReadTexts;
  /** The paper itself shows this printing is the right one of two that disagree (and why). */
  consistentPrinting: string | null;
  /** The paper explains why this printing differs from another of the same quantity. */
  explainedDifference: string | null;
  /** The paper's own figures show this printing is wrong (and what they give instead). */
  misprint: string | null;
  /** The report this record's publication updates, and so on back: ["cairo5-esmo-2023-lba27", "citation"]. */
  updatesChain: string[];
};

export type CheckInput = { effects: CheckRecord[]; groupings: GroupingRecord[] };

/** A record taken as printed (computed records, tests): its reading is its print. */
export function asPrinted(e: EffectRecord): CheckRecord {
  return {
    ...e,
    read: { valueText: e.valueText, ciLowerText: e.ciLowerText, ciUpperText: e.ciUpperText, rangeLowerText: e.rangeLowerText, rangeUpperText: e.rangeUpperText },
    consistentPrinting: null,
    explainedDifference: null,
    misprint: null,
    updatesChain: [],
  };
}

type FlagContent = {
  severity: FlagSeverity;
  summary: FlagPhrase;
  message: FlagPhrase;
  otherEffectId?: string | null;
  otherLocator?: string | null;
  expected?: FlagArg | null;
};

/** A flag's texts: English rendered now (the report, the export, the API), the phrases kept for the Chinese (lib/db/rows.ts). */
export function flagTexts(t: Pick<FlagContent, "summary" | "message" | "expected">): Pick<CheckFlag, "summary" | "message" | "expected" | "text"> {
  const summary = renderFlagText(t.summary, "en");
  return {
    summary: summary.charAt(0).toUpperCase() + summary.slice(1),
    message: renderFlagText(t.message, "en"),
    expected: t.expected == null ? null : renderFlagText(t.expected, "en"),
    text: { summary: t.summary, message: t.message, expected: t.expected ?? null },
  };
}

export function flagFor(e: EffectRecord, code: CheckCode, t: FlagContent): CheckFlag {
  return {
    code,
    severity: t.severity,
    ...flagTexts(t),
    studyId: e.studyId,
    effectId: e.id,
    locator: e.locator,
    otherEffectId: t.otherEffectId ?? null,
    otherLocator: t.otherLocator ?? null,
  };
}

/** Where a reader finds a record: the place and the publication, never a file or an id. */
export function where(e: EffectRecord): string {
  return `${e.locator} (${e.publication})`;
}

const SECTION = /^(methods?|results|discussion|introduction|conclusions?|background|patients and methods)$/i;
/** Places in Chinese: a paper's sections and parts; tables, figures and other places stay as printed. */
const PLACE_ZH: Record<string, string> = {
  method: "方法部分",
  methods: "方法部分",
  results: "结果部分",
  discussion: "讨论部分",
  introduction: "引言部分",
  conclusion: "结论部分",
  conclusions: "结论部分",
  background: "背景部分",
  "patients and methods": "患者与方法部分",
  abstract: "摘要",
  review: "综述",
};

/** "the Abstract", "Table 2": the place a sentence can name, from the locator's first part. */
export function placeOf(e: EffectRecord): FlagArg {
  const first = e.locator.split(/[,;(]/)[0]!.trim();
  if (/^(table|figure|fig\.)/i.test(first)) return first;
  const zh = PLACE_ZH[first.toLowerCase()] ?? first;
  // A paper's sections by their names ("the Results section"); other places as written ("the ESMO 2023 abstract LBA27").
  if (SECTION.test(first)) return { en: `the ${first} section`, zh };
  return { en: `the ${inSentence(first)}`, zh };
}

/** The measure a figure is printed as, in words: "HR", "median" (中位数); `fallback` where none is given. */
export function measureWord(measure: string | null, fallback: FlagWord): FlagWord {
  return measure ? { en: measure, zh: MEASURE_WORD_ZH[measure] ?? measure } : fallback;
}

/** "RAS-mutant vs RAS wild-type": two printed labels joined in the interface's words. */
export const versus = (a: FlagArg, b: FlagArg): FlagPhrase => phrase("versus", { a, b });

/** A record's endpoint as a sentence names it: "overall survival" (总生存期, its labelZh). */
export const endpointOf = (e: EffectRecord): FlagEndpoint => ({ endpoint: e.endpoint, label: e.endpointLabel });

/** What a figure is about, in words: "overall survival, RAS-mutant" (RAS-mutant 的总生存期). */
export function subjectOf(e: EffectRecord): FlagArg {
  const sides = (e.kind === "arm" || e.kind === "frequency" ? [e.group ?? e.exposure] : [e.exposure, e.reference]).filter((s): s is string => Boolean(s));
  const who = sides.length === 2 ? versus(sides[0]!, sides[1]!) : sides[0];
  const endpoint = e.endpointLabel ? endpointOf(e) : undefined;
  return endpoint && who ? phrase("subject", { endpoint, who }) : (endpoint ?? who ?? "");
}
