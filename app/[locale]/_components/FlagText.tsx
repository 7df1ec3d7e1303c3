import { useTranslations } from "next-intl";
import type { FlagRecord } from "@/lib/domain/records";

/**
 * One integrity flag: its plain sentence first, the technical detail (method, other place, the
 * consistent value) folded below. Errors and warnings are coloured; notes stay quiet.
 */
export function FlagText({ flag: f }: { flag: Pick<FlagRecord, "severity" | "summary" | "message" | "otherLocator" | "expected"> }) {
  const t = useTranslations("flags");
  return (
    <details className={`flag-text flag-${f.severity}`}>
      <summary>
        <span className="flag-severity">{f.severity === "note" ? "ⓘ" : "⚑"} {t(`severity.${f.severity}`)}
          {t("colon")}
        </span>{" "}
        {f.summary}
      </summary>
      <p className="flag-detail">
        {f.message}
        {f.otherLocator ? ` ${t("otherPlace", { place: f.otherLocator })}` : ""}
        {f.expected ? ` ${t("consistentValue", { value: f.expected })}` : ""}
      </p>
    </details>
  );
}

/** "2 warnings, 1 note" ("2 个警告，1 个提示"): a badge's words, the worst first. */
export function flagCountText(flags: Pick<FlagRecord, "severity">[], locale: string = "en"): string {
  const parts = (["error", "warning", "note"] as const)
    .map((s) => [s, flags.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (locale === "zh" ? `${n} 个${FLAG_ZH[s]}` : `${n} ${s}${n > 1 ? "s" : ""}`));
  return parts.join(locale === "zh" ? "，" : ", ");
}

const FLAG_ZH: Record<FlagRecord["severity"], string> = { error: "错误", warning: "警告", note: "提示" };

export function worstSeverity(flags: Pick<FlagRecord, "severity">[]): FlagRecord["severity"] | null {
  return flags.some((f) => f.severity === "error") ? "error" : flags.some((f) => f.severity === "warning") ? "warning" : flags.length ? "note" : null;
}
