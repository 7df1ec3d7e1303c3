// GRADE's evidence profile: for each outcome the starting level and why, every domain with its
// rating, levels, reason and the figures behind it, any rating up, and the arithmetic of the sum.
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { SofRowView } from "../_lib/question-view";
import { CERTAINTY_MARKS, GRADE_DOMAIN_ORDER, IMPORTANCE_LABELS, gradeWords, numberLabel, numberText } from "../_lib/labels";
import { CertaintyMark } from "./CertaintyMark";

function Numbers({ numbers, locale }: { numbers: Record<string, number | string | null>; locale: string }) {
  const entries = Object.entries(numbers);
  if (!entries.length) return <span className="muted">—</span>;
  return (
    <dl className="profile-numbers">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{numberLabel(k, locale)}</dt>
          <dd>{numberText(v, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EvidenceProfile({ rows }: { rows: SofRowView[] }) {
  const t = useTranslations("profile");
  const sof = useTranslations("sof");
  const locale = useLocale();
  const zh = locale === "zh";
  const { domains: DOMAIN_NAMES, ratings: RATING_LABELS } = gradeWords(locale);
  const levelsText = (levels: number) => (levels ? `−${levels}` : "0");
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("heading")}</h2>
      {rows.map(({ row, evidence, considered, poolHref }) => {
        const headingId = `profile-${row.outcome}`;
        return (
          <section key={row.outcome} className="profile-outcome" aria-labelledby={headingId} data-outcome={row.outcome}>
            <h3 id={headingId}>
              {row.outcomeLabel} <span className="muted small">{zh ? `（${sof(`importance.${row.importance}`)}）` : `(${IMPORTANCE_LABELS[row.importance].toLowerCase()})`}</span>
            </h3>
            <p className="profile-summary">
              <CertaintyMark certainty={row.certainty} /> <span className="muted">{t("certainty")}</span> <span className="profile-arithmetic">{row.certaintyArithmetic}</span>
            </p>
            <div className="table-wrap" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
              <table className="profile-table">
                <caption id={`${headingId}-caption`} className="visually-hidden">
                  {t("assessmentCaption", { outcome: row.outcomeLabel })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("domain")}</th>
                    <th scope="col">{t("rating")}</th>
                    <th scope="col">{t("levels")}</th>
                    <th scope="col">{t("reason")}</th>
                    <th scope="col">{t("figures")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr className="profile-start">
                    <th scope="row">{t("startingLevel")}</th>
                    <td>{zh ? sof(`certainty.${row.startingLevel}`) : CERTAINTY_MARKS[row.startingLevel].label}</td>
                    <td>—</td>
                    <td>{row.startingReason}</td>
                    <td>
                      <span className="muted">—</span>
                    </td>
                  </tr>
                  {GRADE_DOMAIN_ORDER.map((d) => {
                    const j = row.domains[d];
                    return (
                      <tr key={d} data-domain={d}>
                        <th scope="row">{DOMAIN_NAMES[d]}</th>
                        <td>
                          {RATING_LABELS[j.rating]}
                          {j.override ? (
                            <>
                              {" "}
                              <span className="badge badge-override">{t("override")}</span>
                            </>
                          ) : null}
                        </td>
                        <td>{j.levels ? `−${j.levels}` : "0"}</td>
                        <td>
                          {j.reason}
                          {j.override ? (
                            <span className="small muted profile-computed">
                              {t("computedReplaced")}{zh ? "" : " "}
                              {zh
                                ? `${RATING_LABELS[j.override.computed.rating]}（${levelsText(j.override.computed.levels)}）：${j.override.computed.reason}`
                                : `${RATING_LABELS[j.override.computed.rating]} (${levelsText(j.override.computed.levels)}): ${j.override.computed.reason}`}
                            </span>
                          ) : null}
                        </td>
                        <td>
                          <Numbers numbers={j.numbers} locale={locale} />
                        </td>
                      </tr>
                    );
                  })}
                  {row.domains.upgrades.length ? (
                    row.domains.upgrades.map((u, i) => (
                      <tr key={i} className="profile-upgrade">
                        <th scope="row">{t("ratingUp")}</th>
                        <td>{t("upgrade")}</td>
                        <td>+{u.levels}</td>
                        <td>{u.reason}</td>
                        <td>
                          <span className="muted">—</span>
                        </td>
                      </tr>
                    ))
                  ) : (
                    <tr className="profile-upgrade">
                      <th scope="row">{t("ratingUp")}</th>
                      <td>{t("none")}</td>
                      <td>0</td>
                      <td>{t("noUpgrade")}</td>
                      <td>
                        <span className="muted">—</span>
                      </td>
                    </tr>
                  )}
                  <tr className="profile-total">
                    <th scope="row">{t("certaintyRow")}</th>
                    <td>{zh ? sof(`certainty.${row.certainty}`) : CERTAINTY_MARKS[row.certainty].label}</td>
                    <td colSpan={3}>{row.certaintyArithmetic}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <h4>{t("records")}</h4>
            {evidence.length ? (
              <ul className="profile-records small">
                {evidence.map((e) => (
                  <li key={e.id}>
                    <Link href={e.href}>{e.text}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small">{t("noRecord")}</p>
            )}
            <details className="small no-print profile-considered">
              <summary>
                {t("considered", { n: considered.length })}
              </summary>
              <ul className="profile-records">
                {considered.map((e) => (
                  <li key={e.id}>
                    <Link href={e.href}>{e.text}</Link>
                  </li>
                ))}
              </ul>
              <p>
                <Link href={poolHref}>{t("pooledLink")}</Link>
              </p>
            </details>
          </section>
        );
      })}
    </section>
  );
}
