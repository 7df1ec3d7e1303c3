import type { EffectRecord, FlagSeverity } from "../domain/records";
import type { GroupingRecord } from "../build/normalise";

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

type FlagText = {
  severity: FlagSeverity;
  summary: string;
  message: string;
  otherEffectId?: string | null;
  otherLocator?: string | null;
  expected?: string | null;
};

export function flagFor(e: EffectRecord, code: CheckCode, t: FlagText): CheckFlag {
  return {
    code,
    severity: t.severity,
    summary: t.summary.charAt(0).toUpperCase() + t.summary.slice(1),
    message: t.message,
    studyId: e.studyId,
    effectId: e.id,
    locator: e.locator,
    otherEffectId: t.otherEffectId ?? null,
    otherLocator: t.otherLocator ?? null,
    expected: t.expected ?? null,
  };
}

/** Where a reader finds a record: the place and the publication, never a file or an id. */
export function where(e: EffectRecord): string {
  return `${e.locator} (${e.publication})`;
}

/** "the Abstract", "Table 2": the place a sentence can name, from the locator's first part. */
export function placeOf(e: EffectRecord): string {
  const first = e.locator.split(/[,;(]/)[0]!.trim();
  if (/^(table|figure|fig\.)/i.test(first)) return first;
  // A paper's sections by their names ("the Results section"); other places as written ("the ESMO 2023 abstract LBA27").
  if (/^(methods?|results|discussion|introduction|conclusions?|background|patients and methods)$/i.test(first)) return `the ${first} section`;
  return `the ${inSentence(first)}`;
}

/** "overall survival" from "Overall survival", but "ORR in the liver" stays: acronyms keep their case. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** What a figure is about, in words: "overall survival, RAS-mutant". */
export function subjectOf(e: EffectRecord): string {
  const who = e.kind === "arm" || e.kind === "frequency" ? (e.group ?? e.exposure) : [e.exposure, e.reference].filter(Boolean).join(" vs ");
  return [inSentence(e.endpointLabel), who].filter(Boolean).join(", ");
}
