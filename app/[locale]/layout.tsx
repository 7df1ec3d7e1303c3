import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { HTML_LANG, routing } from "@/i18n/routing";
import { clientMessages } from "@/i18n/client-messages";
import { LanguageSwitch } from "./LanguageSwitch";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
  };
}

// The root layout of every page, under its locale (i18n/routing.ts): English unprefixed (the proxy
// rewrites to /en), Chinese under /zh; any other first segment is no page. Being under [locale], it is
// rendered again when the language changes (<html lang>, the header).
export default async function RootLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("nav");
  const messages = clientMessages(await getMessages());
  return (
    <html lang={HTML_LANG[locale]}>
      <body>
        <NextIntlClientProvider messages={messages}>
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            {t("brand")}
          </Link>
          <nav aria-label={t("main")}>
            <ul>
              <li><Link href="/">{t("browse")}</Link></li>
              <li><Link href="/map">{t("map")}</Link></li>
              <li><Link href="/compare">{t("compare")}</Link></li>
              <li><Link href="/studies">{t("studies")}</Link></li>
              <li><Link href="/questions">{t("questions")}</Link></li>
              <li><Link href="/integrity">{t("integrity")}</Link></li>
            </ul>
          </nav>
          <Suspense fallback={null}>
            <LanguageSwitch />
          </Suspense>
        </header>
        <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
