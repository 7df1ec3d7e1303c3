import { Link } from "@/i18n/navigation";
import type { PoolResult } from "@/lib/pooling/pool";

const FOLD_ABOVE = 12;

/** A record id is "<studyId>/<recordId>"; the study page anchors each record by its recordId. */
function recordHref(id: string): string {
  const slash = id.indexOf("/");
  return `/studies/${id.slice(0, slash)}#${encodeURIComponent(id.slice(slash + 1))}`;
}

function RecordLink({ id, studyNames }: { id: string; studyNames: Record<string, string> }) {
  const slash = id.indexOf("/");
  const study = studyNames[id.slice(0, slash)] ?? id.slice(0, slash);
  return (
    <Link href={recordHref(id)}>
      {study} · {id.slice(slash + 1)}
    </Link>
  );
}

/** Every record the guard rails set aside, grouped by the reason as they give it, and the findings that cannot be pooled. */
export function RecordsLeftOut({ result, studyNames }: { result: PoolResult; studyNames: Record<string, string> }) {
  // A same-cohort reason ends with the id of the record kept in its place: shown as a link, not text.
  const groups = new Map<string, { id: string; kept: string | null }[]>();
  for (const e of result.excluded) {
    const m = / \[([^\]]+)\]$/.exec(e.reason);
    const reason = m ? e.reason.slice(0, m.index) : e.reason;
    groups.set(reason, [...(groups.get(reason) ?? []), { id: e.id, kept: m ? m[1]! : null }]);
  }
  return (
    <section aria-labelledby="left-out-heading">
      <h2 id="left-out-heading">Records left out ({result.excluded.length})</h2>
      {groups.size === 0 ? <p className="small muted">No record under these filters was set aside.</p> : null}
      <ul className="left-out" data-testid="records-left-out">
        {[...groups.entries()].map(([reason, records]) => {
          const heading = (
            <>
              {reason.charAt(0).toUpperCase()}
              {reason.slice(1)} <span className="muted">({records.length})</span>
            </>
          );
          const list = (
            <ul className="left-out-records small">
              {records.map((r) => (
                <li key={r.id}>
                  <RecordLink id={r.id} studyNames={studyNames} />
                  {r.kept ? (
                    <>
                      {" "}
                      — kept instead: <RecordLink id={r.kept} studyNames={studyNames} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          );
          // A long list (hundreds of arm-level figures on a broad view) folds; the reason and count stay in sight.
          return (
            <li key={reason}>
              {records.length > FOLD_ABOVE ? (
                <details>
                  <summary className="left-out-reason">{heading}</summary>
                  {list}
                </details>
              ) : (
                <>
                  <p className="left-out-reason">{heading}</p>
                  {list}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {result.notPooled.length ? (
        <>
          <h3>Reported but not poolable</h3>
          <ul className="small" data-testid="not-pooled">
            {result.notPooled.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
