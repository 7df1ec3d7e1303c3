"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("browse");
  return (
    <button type="button" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
