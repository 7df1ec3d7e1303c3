// The explanations under a Summary of Findings: each footnote letter's reason in words, a curator's
// override with the rating it replaced, and the ratios the pooling guard rails set aside.
import type { RowFootnotes } from "../_lib/footnotes";

export function SofFootnotes({ rows }: { rows: RowFootnotes[] }) {
  return (
    <section className="sof-footnotes" aria-labelledby="footnotes-heading">
      <h2 id="footnotes-heading">Explanations</h2>
      {rows.map((r) => (
        <div key={r.outcome} className="sof-footnote-group" data-outcome={r.outcome}>
          <h3>{r.outcomeLabel}</h3>
          {r.notes.length ? (
            <ul className="footnote-list">
              {r.notes.map((n) => (
                <li key={n.mark} id={`footnote-${n.mark}`}>
                  <span className="footnote-mark">{n.mark}</span>
                  <span>
                    <strong>
                      {n.name}: {n.rating}.
                    </strong>{" "}
                    {n.override ? (
                      <>
                        <span className="badge badge-override">override</span> Curator&apos;s reason: {n.override.reason} <span className="muted">Computed rating: {n.override.computed}</span>
                      </>
                    ) : (
                      n.reason
                    )}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">No domain lowered the certainty of this outcome.</p>
          )}
          {r.setAside.length ? (
            <>
              <p className="small sof-set-aside-heading">Ratios reported for this outcome but set aside by the pooling guard rails:</p>
              <ul className="small sof-set-aside">
                {r.setAside.map((s) => (
                  <li key={s.id}>
                    {s.study}: {s.text}: {s.reason}.
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
    </section>
  );
}
