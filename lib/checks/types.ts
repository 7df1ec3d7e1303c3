import type { EffectRecord } from "../domain/records";
import type { GroupingRecord } from "../build/normalise";

export type CheckFlag = {
  code: CheckCode;
  severity: "warning" | "error";
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
  | "groups-sum"
  | "implausible-value"
  | "direction-mismatch";

export type CheckInput = { effects: EffectRecord[]; groupings: GroupingRecord[] };

export function flagFor(
  e: EffectRecord,
  code: CheckCode,
  message: string,
  extra: Partial<Pick<CheckFlag, "severity" | "otherEffectId" | "otherLocator" | "expected">> = {},
): CheckFlag {
  return {
    code,
    severity: extra.severity ?? "warning",
    message,
    studyId: e.studyId,
    effectId: e.id,
    locator: e.locator,
    otherEffectId: extra.otherEffectId ?? null,
    otherLocator: extra.otherLocator ?? null,
    expected: extra.expected ?? null,
  };
}

/** A flag on each of two records that disagree, each naming the other. */
export function pairFlags(a: EffectRecord, b: EffectRecord, code: CheckCode, message: string, expected: string | null): CheckFlag[] {
  return [
    flagFor(a, code, message, { otherEffectId: b.id, otherLocator: where(b), expected }),
    flagFor(b, code, message, { otherEffectId: a.id, otherLocator: where(a), expected }),
  ];
}

export function where(e: EffectRecord): string {
  return `${e.studyShortName}, ${e.locator}${e.document ? ` [${e.document}]` : ""}`;
}
