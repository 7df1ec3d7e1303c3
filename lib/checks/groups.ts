// Arms or categories that do not add up to the total.
import type { GroupingRecord } from "../build/normalise";
import type { CheckFlag } from "./types";

export function checkGroupSums(groupings: GroupingRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const g of groupings) {
    if (g.arms.some((a) => a.n === null)) continue;
    const sum = g.arms.reduce((s, a) => s + (a.n ?? 0), 0);
    if (sum === g.total) continue;
    const parts = g.arms.map((a) => `${a.label} ${a.n}`).join(" + ");
    flags.push({
      code: "groups-sum",
      // The paper's own groups and total disagree: a figure in it is wrong somewhere.
      severity: "error",
      summary: `The groups by ${g.label.toLowerCase()} (${parts}) add up to ${sum}, but the paper's total is ${g.total}.`,
      message: `${g.label}: ${parts} = ${sum}, not the total of ${g.total}.`,
      studyId: g.studyId,
      effectId: null,
      locator: g.locator,
      otherEffectId: null,
      otherLocator: null,
      expected: `groups summing to ${g.total} (difference ${sum - g.total > 0 ? "+" : ""}${sum - g.total})`,
    });
  }
  return flags;
}
