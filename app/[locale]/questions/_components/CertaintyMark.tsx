import { useTranslations } from "next-intl";
import type { Certainty } from "@/lib/grade/certainty";
import { CERTAINTY_MARKS } from "../_lib/labels";

/** ⊕⊕◯◯ Low: the symbols are decoration for screen readers, the word carries the meaning. */
export function CertaintyMark({ certainty }: { certainty: Certainty }) {
  const mark = CERTAINTY_MARKS[certainty];
  const t = useTranslations("sof");
  return (
    <span className={`certainty certainty-${certainty.replace(" ", "-")}`}>
      <span className="certainty-symbols" aria-hidden="true">
        {mark.symbols}
      </span>{" "}
      <span className="certainty-label">{t(`certainty.${certainty}`)}</span>
    </span>
  );
}
