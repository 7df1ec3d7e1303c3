"use client";
// Printing shows everything: the cells' folded "+N more" lists are opened before the print dialog,
// whether printing starts from this button or from the browser's menu (the print stylesheet opens
// them too, for browsers that support ::details-content).
import { useEffect } from "react";
import { useTranslations } from "next-intl";

function openAll() {
  for (const d of document.querySelectorAll<HTMLDetailsElement>("details.cell-more")) d.open = true;
}

export function PrintHandout() {
  const t = useTranslations("browse");
  useEffect(() => {
    window.addEventListener("beforeprint", openAll);
    return () => window.removeEventListener("beforeprint", openAll);
  }, []);
  return (
    <button
      type="button"
      onClick={() => {
        openAll();
        window.print();
      }}
    >
      {t("print")}
    </button>
  );
}
