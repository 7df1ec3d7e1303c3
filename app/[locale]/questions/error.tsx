"use client";
// A Summary of Findings that fails to build says so and offers a way on; /api/sof gives the details.
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function QuestionsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t("sofTitle")}</h1>
      <p>{t("sofBody")}</p>
      <p className="chips">
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link className="button" href="/questions">
          {t("allQuestions")}
        </Link>
      </p>
    </>
  );
}
