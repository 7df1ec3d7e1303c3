"use client";
// A page that fails says so plainly and offers a way on. The digest is the reference the server
// log has for this error (the details stay in the log, never on the page).
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest ? (
        <p className="small muted">
          {t("reference")} <code>{error.digest}</code>
        </p>
      ) : null}
      <p className="chips">
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link className="button" href="/">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
