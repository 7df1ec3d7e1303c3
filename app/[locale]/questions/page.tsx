import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { findQuestionList } from "./_lib/question-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questions"))("title") };
}

export default async function QuestionsPage() {
  const questions = await findQuestionList();
  const t = await getTranslations("questions");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="question-intro">{t("intro")}</p>
      <ul className="question-list">
        {questions.map((q) => (
          <li key={q.id} className="card" data-question={q.id}>
            <h2>
              <Link href={q.href}>{q.title}</Link>
            </h2>
            <p className="small muted">{t(`kind.${q.kind}`)}</p>
            <ul className="question-outcomes small" aria-label={t("outcomesOf", { title: q.title })}>
              {q.outcomes.map((o) => (
                <li key={o.endpoint}>
                  {o.label} <span className={`badge badge-importance-${o.importance.toLowerCase()}`}>{t(`importance.${o.importance.toLowerCase()}`)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
