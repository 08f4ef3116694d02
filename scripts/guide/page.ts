// The LMS guide (docs/lms-guide.md) as a page beside the zips, for the
// training owner and HR who get the packages but not this repository: one
// self-contained HTML file with a table of contents, tables that stack on a
// phone, and an A4 print with page numbers. Markdown's raw HTML is off, so
// nothing in the guide can become markup or script.
import MarkdownIt from 'markdown-it';
import type { CourseMeta } from '../../src/content/types.ts';
import { escapeHtml, PRINT_CSS } from '../html.ts';
import { labelledTables, plainText } from '../markdown-tables.ts';

export const guidePageName = (courseId: string): string => `${courseId}-guide.html`;

interface Heading {
  level: 2 | 3;
  text: string;
  id: string;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
type Token = ReturnType<typeof md.parse>[number];

/** what a render of the guide knows besides its Markdown */
type Env = {
  /** the files beside the page */
  files?: ReadonlySet<string>;
  /** the ids of the guide's chapters and sections */
  sections?: ReadonlySet<string>;
};

// Links in the guide go to sites outside the file: a new tab keeps the guide open.
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (!href.startsWith('#')) {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, idx, options);
};
// A file the guide names (`gijutsu-joho-kanri-report.html`, `dist/…`) that lies
// beside the page is a link to it: the page sits in dist/ with them.
md.renderer.rules.code_inline = (tokens, idx, _options, env) => {
  const content = tokens[idx].content;
  const code = `<code>${escapeHtml(content)}</code>`;
  const name = content.replace(/^dist\//, '');
  return (env as Env | undefined)?.files?.has(name) ? `<a href="${escapeHtml(name)}">${code}</a>` : code;
};
labelledTables(md, { rowHeaders: false });

// The guide's cross-references (「（3.4）」「4.2 参照」「7 章」) are links to what
// they name. A number is a reference only where the guide has that section and
// nothing makes it a version (Moodle 4.5, WCAG 2.1) or a ratio (4.5:1).
const SECTION_REF = /(?<![A-Za-z] |[\d.])(\d)\.(\d)(?![\d.]|:\d)/g;
const CHAPTER_REF = /(?<![\d.])(\d) ?章/g;
const insideLink = (tokens: Token[], idx: number): boolean => {
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i].type === 'link_close') return false;
    if (tokens[i].type === 'link_open') return true;
  }
  return false;
};
md.renderer.rules.text = (tokens, idx, _options, env) => {
  const text = escapeHtml(tokens[idx].content);
  const sections = (env as Env | undefined)?.sections;
  if (!sections || tokens[idx].meta?.heading || insideLink(tokens, idx)) return text;
  const link = (whole: string, id: string) => (sections.has(id) ? `<a href="#${id}">${whole}</a>` : whole);
  return text.replace(SECTION_REF, (whole, chapter, section) => link(whole, `s${chapter}-${section}`)).replace(CHAPTER_REF, (whole, chapter) => link(whole, `s${chapter}`));
};

/** 「3.2 なぜ…」→ s3-2, 「1. どちら…」→ s1: the section numbers the guide's cross-references use */
function headingId(text: string, index: number): string {
  const number = /^(\d+)(?:\.(\d+))?\.?\s/.exec(text);
  if (!number) return `h${index}`;
  return number[2] ? `s${number[1]}-${number[2]}` : `s${number[1]}`;
}

/** gives each h2 and h3 an id and returns them in order, for the table of contents */
function markHeadings(tokens: Token[]): Heading[] {
  const headings: Heading[] = [];
  const taken = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    // a heading's own number is no cross-reference
    for (const child of tokens[i + 1].children ?? []) child.meta = { ...child.meta, heading: true };
    if (token.tag !== 'h2' && token.tag !== 'h3') return;
    const text = plainText(tokens[i + 1]);
    let id = headingId(text, i);
    if (taken.has(id)) id = `${id}-${i}`;
    taken.add(id);
    token.attrSet('id', id);
    headings.push({ level: token.tag === 'h2' ? 2 : 3, text, id });
  });
  return headings;
}

