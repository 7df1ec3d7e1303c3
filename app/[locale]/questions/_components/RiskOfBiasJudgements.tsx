// The risk-of-bias judgements of each study the certainty rests on, as the two assessors reconciled
// them (content/risk-of-bias): tool, overall judgement, every domain with its reason and where in
// the paper it comes from, and the outcome-specific exceptions.
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { StudyAssessment } from "../_lib/question-view";
import { judgementLabel, robDomainLabel, robToolLabel } from "../_lib/labels";

export function RiskOfBiasJudgements({ studies, outcomeLabel }: { studies: StudyAssessment[]; outcomeLabel: (code: string) => string }) {
  const t = useTranslations("profile");
  const locale = useLocale();
  const zh = locale === "zh";
  // Chinese punctuation between the interface's words; the reasons are the assessors' (content).
  const sep = zh ? { list: "；", label: "：", clause: "，", end: "。" } : { list: "; ", label: ": ", clause: ", ", end: "." };
  return (
    <section aria-labelledby="rob-heading" className="rob-section">
      <h2 id="rob-heading">{t("robHeading")}</h2>
      {studies.length === 0 ? <p>{t("noStudy")}</p> : null}
      {studies.map((s) => {
        const a = s.assessment;
        const headingId = `rob-${s.studyId}`;
        return (
          <article key={s.studyId} className="card rob-study" aria-labelledby={headingId} data-study={s.studyId}>
            <h3 id={headingId}>
              <Link href={s.href}>{s.study}</Link>
            </h3>
            <p className="small">
              {t("judgementUsed")}
              {zh ? "" : " "}
              {s.outcomes.map((o, i) => (
                <span key={o.outcome}>
                  {i ? sep.list : ""}
                  {o.label}
                  {sep.label}
                  <strong>{o.judgement ? judgementLabel(o.judgement, locale) : t("notAssessedHigh")}</strong>
                </span>
              ))}
              {sep.end}
            </p>
            {a ? (
              <>
                <dl className="rob-facts small">
                  <div>
                    <dt>{t("tool")}</dt>
                    <dd>{robToolLabel(a.tool, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t("basis")}</dt>
                    <dd>{a.basis}</dd>
                  </div>
                  <div>
                    <dt>{t("overall")}</dt>
                    <dd>
                      <strong className={`rob-judgement rob-${a.overall.judgement}`}>{judgementLabel(a.overall.judgement, locale)}</strong>
                      {sep.label}
                      {a.overall.reason}
                    </dd>
                  </div>
                </dl>
                {Object.keys(a.domains).length ? (
                  <div className="table-wrap" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
                    <table className="rob-table small">
                      <caption id={`${headingId}-caption`} className="visually-hidden">
                        {t("robCaption", { tool: a.tool, study: s.study })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("domain")}</th>
                          <th scope="col">{t("judgement")}</th>
                          <th scope="col">{t("reason")}</th>
                          <th scope="col">{t("where")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {Object.entries(a.domains).map(([domain, j]) => (
                          <tr key={domain}>
                            <th scope="row">{robDomainLabel(a.tool, domain, locale)}</th>
                            <td>
                              <span className={`rob-judgement rob-${j.judgement}`}>{judgementLabel(j.judgement, locale)}</span>
                            </td>
                            <td>{j.reason}</td>
                            <td>{j.locator ?? <span className="muted">{t("notGiven")}</span>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {a.outcomeExceptions.length ? (
                  <>
                    <h4>{t("outcomeSpecific")}</h4>
                    <ul className="small">
                      {a.outcomeExceptions.map((x, i) => (
                        <li key={i}>
                          {outcomeLabel(x.outcome)}
                          {sep.clause}
                          {zh ? robDomainLabel(a.tool, x.domain, locale) : robDomainLabel(a.tool, x.domain).toLowerCase()}
                          {sep.label}
                          <strong>{judgementLabel(x.judgement, locale)}</strong>
                          {sep.end}
                          {zh ? "" : " "}
                          {x.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <p className="small muted rob-reconciliation">
                  {t("reconciliation")} {a.reconciliation}
                </p>
              </>
            ) : (
              <p className="small">{t("notAssessed")}</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
