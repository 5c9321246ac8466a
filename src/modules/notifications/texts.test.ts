import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Delivery, NotificationKind } from "./contract.ts";
import { fillTemplate, kindTexts, notificationLine } from "./texts.ts";

const webCatalogue = (locale: string) =>
  JSON.parse(readFileSync(new URL(`./web/locales/${locale}.json`, import.meta.url), "utf8"));

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

describe("notification texts", () => {
  it("say the same in the app as in the e-mails, in every language", () => {
    for (const locale of ["en", "fr", "es"] as const) {
      expect(webCatalogue(locale).kinds, locale).toEqual(kindTexts[locale]);
    }
  });

  it("cover every kind and delivery in every language, with the same keys", () => {
    const english = keysOf(webCatalogue("en")).filter((key) => !key.startsWith("bell.unread_"));
    for (const locale of ["fr", "es"]) {
      const keys = keysOf(webCatalogue(locale)).filter((key) => !key.startsWith("bell.unread_"));
      expect(keys.sort(), locale).toEqual([...english].sort());
    }
    for (const kind of NotificationKind.options) expect(english).toContain(`kinds.${kind}.line`);
    for (const delivery of Delivery.options) expect(english).toContain(`deliveries.${delivery}`);
  });

  it("fills params as plain text, once, and leaves no placeholder for a missing one", () => {
    expect(
      notificationLine("en", "challenge_question", { challenge: "A {{challenge}} & <b>" }),
    ).toBe("A provider asked a question about “A {{challenge}} & <b>”.");
    expect(fillTemplate("“{{search}}”: “{{challenge}}”", { challenge: "x" })).toBe("“”: “x”");
  });
});
