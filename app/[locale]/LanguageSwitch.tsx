"use client";
// The language switch: the same page and query in the other language (/zh/… ⇄ /…). next-intl's Link
// with a locale also remembers the choice in its cookie, so an unprefixed URL keeps it.
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { LocaleSwitchLink, usePathname } from "@/i18n/navigation";
import { routing, HTML_LANG, type AppLocale } from "@/i18n/routing";

const NAME: Record<AppLocale, string> = { en: "English", zh: "中文" };

export function LanguageSwitch() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <p className="language-switch" aria-label={t("language")}>
      {routing.locales.map((l, i) => (
        <span key={l}>
          {i > 0 ? " / " : null}
          {l === locale ? (
            <strong aria-current="true" lang={HTML_LANG[l]}>{NAME[l]}</strong>
          ) : (
            <LocaleSwitchLink href={query ? `${pathname}?${query}` : pathname} locale={l} lang={HTML_LANG[l]} hrefLang={HTML_LANG[l]} data-testid={`language-${l}`}>
              {NAME[l]}
            </LocaleSwitchLink>
          )}
        </span>
      ))}
    </p>
  );
}
