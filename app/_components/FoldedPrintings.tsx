import Link from "next/link";
import type { ListEntry } from "@/lib/data/list-entries";
import { figureText } from "@/lib/domain/sentence";
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
  return (
    <div className="folded-printings small" data-testid="folded-printings">
      {entry.leadOffPage ? <div className="muted">Listed on another page of these results; shown here because a printing on this page is folded under it.</div> : null}
      {entry.alsoPrintedIn.length ? <div data-testid="also-printed-in">Also printed in: {entry.alsoPrintedIn.join("; ")}</div> : null}
      {entry.disagreements.map((d) => (
        <div key={d} className="disagreement" data-testid="disagreement">
          ≠ {d}
        </div>
      ))}
      <details>
        <summary>
          {n} other printing{n === 1 ? "" : "s"} of this figure
        </summary>
        <ul className="folded-list">
          {entry.copies.map(({ effect: c, differs, onPage }) => (
            <li key={c.id} data-folded-id={c.id}>
              <strong>{figureText(c)}</strong> ·{" "}
              <Link href={`/studies/${c.studyId}#${encodeURIComponent(c.recordId)}`}>
                {c.studyShortName}, {c.locator}
              </Link>{" "}
              · {labels.sourceLevel[c.sourceLevel] ?? c.sourceLevel}
              {c.citedAs ? ` — ${c.publication}, ref ${c.citedAs}` : c.publication !== entry.lead.publication ? ` — ${c.publication}` : ""}
              {differs ? " · prints another figure" : ""}
              {c.readingReason ? " · damaged print read" : ""}
              {onPage ? "" : " · on another page of these results"}
              {c.flags.length > 0 ? (
                <>
                  {" "}
                  <span className={`badge ${FLAG_BADGE[worstSeverity(c.flags)!]}`}>
                    {worstSeverity(c.flags) === "note" ? "ⓘ" : "⚑"} {flagCountText(c.flags)}
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
