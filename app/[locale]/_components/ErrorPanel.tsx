"use client";
// What a page that fails shows, in one form for every error boundary: what failed, the reference the
// server log has for it (the digest; the details stay in the log), a retry and a way on.
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

type ErrorKey = "title" | "body" | "poolTitle" | "poolBody" | "sofTitle" | "sofBody" | "back" | "allQuestions";

export function ErrorPanel({ error, reset, title, body, back }: { error: Error & { digest?: string }; reset: () => void; title: ErrorKey; body: ErrorKey; back: { href: string; label: ErrorKey } }) {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      {error.digest ? (
        <p className="small muted">
          {t("reference")} <code>{error.digest}</code>
        </p>
      ) : null}
      <p className="chips">
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link className="button" href={back.href}>
          {t(back.label)}
        </Link>
      </p>
    </>
  );
}
