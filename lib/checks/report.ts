// The integrity report printed by every build: every flag, grouped by check, with both sides.
import type { BuiltDataset } from "../build/dataset";
import { CHECKS } from ".";

export function integrityReport(d: BuiltDataset): string {
  const lines: string[] = [`Integrity report — dataset ${d.version}`, ""];
  const seenPairs = new Set<string>();
  for (const check of CHECKS) {
    const codes = check.code.split(" / ");
    const flags = d.checkFlags.filter((f) => codes.includes(f.code));
    const shown = flags.filter((f) => {
      if (!f.otherEffectId || !f.effectId) return true;
      const key = [f.code, ...[f.effectId, f.otherEffectId].sort()].join("|");
      if (seenPairs.has(key)) return false;
      seenPairs.add(key);
      return true;
    });
    lines.push(`## ${check.code}: ${check.describe} — ${shown.length}`);
    for (const f of shown) {
      lines.push(`- [${f.severity}] ${f.effectId ?? f.studyId} @ ${f.locator ?? "-"}`);
      lines.push(`    ${f.summary}`);
      lines.push(`    detail: ${f.message}`);
      if (f.otherEffectId) lines.push(`    other side: ${f.otherEffectId} @ ${f.otherLocator}`);
      if (f.expected) lines.push(`    consistent value: ${f.expected}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
