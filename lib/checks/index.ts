// All integrity checks, run on every build. Each returns flags; none changes a figure.
import { checkEstimateInsideCi, checkLogSymmetry } from "./ci";
import { checkDuplicates } from "./duplicates";
import { checkGroupSums } from "./groups";
import { checkPercent } from "./percent";
import { checkPAgainstCi } from "./p-value";
import { checkPlausibility } from "./plausibility";
import { checkDirection } from "./direction";
import type { CheckFlag, CheckInput } from "./types";

export const CHECKS = [
  { code: "percent-mismatch", describe: "a percentage that cannot come from its n/N", run: (i: CheckInput) => checkPercent(i.effects) },
  { code: "estimate-outside-ci", describe: "an estimate outside its CI", run: (i: CheckInput) => checkEstimateInsideCi(i.effects) },
  { code: "ci-asymmetric", describe: "a ratio CI asymmetric on the log scale beyond rounding", run: (i: CheckInput) => checkLogSymmetry(i.effects) },
  { code: "p-ci-mismatch", describe: "a p-value inconsistent with the CI (Wald z from the CI)", run: (i: CheckInput) => checkPAgainstCi(i.effects) },
  { code: "duplicate-mismatch / secondary-mismatch / report-update", describe: "the same quantity printed with different values (in one paper, in a later report, or in a secondary source vs the primary)", run: (i: CheckInput) => checkDuplicates(i.effects) },
  { code: "damaged-print / implausible-value", describe: "a damaged printing (a lost decimal point) with its reading, or an implausible figure not yet read", run: (i: CheckInput) => checkPlausibility(i.effects) },
  { code: "direction-mismatch", describe: "a ratio or difference pointing the other way from the arm figures it compares", run: (i: CheckInput) => checkDirection(i.effects) },
  { code: "groups-sum", describe: "groups that do not add up to N", run: (i: CheckInput) => checkGroupSums(i.groupings) },
] as const;

export function runChecks(input: CheckInput): CheckFlag[] {
  return CHECKS.flatMap((c) => c.run(input));
}

export type { CheckFlag, CheckInput } from "./types";
