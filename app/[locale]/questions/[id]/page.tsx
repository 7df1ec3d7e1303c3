import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import type { PageSearchParams } from "../../_components/search-params";
import { PrintButton } from "../../_components/PrintButton";
import { findQuestionView, parseView, questionHref } from "../_lib/question-view";
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
  if (!view) return { title: "Question not found" };
  return { title: `${parseView(sp.view) === "profile" ? "Evidence profile" : "Summary of findings"}: ${view.summary.question.title}` };
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const current = parseView(sp.view);
  const [view, requestHeaders] = await Promise.all([findQuestionView(id), headers()]);
  if (!view) notFound();
  const { summary } = view;
  const q = summary.question;
  const host = requestHeaders.get("host");
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const permalink = `${host ? `${proto}://${host}` : ""}${questionHref(id, current)}`;
  const factorWord = q.kind === "prognostic" ? "Prognostic factor" : "Intervention";
  const caption = `Summary of findings: ${summary.exposureLabel} compared with ${summary.referenceLabel}`;
  const baselines = new Set(q.outcomes.filter((o) => o.baseline).map((o) => o.endpoint));
  const outcomeLabels = new Map(summary.rows.map((r) => [r.outcome, r.outcomeLabel]));

  return (
    // sof-print: the table prints on landscape A4 (globals.css, @page sof-landscape); the profile keeps portrait.
    <div className={`question-page${current === "sof" ? " sof-print" : ""}`}>
      <p className="small no-print">
        <Link href="/questions">← All questions</Link>
      </p>
      <h1>{q.title}</h1>
      <p className="small muted question-version">
        Dataset version <span className="version">{view.version}</span> · Permalink: <span className="question-permalink">{permalink}</span>
      </p>
      <dl className="question-facts small">
        <div>
          <dt>Question</dt>
          <dd>{view.kindLabel}</dd>
        </div>
        <div>
          <dt>Population</dt>
          <dd>{q.population}</dd>
        </div>
        {q.setting ? (
          <div>
            <dt>Setting</dt>
            <dd>{q.setting}</dd>
          </div>
        ) : null}
        <div>
          <dt>{factorWord}</dt>
          <dd>{summary.exposureLabel}</dd>
        </div>
        <div>
          <dt>Comparison</dt>
          <dd>{summary.referenceLabel}</dd>
        </div>
      </dl>
      <div className="question-toolbar no-print">
        <nav aria-label="Views of this question" className="question-views">
          <ul>
            {view.views.map((v) => (
              <li key={v.view}>
                <Link href={v.href} aria-current={v.view === current ? "page" : undefined}>
                  {v.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="question-exports">
          <span className="question-exports-label">Download:</span>
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
            Certainty of the evidence (GRADE Working Group): {(["high", "moderate", "low", "very low"] as const).map((c) => `${CERTAINTY_MARKS[c].symbols} ${CERTAINTY_MARKS[c].label}`).join(", ")}. {q.kind === "prognostic" ? "Cohort studies of a prognostic factor start at high certainty" : "Randomised trials start at high certainty, non-randomised studies at low"}; each domain can lower it by one or more levels, explained below. CI: confidence interval; PI: prediction interval; HR: hazard ratio; OR: odds ratio. The{" "}
            <Link href={questionHref(id, "profile")}>evidence profile</Link> gives every domain&apos;s figures.
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
