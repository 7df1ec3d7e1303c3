// The Summary of Findings in GRADE's layout: outcome (importance), studies (participants), relative
// effect, anticipated absolute effect, certainty with the domains that lowered it, and what happens.
import { Link } from "@/i18n/navigation";
import type { SofRow } from "@/lib/grade/sof";
import type { SofRowView } from "../_lib/question-view";
import { IMPORTANCE_LABELS, ratioText } from "../_lib/labels";
import { CertaintyMark } from "./CertaintyMark";

function RelativeEffect({ row }: { row: SofRow }) {
  const { effect, measure } = row;
  if (effect.kind === "none" || effect.estimate === null || effect.ciLower === null || effect.ciUpper === null) return <span className="small">{effect.text}</span>;
  return (
    <>
      <strong className="sof-estimate">
        {measure} {ratioText(effect.estimate)}
      </strong>{" "}
      <span className="sof-interval">
        (95% CI {ratioText(effect.ciLower)} to {ratioText(effect.ciUpper)})
      </span>
      {effect.kind === "pooled" && effect.piLower !== null && effect.piUpper !== null ? (
        <span className="sof-interval">
          {" "}
          PI {ratioText(effect.piLower)} to {ratioText(effect.piUpper)}
        </span>
      ) : null}
      <span className="small muted sof-basis">{effect.kind === "pooled" ? `${row.pool.k} studies pooled (REML, Hartung–Knapp)` : "One study: nothing to pool"}</span>
    </>
  );
}

function AbsoluteEffect({ row, hasBaseline }: { row: SofRow; hasBaseline: boolean }) {
  if (row.absolute)
    return (
      <>
        <span>{row.absolute.text}</span>
        <small className="sof-assumption">{row.absolute.assumption}</small>
      </>
    );
  const why = row.effect.estimate === null ? "No effect estimate to apply." : hasBaseline ? "The comparator's figure is not a risk or median this ratio applies to." : "No comparator risk or median chosen for this outcome.";
  return (
    <>
      <span>Not estimated</span>
      <small className="sof-assumption">{why}</small>
    </>
  );
}

export function SofTable({ rows, caption, baselines }: { rows: SofRowView[]; caption: string; baselines: Set<string> }) {
  return (
    <>
      <p className="sof-scroll-hint small muted no-print">The table is wider than the screen: scroll it sideways.</p>
      <div className="table-wrap sof-table-wrap" role="region" aria-labelledby="sof-caption" tabIndex={0}>
        <table className="sof-table">
          <caption id="sof-caption">{caption}</caption>
          <colgroup>
            <col className="sof-col-outcome" />
            <col className="sof-col-studies" />
            <col className="sof-col-relative" />
            <col className="sof-col-absolute" />
            <col className="sof-col-certainty" />
            <col className="sof-col-statement" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Outcome (importance)</th>
              {/* A soft hyphen: on a phone the narrow column breaks "partici-pants" rather than mid-letter. */}
              <th scope="col">№ of studies (partici&shy;pants)</th>
              <th scope="col">Relative effect (95% CI; PI where pooled)</th>
              <th scope="col">Anticipated absolute effect</th>
              <th scope="col">Certainty of the evidence (GRADE)</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, poolHref, recordsHref, footnotes }) => (
              <tr key={row.outcome} id={`outcome-${row.outcome}`} data-outcome={row.outcome}>
                <th scope="row">
                  <span className="sof-outcome">{row.outcomeLabel}</span>
                  <span className={`sof-importance sof-importance-${row.importance}`}>{IMPORTANCE_LABELS[row.importance]}</span>
                  <span className="sof-row-links no-print small">
                    <Link href={poolHref}>
                      Forest plot<span className="visually-hidden"> of {row.outcomeLabel}</span>
                    </Link>
                    <Link href={recordsHref}>
                      Records<span className="visually-hidden"> of {row.outcomeLabel}</span>
                    </Link>
                  </span>
                </th>
                <td>
                  {row.studies} <span className="muted">({row.participants ?? "participants not reported"})</span>
                </td>
                <td>
                  <RelativeEffect row={row} />
                </td>
                <td>
                  <AbsoluteEffect row={row} hasBaseline={baselines.has(row.outcome)} />
                </td>
                <td>
                  <CertaintyMark certainty={row.certainty} />
                  {footnotes.notes.length ? (
                    <ul className="sof-lowered">
                      {footnotes.notes.map((n) => (
                        <li key={n.mark}>
                          {n.name} <span className="muted">{n.rating}</span>
                          {n.override ? <span className="badge badge-override">override</span> : null}
                          <sup className="footnote-ref">
                            <a href={`#footnote-${n.mark}`} aria-label={`footnote ${n.mark}`}>
                              {n.mark}
                            </a>
                          </sup>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>{row.statement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
