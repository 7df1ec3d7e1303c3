import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { findQuestionList } from "./_lib/question-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Questions" };

export default async function QuestionsPage() {
  const questions = await findQuestionList();
  return (
    <>
      <h1>Questions</h1>
      <p className="question-intro">
        The questions a guideline panel asks of this evidence. Each has a Summary of Findings in GRADE&apos;s layout: the effect on every outcome, critical outcomes first, with the certainty of the evidence rated
        domain by domain from the records, and an evidence profile that shows every rating&apos;s reason and figures.
      </p>
      <ul className="question-list">
        {questions.map((q) => (
          <li key={q.id} className="card" data-question={q.id}>
            <h2>
              <Link href={q.href}>{q.title}</Link>
            </h2>
            <p className="small muted">{q.kindLabel} question</p>
            <ul className="question-outcomes small" aria-label={`Outcomes of: ${q.title}`}>
              {q.outcomes.map((o) => (
                <li key={o.endpoint}>
                  {o.label} <span className={`badge badge-importance-${o.importance.toLowerCase()}`}>{o.importance}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