function contents(headings: readonly Heading[]): string {
  // each chapter (h2) with its sections (h3) under it
  const chapters: Array<{ heading: Heading; sections: Heading[] }> = [];
  for (const h of headings) {
    if (h.level === 2 || chapters.length === 0) chapters.push({ heading: h, sections: [] });
    else chapters[chapters.length - 1].sections.push(h);
  }
  const link = (h: Heading) => `<a href="#${h.id}">${escapeHtml(h.text)}</a>`;
  const items = chapters.map(({ heading, sections }) => {
    const inner = sections.length ? `<ul>${sections.map((s) => `<li>${link(s)}</li>`).join('')}</ul>` : '';
    return `<li>${link(heading)}${inner}</li>`;
  });
  return `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">目次</h2><ul>${items.join('')}</ul></nav>`;
}

const GUIDE_CSS = `
body { max-width: 64rem; }
h1, h2, h3 { word-break: keep-all; overflow-wrap: anywhere; }
/* a section the contents jump to starts a little below the window's edge, not cut by it */
h2, h3 { scroll-margin-top: .75rem; }
h2 { margin-top: 2rem; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #1f4e79; background: #f3f6fa; }
blockquote p { margin: .4rem 0; }
code { background: #f0f0f0; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
/* a long line wraps: a box that scrolls sideways cannot be reached by keyboard */
pre { background: #f0f0f0; padding: .5rem .75rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { padding: 0; }
a { color: #0b4f8a; }
.edition { color: #444; margin: 0 0 1rem; }
.contents { border: 1px solid #c8d3df; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0 1.5rem; }
.contents h2 { border: 0; margin: .3rem 0; font-size: 1.05rem; }
.contents ul { margin: .2rem 0; padding-left: 1.2rem; }
.contents > ul > li { margin: .2rem 0; }
@media screen and (max-width: 40rem) {
  table, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table { border: 0; }
  tr { border: 1px solid #8a8a8a; border-radius: 4px; margin: 0 0 .75rem; }
  td { border: 0; border-top: 1px solid #d0d7de; }
  td:first-child { border-top: 0; background: #e8eef5; font-weight: bold; }
  td[data-label]:not(:first-child)::before { content: attr(data-label); display: block; font-size: .8rem; color: #444; font-weight: bold; }
}
@media print {
  a { color: inherit; text-decoration: none; }
  table { break-inside: auto; font-size: 8.5pt; }
  h3 { break-after: avoid; }
  .contents { break-after: page; }
}
`;

/**
 * The guide's page: its own title, the edition it describes, a table of
 * contents, then the guide; `besideIt`, the files in its folder it may link.
 */
export function guidePage(markdown: string, meta: Pick<CourseMeta, 'title' | 'version' | 'company'>, besideIt: readonly string[] = []): string {
  const env: Env = { files: new Set(besideIt) };
  const tokens = md.parse(markdown, env);
  const headings = markHeadings(tokens);
  env.sections = new Set(headings.map((h) => h.id));
  const title = tokens.find((t) => t.type === 'heading_open' && t.tag === 'h1');
  const titleText = title ? plainText(tokens[tokens.indexOf(title) + 1]) : 'LMS ガイド';
  let body = md.renderer.render(tokens, md.options, env);
  const company = meta.company?.name ? `、${escapeHtml(meta.company.name)}版` : '';
  const edition = `<p class="edition">対象の教材: ${escapeHtml(meta.title)}（第${escapeHtml(meta.version)}版${company}）。この版のパッケージと同時に作られたガイドです。</p>`;
  body = body.replace(/<\/h1>\n/, (end) => `${end}${edition}\n`);
  // after the opening paragraph, before the English summary and the first chapter
  const first = body.search(/<(h2|blockquote)[ >]/);
  if (first >= 0) body = `${body.slice(0, first)}${contents(headings)}\n${body.slice(first)}`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleText)} — ${escapeHtml(meta.title)}</title>
<style>${PRINT_CSS}${GUIDE_CSS}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}
