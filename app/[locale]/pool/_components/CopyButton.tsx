"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("pool");
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("copied"));
    } catch {
      setStatus(t("copyBlocked"));
    }
  };
  return (
    <p className="no-print">
      <button type="button" onClick={copy}>
        {label}
      </button>{" "}
      <span role="status" className="small muted">
        {status}
      </span>
    </p>
  );
}
