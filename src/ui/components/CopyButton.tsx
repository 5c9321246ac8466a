import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button.tsx";

/** Copies a secret or token to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation("ui");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="copy-button">
      <Button
        variant="secondary"
        small
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {label ?? t("copy.action")}
      </Button>
      <span className="copy-button__status" role="status">
        {state === "copied" ? t("copy.done") : state === "failed" ? t("copy.failed") : ""}
      </span>
    </span>
  );
}
