// The explanations under a Summary of Findings: each footnote letter's reason in words, a curator's
// override with the rating it replaced, and the ratios the pooling guard rails set aside.
import { useLocale, useTranslations } from "next-intl";
import type { RowFootnotes } from "../_lib/footnotes";
import { reasonValues } from "@/lib/pooling/context";

export function SofFootnotes({ rows }: { rows: RowFootnotes[] }) {
  const t = useTranslations("profile");
  const reasons = useTranslations("pool.reasons");
  const zh = useLocale() === "zh";
  return (
    <section className="sof-footnotes" aria-labelledby="footnotes-heading">
      <h2 id="footnotes-heading">{t("explanations")}</h2>
      {rows.map((r) => (
        <div key={r.outcome} className="sof-footnote-group" data-outcome={r.outcome}>
          <h3>{r.outcomeLabel}</h3>
          {r.notes.length ? (
            <ul className="footnote-list">
              {r.notes.map((n) => (
                <li key={n.mark} id={`footnote-${n.mark}`}>
                  <span className="footnote-mark">{n.mark}</span>
                  <span>
                    <strong>{zh ? `${n.name}：${n.rating}。` : `${n.name}: ${n.rating}.`}</strong>
                    {zh ? "" : " "}
                    {n.override ? (
                      <>
                        {/* The curator's reason is content (their words); the framing around it is the interface's. */}
                        <span className="badge badge-override">{t("override")}</span> {t("curatorReason")} {n.override.reason} <span className="muted">{t("computedRating")} {n.override.computed}</span>
                      </>
                    ) : (
                      n.reason
                    )}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">{t("noDomainLowered")}</p>
          )}
          {r.setAside.length ? (
            <>
              <p className="small sof-set-aside-heading">{t("setAside")}</p>
              <ul className="small sof-set-aside">
                {r.setAside.map((s) => (
                  <li key={s.id}>
                    {zh ? `${s.study}：${s.text}：${reasons(s.code, reasonValues(s, "zh"))}。` : `${s.study}: ${s.text}: ${s.reason}.`}
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
