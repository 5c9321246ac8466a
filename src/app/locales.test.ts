import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every page text exists in English, French and Spanish: each folder of locale files has the
 * same keys in each language (plural forms aside, which differ by language), and no text is
 * empty. A key added in one language only would show its key to the others' readers.
 */

const root = fileURLToPath(new URL("../", import.meta.url));
const languages = ["en", "fr", "es"] as const;

function localeFolders(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.name === "locales") found.push(path);
    else found.push(...localeFolders(path));
  }
  return found;
}

function flatten(value: unknown, prefix = ""): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [path, leaf] of flatten(inner, prefix ? `${prefix}.${key}` : key)) {
        keys.set(path, leaf);
      }
    }
  } else {
    keys.set(prefix, value);
  }
  return keys;
}

const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("page texts in every language", () => {
  const folders = localeFolders(root);

  it("finds the locale folders of the app, the UI kernel and the modules", () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
  });

  for (const folder of folders) {
    const name = folder.slice(root.length);
    it(`${name}: the same keys in en, fr and es, none empty`, () => {
      const texts = Object.fromEntries(
        languages.map((language) => [
          language,
          flatten(JSON.parse(readFileSync(join(folder, `${language}.json`), "utf8"))),
        ]),
      ) as Record<(typeof languages)[number], Map<string, unknown>>;
      const keysOf = (language: (typeof languages)[number]) =>
        [...new Set([...texts[language].keys()].map(withoutPlural))].sort();
      expect(keysOf("fr")).toEqual(keysOf("en"));
      expect(keysOf("es")).toEqual(keysOf("en"));
      for (const language of languages) {
        const empty = [...texts[language]].filter(
          ([, text]) => typeof text !== "string" || text.trim() === "",
        );
        expect(empty.map(([key]) => `${language}:${key}`)).toEqual([]);
      }
    });
  }
});
