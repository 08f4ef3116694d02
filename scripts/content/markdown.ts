// Markdown → HTML for course text, at build time only. Internal links use
// `page:<id>` / `story:<id>` and are checked against the course; raw HTML is
// limited to a few presentational tags so content stays semantic and safe.
// Every fragment is then parsed the way a browser parses it (parse5, the
// WHATWG algorithm) and checked against an allowlist of elements and
// attributes, so that no malformed tag can turn into script.
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import { labelledTables } from '../markdown-tables.ts';

export const ALLOWED_HTML_TAGS = new Set(['span', 'div', 'p', 'br', 'strong', 'em', 'small', 'ul', 'li', 'figure', 'figcaption']);

export interface RenderResult {
  html: string;
  /** internal link targets, as `page:<id>` / `story:<id>`, for the caller to resolve */
  links: string[];
  /** problems found, each a human-readable reason */
  problems: string[];
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false });
// markdown-it silently leaves a javascript: link as plain text; let every link
// through to the check below, which refuses it with a reason
md.validateLink = () => true;

// Tables in this course have a label in the first column.
labelledTables(md, { rowHeaders: true });

const CLASS_VALUE = /^[a-z0-9 -]+$/;

/** What the rendered HTML may hold: the author's tags and what Markdown itself produces. */
const RENDERED_ELEMENTS: Record<string, ReadonlySet<string>> = {
  ...Object.fromEntries([...ALLOWED_HTML_TAGS].map((tag) => [tag, new Set(['class'])])),
  a: new Set(['href', 'target', 'rel', 'class']),
  h1: new Set(), h2: new Set(), h3: new Set(), h4: new Set(), h5: new Set(), h6: new Set(),
  ol: new Set(['start']), blockquote: new Set(), hr: new Set(), code: new Set(), pre: new Set(), s: new Set(),
  table: new Set(), thead: new Set(), tbody: new Set(), tr: new Set(),
  th: new Set(['scope', 'style']), td: new Set(['data-label', 'style']),
};
const HREF = /^(#\/[ps]\/[a-z][a-z0-9_]*|https:\/\/[^\s"'<>]+)$/;
const TABLE_ALIGN = /^text-align:(left|center|right)$/;

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function walkElements(node: HtmlNode, visit: (tag: string, attrs: Array<{ name: string; value: string }>) => void): void {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) visit(child.tagName, child.attrs ?? []);
    walkElements(child.content ?? child, visit);
  }
}

/** The author's raw HTML: only the few presentational tags, with a class at most. */
function checkAuthorHtml(fragment: string, problems: string[]): void {
  walkElements(parseFragment(fragment) as HtmlNode, (tag, attrs) => {
    if (!ALLOWED_HTML_TAGS.has(tag)) problems.push(`HTML tag <${tag}> is not allowed (allowed: ${[...ALLOWED_HTML_TAGS].join(', ')})`);
    for (const a of attrs)
      if (a.name !== 'class' || !CLASS_VALUE.test(a.value)) problems.push(`HTML attribute ${a.name}="${a.value.slice(0, 40)}" on <${tag}> is not allowed (only class="…")`);
  });
  // a tag left open at the end of a block is completed by whatever follows it in the page
  if (/<[a-zA-Z/!?][^>]*$/.test(fragment.trimEnd())) problems.push(`HTML tag "${fragment.trimEnd().slice(fragment.trimEnd().lastIndexOf('<')).slice(0, 40)}" is not closed with >`);
}

/** The rendered result, parsed as the browser will parse it, against the allowlist. */
function checkRendered(html: string, problems: string[]): void {
  walkElements(parseFragment(html) as HtmlNode, (tag, attrs) => {
    const allowed = RENDERED_ELEMENTS[tag];
    if (!allowed) return problems.push(`the text renders an HTML element <${tag}>, which is not allowed`);
    for (const a of attrs) {
      const ok =
        allowed.has(a.name) &&
        (a.name !== 'href' || HREF.test(a.value)) &&
        (a.name !== 'class' || CLASS_VALUE.test(a.value)) &&
        (a.name !== 'style' || TABLE_ALIGN.test(a.value)) &&
        (a.name !== 'target' || a.value === '_blank');
      if (!ok) problems.push(`the text renders <${tag} ${a.name}="${a.value.slice(0, 40)}">, which is not allowed`);
    }
  });
}

export const EXTERNAL_LINK_NOTE = '（外部サイト・新しいタブで開きます）';

export function renderMarkdown(source: string): RenderResult {
  const links: string[] = [];
  const problems: string[] = [];
  const env = {};
  const tokens = md.parse(source, env);
  const walk = (list: typeof tokens): void => {
    for (const token of list) {
      if (token.type === 'html_block' || token.type === 'html_inline') checkAuthorHtml(token.content, problems);
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        const internal = /^(page|story):([a-z][a-z0-9_]*)$/.exec(href);
        if (internal) {
          links.push(href);
          token.attrSet('href', `#/${internal[1] === 'page' ? 'p' : 's'}/${internal[2]}`);
        } else if (/^https:\/\//.test(href)) {
          token.attrSet('target', '_blank');
          token.attrSet('rel', 'noopener noreferrer');
          token.attrSet('class', 'external');
        } else {
          problems.push(`link "${href}" must be page:<id>, story:<id> or an https:// address`);
        }
      }
      if (token.type === 'image') problems.push('images are not allowed: draw diagrams with HTML/CSS or a widget');
      if (token.children) walk(token.children);
    }
  };
  walk(tokens);
  // Mark external links for screen readers and sighted users alike.
  const withNotes = (list: typeof tokens): void => {
    for (const token of list) {
      if (token.children) {
        const out: typeof tokens = [];
        let external = false;
        for (const child of token.children) {
          if (child.type === 'link_open') external = child.attrGet('class') === 'external';
          if (child.type === 'link_close' && external) {
            const note = new (child.constructor as new (t: string, g: string, n: number) => (typeof tokens)[number])('html_inline', '', 0);
            note.content = `<span class="external-note">${EXTERNAL_LINK_NOTE}</span>`;
            out.push(note);
            external = false;
          }
          out.push(child);
        }
        token.children = out;
      }
    }
  };
  withNotes(tokens);
  const html = md.renderer.render(tokens, md.options, env);
  if (problems.length === 0) checkRendered(html, problems);
  return { html: html.trim(), links, problems };
}
