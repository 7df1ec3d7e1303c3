import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { ListEntry } from "@/lib/data/list-entries";
import { figureText, type SentenceLocale } from "@/lib/domain/sentence";
import type { RecordLabels } from "./EffectRow";
import { FlagText, flagCountText, worstSeverity } from "./FlagText";

const FLAG_BADGE = { error: "badge-flag", warning: "badge-flag-warning", note: "badge-flag-note" } as const;

/**
 * Under a list entry's lead: where else its figure is printed, any printing that gives another figure
 * (the charts' wording), and every folded printing with its locator and flags, so each number on the
 * page stays traceable to where it is printed.
 */
export function FoldedPrintings({ entry, labels }: { entry: ListEntry; labels: RecordLabels }) {
  if (entry.copies.length === 0) return null;
  const n = entry.copies.length;
  const t = useTranslations("record");
  const locale = useLocale() as SentenceLocale;
  return (
    <div className="folded-printings small" data-testid="folded-printings">
      {entry.leadOffPage ? <div className="muted">{t("leadOffPage")}</div> : null}
      {entry.alsoPrintedIn.length ? <div data-testid="also-printed-in">{t("alsoPrintedIn", { list: entry.alsoPrintedIn.join("; ") })}</div> : null}
      {entry.disagreements.map((d) => (
        <div key={d} className="disagreement" data-testid="disagreement">
          ≠ {d}
        </div>
      ))}
      <details>
        <summary>
          {t("otherPrintings", { count: n })}
        </summary>
        <ul className="folded-list">
          {entry.copies.map(({ effect: c, differs, onPage }) => (
            <li key={c.id} data-folded-id={c.id}>
              <strong>{figureText(c, locale)}</strong> ·{" "}
              <Link href={`/studies/${c.studyId}#${encodeURIComponent(c.recordId)}`}>
                {c.studyShortName}, {c.locator}
              </Link>{" "}
              · {labels.sourceLevel[c.sourceLevel] ?? c.sourceLevel}
              {c.citedAs ? ` — ${c.publication}, ${t("ref", { ref: c.citedAs })}` : c.publication !== entry.lead.publication ? ` — ${c.publication}` : ""}
              {differs ? ` · ${t("printsAnotherFigure")}` : ""}
              {c.readingReason ? ` · ${t("damagedPrintRead")}` : ""}
              {onPage ? "" : ` · ${t("onAnotherPage")}`}
              {c.flags.length > 0 ? (
                <>
                  {" "}
                  <span className={`badge ${FLAG_BADGE[worstSeverity(c.flags)!]}`}>
                    {worstSeverity(c.flags) === "note" ? "ⓘ" : "⚑"} {flagCountText(c.flags, locale)}
                  </span>
                  {c.flags.map((f, i) => (
                    <FlagText flag={f} key={i} />
                  ))}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
