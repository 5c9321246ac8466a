import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";

type Render = (source: string) => string;
let renderer: Promise<Render> | null = null;

/**
 * The preview renders like the server does (raw HTML shown as text, only http(s) and mailto
 * links); its Markdown code loads only when someone first asks for a preview.
 */
function loadRenderer(): Promise<Render> {
  renderer ??= import("markdown-it").then(({ default: MarkdownIt }) => {
    const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
    markdown.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());
    return (source: string) => markdown.render(source);
  });
  return renderer;
}

export function DescriptionField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation("challenges");
  const [previewing, setPreviewing] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (!previewing) return;
    let current = true;
    void loadRenderer().then((render) => {
      if (current) setHtml(render(value));
    });
    return () => {
      current = false;
    };
  }, [previewing, value]);
  return (
    <div className="description-field">
      <TextField
        id={id}
        label={t("fields.description")}
        hint={t("form.descriptionHint")}
        rows={12}
        value={value}
        onChange={onChange}
        error={error}
        maxLength={50000}
      />
      <Button
        variant="secondary"
        small
        aria-expanded={previewing}
        aria-controls={`${id}-preview`}
        onClick={() => setPreviewing((on) => !on)}
      >
        {previewing ? t("form.hidePreview") : t("form.showPreview")}
      </Button>
      {previewing && (
        <section
          id={`${id}-preview`}
          className="card description-preview"
          aria-label={t("form.preview")}
        >
          {html === null ? (
            <p className="muted">{t("form.previewLoading")}</p>
          ) : (
            <div
              className="prose"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with html off.
              dangerouslySetInnerHTML={{ __html: html }}
            />
          )}
        </section>
      )}
    </div>
  );
}
