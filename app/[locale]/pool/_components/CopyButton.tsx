"use client";
import { useState } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied.");
    } catch {
      setStatus("Copying is blocked here: select the text instead.");
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
