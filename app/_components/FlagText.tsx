import type { FlagRecord } from "@/lib/domain/records";

const SEVERITY_WORD: Record<FlagRecord["severity"], string> = { error: "Error", warning: "Warning", note: "Note" };

/**
 * One integrity flag: its plain sentence first, the technical detail (method, other place, the
 * consistent value) folded below. Errors and warnings are coloured; notes stay quiet.
 */
export function FlagText({ flag: f }: { flag: Pick<FlagRecord, "severity" | "summary" | "message" | "otherLocator" | "expected"> }) {
  return (
    <details className={`flag-text flag-${f.severity}`}>
      <summary>
        <span className="flag-severity">{f.severity === "note" ? "ⓘ" : "⚑"} {SEVERITY_WORD[f.severity]}:</span> {f.summary}
      </summary>
      <p className="flag-detail">
        {f.message}
        {f.otherLocator ? ` Other place: ${f.otherLocator}.` : ""}
        {f.expected ? ` Consistent value: ${f.expected}.` : ""}
      </p>
    </details>
  );
}

/** "2 warnings, 1 note": a badge's words, the worst first. */
export function flagCountText(flags: Pick<FlagRecord, "severity">[]): string {
  const parts = (["error", "warning", "note"] as const)
    .map((s) => [s, flags.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n > 1 ? "s" : ""}`);
  return parts.join(", ");
}

export function worstSeverity(flags: Pick<FlagRecord, "severity">[]): FlagRecord["severity"] | null {
  return flags.some((f) => f.severity === "error") ? "error" : flags.some((f) => f.severity === "warning") ? "warning" : flags.length ? "note" : null;
}
