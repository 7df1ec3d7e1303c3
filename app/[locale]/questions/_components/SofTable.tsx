// The Summary of Findings in GRADE's layout: outcome (importance), studies (participants), relative
// effect, anticipated absolute effect, certainty with the domains that lowered it, and what happens.
import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import type { SofRow } from "@/lib/grade/sof";
import type { SofRowView } from "../_lib/question-view";
import { ratioText } from "../_lib/labels";
import { CertaintyMark } from "./CertaintyMark";

function RelativeEffect({ row }: { row: SofRow }) {
  const t = useTranslations("sof");
  const { effect, measure } = row;
  if (effect.kind === "none" || effect.estimate === null || effect.ciLower === null || effect.ciUpper === null) return <span className="small">{effect.text}</span>;
  return (
    <>
      <strong className="sof-estimate">
        {measure} {ratioText(effect.estimate)}
      </strong>{" "}
      <span className="sof-interval">
        {t("ci", { lower: ratioText(effect.ciLower), upper: ratioText(effect.ciUpper) })}
      </span>
      {effect.kind === "pooled" && effect.piLower !== null && effect.piUpper !== null ? (
        <span className="sof-interval">
          {" "}
          {t("pi", { lower: ratioText(effect.piLower), upper: ratioText(effect.piUpper) })}
        </span>
      ) : null}
      <span className="small muted sof-basis">{effect.kind === "pooled" ? t("pooled", { k: row.pool.k }) : t("oneStudy")}</span>
    </>
  );
}

function AbsoluteEffect({ row, hasBaseline }: { row: SofRow; hasBaseline: boolean }) {
  const t = useTranslations("sof");
  if (row.absolute)
    return (
      <>
        <span>{row.absolute.text}</span>
        <small className="sof-assumption">{row.absolute.assumption}</small>
      </>
    );
  const why = row.effect.estimate === null ? t("noEstimate") : hasBaseline ? t("notApplicable") : t("noBaseline");
  return (
    <>
      <span>{t("notEstimated")}</span>
      <small className="sof-assumption">{why}</small>
    </>
  );
}

export function SofTable({ rows, caption, baselines }: { rows: SofRowView[]; caption: string; baselines: Set<string> }) {
  const t = useTranslations("sof");
  return (
    <>
      <p className="sof-scroll-hint small muted no-print">{t("scrollHint")}</p>
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
              <th scope="col">{t("col.outcome")}</th>
              {/* A soft hyphen (in the message): on a phone the narrow column breaks "partici-pants" rather than mid-letter. */}
              <th scope="col">{t("col.studies")}</th>
              <th scope="col">{t("col.relative")}</th>
              <th scope="col">{t("col.absolute")}</th>
              <th scope="col">{t("col.certainty")}</th>
              <th scope="col">{t("col.statement")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, poolHref, recordsHref, footnotes }) => (
              <tr key={row.outcome} id={`outcome-${row.outcome}`} data-outcome={row.outcome}>
                <th scope="row">
                  <span className="sof-outcome">{row.outcomeLabel}</span>
                  <span className={`sof-importance sof-importance-${row.importance}`}>{t(`importance.${row.importance}`)}</span>
                  <span className="sof-row-links no-print small">
                    <Link href={poolHref}>
                      {t("forestPlot")}<span className="visually-hidden"> {t("of", { outcome: row.outcomeLabel })}</span>
                    </Link>
                    <Link href={recordsHref}>
                      {t("records")}<span className="visually-hidden"> {t("of", { outcome: row.outcomeLabel })}</span>
                    </Link>
                  </span>
                </th>
                <td>
                  {row.studies} <span className="muted">({row.participants ?? t("participantsNotReported")})</span>
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
                          {n.override ? <span className="badge badge-override">{t("override")}</span> : null}
                          <sup className="footnote-ref">
                            <a href={`#footnote-${n.mark}`} aria-label={t("footnote", { mark: n.mark })}>
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
