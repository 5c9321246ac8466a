import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders emphasis, lists and http(s) links with rel=nofollow", () => {
    const html = renderMarkdown("**Bold** and [docs](https://example.org)\n\n- one\n- two");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain(
      '<a href="https://example.org" rel="nofollow noopener noreferrer">docs</a>',
    );
    expect(html).toContain("<li>one</li>");
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps only http, https and mailto links", () => {
    expect(renderMarkdown("[x](mailto:team@example.org)")).toContain(
      'href="mailto:team@example.org"',
    );
    for (const address of ["javascript:alert(1)", "data:text/html,hi", "vbscript:x", "/relative"]) {
      expect(renderMarkdown(`[x](${address})`)).not.toContain("href=");
    }
    expect(renderMarkdown("<javascript:alert(1)>")).not.toContain("href=");
  });

  it("does not render images", () => {
    expect(renderMarkdown("![pixel](https://tracker.example/p.gif)")).not.toContain("<img");
  });
});
