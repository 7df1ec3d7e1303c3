// Arms or categories that do not add up to the total.
import type { GroupingRecord } from "../build/normalise";
import { phrase } from "./flag-text";
import { flagTexts, type CheckFlag } from "./types";

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
      ...flagTexts({
        summary: phrase("groups.sum", { grouping: { en: g.label.toLowerCase(), zh: g.label }, groups: parts, sum: String(sum), total: String(g.total) }),
        message: phrase("groups.sumDetail", { grouping: g.label, groups: parts, sum: String(sum), total: String(g.total) }),
        expected: phrase("groups.expected", { total: String(g.total), difference: `${sum - g.total > 0 ? "+" : ""}${sum - g.total}` }),
      }),
      studyId: g.studyId,
      effectId: null,
      locator: g.locator,
      otherEffectId: null,
      otherLocator: null,
    });
  }
  return flags;
}
