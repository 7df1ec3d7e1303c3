import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { PoolResult } from "@/lib/pooling/pool";
import { reasonValues } from "@/lib/pooling/context";

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
  const t = useTranslations("pool");
  const levels = useTranslations("chart.level");
  const zh = useLocale() === "zh";
  // A same-cohort reason ends with the id of the record kept in its place: shown as a link, not text.
  // Grouped on the English reason; in Chinese the heading is the reason's message (pool.reasons.<code>).
  const groups = new Map<string, { id: string; kept: string | null }[]>();
  const headings = new Map<string, string>();
  for (const e of result.excluded) {
    const m = / \[([^\]]+)\]$/.exec(e.reason);
    const reason = m ? e.reason.slice(0, m.index) : e.reason;
    groups.set(reason, [...(groups.get(reason) ?? []), { id: e.id, kept: m ? m[1]! : null }]);
    if (!headings.has(reason)) headings.set(reason, zh ? t(`reasons.${e.code}`, reasonValues(e, "zh", (level) => (levels.has(level) ? levels(level) : level))) : reason);
  }
  return (
    <section aria-labelledby="left-out-heading">
      <h2 id="left-out-heading">{t("leftOut", { n: String(result.excluded.length) })}</h2>
      {groups.size === 0 ? <p className="small muted">{t("noneLeftOut")}</p> : null}
      <ul className="left-out" data-testid="records-left-out">
        {[...groups.entries()].map(([reason, records]) => {
          const shown = headings.get(reason) ?? reason;
          const heading = (
            <>
              {shown.charAt(0).toUpperCase()}
              {shown.slice(1)} <span className="muted">({records.length})</span>
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
                      {t("keptInstead")} <RecordLink id={r.kept} studyNames={studyNames} />
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
          <h3>{t("notPoolable")}</h3>
          <ul className="small" data-testid="not-pooled">
            {(zh ? result.notPooledZh : result.notPooled).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
