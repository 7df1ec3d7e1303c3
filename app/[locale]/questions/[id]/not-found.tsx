import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function QuestionNotFound() {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t("questionNotFound")}</h1>
      <p>{t.rich("questionNotFoundBody", { link: (chunks) => <Link href="/questions">{chunks}</Link> })}</p>
    </>
  );
}
