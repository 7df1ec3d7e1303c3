import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { settingLabel } from "@/lib/pooling/context";
import { toSearchParams, type PageSearchParams } from "../../_components/search-params";
import { IgnoredNotice } from "../../_components/IgnoredNotice";
import { PrintButton } from "../../_components/PrintButton";
import { findQuestionView, parseView, questionHref, questionIgnored } from "../_lib/question-view";
import { SofTable } from "../_components/SofTable";
import { SofFootnotes } from "../_components/SofFootnotes";
import { EvidenceProfile } from "../_components/EvidenceProfile";
import { RiskOfBiasJudgements } from "../_components/RiskOfBiasJudgements";
import { CERTAINTY_MARKS } from "../_lib/labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const view = await findQuestionView(id);
  const t = await getTranslations("sof");
  if (!view) return { title: t("notFound") };
  const q = view.summary.question;
  return { title: `${parseView(sp.view) === "profile" ? t("profile") : t("summary")}: ${(await getLocale()) === "zh" ? (q.titleZh ?? q.title) : q.title}` };
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const current = parseView(sp.view);
  const ignored = questionIgnored(toSearchParams(sp));
  const [view, requestHeaders] = await Promise.all([findQuestionView(id), headers()]);
  if (!view) notFound();
  const { summary } = view;
  const q = summary.question;
  const host = requestHeaders.get("host");
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const permalink = `${host ? `${proto}://${host}` : ""}${questionHref(id, current)}`;
  const t = await getTranslations("sof");
  const locale = await getLocale();
  const factorWord = q.kind === "prognostic" ? t("prognosticFactor") : t("intervention");
  const caption = t("caption", { exposure: summary.exposureLabel, reference: summary.referenceLabel });
  const baselines = new Set(q.outcomes.filter((o) => o.baseline).map((o) => o.endpoint));
  const outcomeLabels = new Map(summary.rows.map((r) => [r.outcome, r.outcomeLabel]));

  return (
    // sof-print: the table prints on landscape A4 (globals.css, @page sof-landscape); the profile keeps portrait.
    <div className={`question-page${current === "sof" ? " sof-print" : ""}`}>
      <p className="small no-print">
        <Link href="/questions">{t("allQuestions")}</Link>
      </p>
      <h1>{locale === "zh" ? (q.titleZh ?? q.title) : q.title}</h1>
      <p className="small muted question-version">
        {t("version")} <span className="version">{view.version}</span> · {t("permalink")} <span className="question-permalink">{permalink}</span>
      </p>
      <IgnoredNotice notes={ignored} />
      <dl className="question-facts small">
        <div>
          <dt>{t("question")}</dt>
          <dd>{t(`kind.${q.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("population")}</dt>
          <dd>{locale === "zh" ? (q.populationZh ?? q.population) : q.population}</dd>
        </div>
        {q.setting ? (
          <div>
            <dt>{t("setting")}</dt>
            <dd>{settingLabel(q.setting, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{factorWord}</dt>
          <dd>{summary.exposureLabel}</dd>
        </div>
        <div>
          <dt>{t("comparison")}</dt>
          <dd>{summary.referenceLabel}</dd>
        </div>
      </dl>
      <div className="question-toolbar no-print">
        <nav aria-label={t("views")} className="question-views">
          <ul>
            {view.views.map((v) => (
              <li key={v.view}>
                <Link href={v.href} aria-current={v.view === current ? "page" : undefined}>
                  {v.view === "profile" ? t("profile") : t("summary")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="question-exports">
          <span className="question-exports-label">{t("download")}</span>
          {view.exports.map((x) => (
            <a key={x.format} href={x.href} className="button" data-format={x.format}>
              {x.label}
            </a>
          ))}
          <PrintButton />
        </p>
      </div>

      {current === "sof" ? (
        <>
          <SofTable rows={view.rows} caption={caption} baselines={baselines} />
          <p className="small muted sof-legend">
            {t("legendCertainty")} {(["high", "moderate", "low", "very low"] as const).map((c) => `${CERTAINTY_MARKS[c].symbols} ${t(`certainty.${c}`)}`).join(locale === "zh" ? "，" : ", ")}
            {locale === "zh" ? "。" : ". "}
            {t.rich(q.kind === "prognostic" ? "legendPrognostic" : "legendIntervention", { profile: (chunks) => <Link href={questionHref(id, "profile")}>{chunks}</Link> })}
          </p>
          <SofFootnotes rows={view.rows.map((r) => r.footnotes)} />
        </>
      ) : (
        <>
          <EvidenceProfile rows={view.rows} />
          <RiskOfBiasJudgements studies={view.assessments} outcomeLabel={(c) => outcomeLabels.get(c) ?? c} />
        </>
      )}
    </div>
  );
}
