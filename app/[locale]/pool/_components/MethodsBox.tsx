import { useTranslations } from "next-intl";
import { CopyButton } from "./CopyButton";

/** The methods paragraph, ready to paste into a guideline appendix (printed with the page). */
export function MethodsBox({ text }: { text: string }) {
  const t = useTranslations("pool");
  return (
    <section aria-labelledby="methods-heading" className="pool-methods">
      <h2 id="methods-heading">{t("methods")}</h2>
      <p id="methods-text" data-testid="methods-paragraph">
        {text}
      </p>
      <CopyButton text={text} label={t("copyMethods")} />
    </section>
  );
}
