import MarkdownIt from "markdown-it";

/**
 * Markdown written by users, rendered to HTML that is safe to insert into a page: raw HTML in
 * the source is shown as text (html: false), and links keep only http, https and mailto
 * addresses (no javascript:, data: or relative tricks). Images are not rendered: a remote
 * image in a description would tell its host who reads it (images have their own fields).
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable(
  "image",
);

const allowedLink = /^(https?:|mailto:)/i;
markdown.validateLink = (url) => allowedLink.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  token.attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
