import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

// Rendered per request (connection()), like every page, so its scripts carry the request's CSP nonce.
export default async function NotFound() {
  await connection();
  const t = await getTranslations("notFound");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul>
        <li>
          <Link href="/">{t("browse")}</Link> {t("browseHint")}
        </li>
        <li>
          <Link href="/studies">{t("studies")}</Link>
        </li>
      </ul>
    </>
  );
}
