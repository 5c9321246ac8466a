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

  it("write a moment in the reader's language, in UTC and saying so, and other text as it is", () => {
    const params = {
      challenge: "Cool roofs 2026-03-12T08:00:00.000Z",
      until: "2026-03-12T08:30:00.000Z",
    };
    const lines = {
      en: notificationLine("en", "award_made", params),
      fr: notificationLine("fr", "award_made", params),
      es: notificationLine("es", "award_made", params),
    };
    for (const line of Object.values(lines)) {
      // The moment is written out; a title that merely holds one is left alone.
      expect(line.match(/2026-03-12T08:\d\d:00\.000Z/g)).toEqual(["2026-03-12T08:00:00.000Z"]);
      expect(line).toMatch(/8:30.*UTC|08:30.*UTC/);
    }
    expect(lines.en).toContain("Mar 12, 2026");
    expect(lines.fr).toContain("12 mars 2026");
    expect(lines.es).toMatch(/12 mar 2026/);
  });
});
