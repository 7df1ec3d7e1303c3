// The interface's languages: English (the default, at unprefixed paths) and Simplified Chinese under
// /zh. A URL without a prefix is English unless the browser asks for Chinese (Accept-Language, or the
// choice remembered in next-intl's cookie), which redirects to /zh/…. /api/* is never localised.
import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "zh"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  // No Link header of alternate URLs: it repeats the whole URL three times, and a long query (a
  // shared view with many filters) then overflows a client's header limit.
  alternateLinks: false,
});

export type AppLocale = (typeof routing.locales)[number];

/** The document language: Chinese is written in Simplified characters (zh-Hans). */
export const HTML_LANG: Record<AppLocale, string> = { en: "en", zh: "zh-Hans" };
