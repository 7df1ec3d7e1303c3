"use client";
// A pooled view that fails to load says so and offers a way on; the strict API gives the details.
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function PoolError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t("poolTitle")}</h1>
      <p>{t("poolBody")}</p>
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
