import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, baseUrl, openBrowser } from "./browser.ts";

/**
 * The Content-Security-Policy as the browser applies it: a script injected into a page (as a
 * stored cross-site-scripting payload would be) does not run, and the browser reports why.
 */
describe("content security policy in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a policy without 'unsafe-inline' for scripts on every page", async () => {
    for (const path of ["/", "/challenges", "/solutions"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      const policy = response.headers.get("content-security-policy") ?? "";
      const scripts = policy
        .split(";")
        .find((directive) => directive.trim().startsWith("script-src"));
      expect(scripts, path).toBeDefined();
      expect(scripts, path).not.toContain("unsafe-inline");
      expect(scripts, path).not.toContain("unsafe-eval");
    }
    // An API answer is data: its policy lets nothing load or run, scripts included.
    const answer = await fetch(`${baseUrl()}/api/v1/challenges`);
    expect(answer.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("blocks an injected inline script and an inline event handler, and reports the violation", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        violations.push(event.effectiveDirective);
      });
      const flags = window as unknown as {
        injectedScriptRan?: boolean;
        injectedHandlerRan?: boolean;
      };
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true;";
      document.body.append(script);
      const image = document.createElement("img");
      image.setAttribute("src", "data:image/gif;base64,invalid");
      image.setAttribute("onerror", "window.injectedHandlerRan = true");
      document.body.append(image);
      // Violations are reported asynchronously: give the browser a moment to deliver them.
      for (let tries = 0; tries < 50 && violations.length < 2; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return {
        scriptRan: flags.injectedScriptRan === true,
        handlerRan: flags.injectedHandlerRan === true,
        violations,
      };
    });
    expect(outcome.scriptRan).toBe(false);
    expect(outcome.handlerRan).toBe(false);
    expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
    expect(outcome.violations.every((directive) => directive.startsWith("script-src"))).toBe(true);
  });
});
