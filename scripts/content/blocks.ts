// A page body is Markdown with directive lines in double brackets, one per
// line, that place the course's components:
//
//   [[widget:measures-map]]                       a drawn component of the course
//   [[tabs]] … [[/tabs]]                          tabs; each panel opens with
//   [[tab: 紙の場合 | icon: lucide:file-text]]      a tab line (icon optional)
//   [[cards]] … [[/cards]]                        a row of cards; each opens with
//   [[card: A社（個人情報流出） | icon: …]]          a card line (icon optional);
//                                                 headings in a card stand one level
//                                                 below its title (### or, on a page
//                                                 with ## sections, ####)
//   [[details: 想定される原因]] … [[/details]]      a disclosure, closed at first
//
// Everything between the lines stays Markdown. Problems are reported with the
// directive's line so the author can find it.
import type { Block, Panel, WidgetName } from '../../src/content/types.ts';

export const WIDGETS: readonly WidgetName[] = ['measures-map', 'story-list', 'checklist-entry', 'cast'];

const DIRECTIVE = /^\[\[(.*)\]\]\s*$/;
const CONTAINERS = { tabs: 'tab', cards: 'card' } as const;
type Container = keyof typeof CONTAINERS;

export interface BlockContext {
  /** Markdown → HTML, reporting its own problems */
  md: (source: string) => string;
  /** a problem at this directive */
  problem: (reason: string) => void;
  /** checks an icon name, reporting a problem when unknown */
  icon: (name: string) => void;
}

/** `title | icon: name` → its parts */
function titleAndOptions(rest: string, ctx: BlockContext): { title: string; icon?: string } {
  const [title, ...options] = rest.split('|').map((s) => s.trim());
  let icon: string | undefined;
  for (const option of options) {
    const m = /^icon:\s*(\S+)$/.exec(option);
    if (m) {
      icon = m[1];
      ctx.icon(icon);
    } else ctx.problem(`unknown option "${option}" (known: icon: set:name)`);
  }
  if (!title) ctx.problem('a title is needed after the colon');
  return { title, icon };
}

export function parseBlocks(body: string, ctx: (line: number) => BlockContext): Block[] {
  const blocks: Block[] = [];
  const lines = body.split(/\r?\n/);
  let text: string[] = [];
  let sawSubheading = false;
  let open: { kind: Container; panels: Panel[]; line: number } | { kind: 'details'; summary: string; line: number } | undefined;
  let panel: { title: string; icon?: string } | undefined;

  const markdown = (line: number): string => {
    const source = text.join('\n');
    text = [];
    return source.trim() ? ctx(line).md(source) : '';
  };
  const flushPlain = (line: number) => {
    const html = markdown(line);
    if (html) blocks.push({ type: 'html', html });
  };
  const flushPanel = (line: number) => {
    if (!open || open.kind === 'details') return;
    if (open.kind === 'cards') checkCardHeadings(line);
    const html = markdown(line);
    if (panel) open.panels.push({ ...panel, html });
    else if (html) ctx(line).problem(`text inside [[${open.kind}]] before its first [[${CONTAINERS[open.kind]}: …]] line`);
  };

  // a card's title is h2, or h3 below the page's ## sections; what is inside it is one level further down
  const cardLevel = () => (sawSubheading ? 3 : 2);
  const checkCardHeadings = (line: number) => {
    const want = cardLevel() + 1;
    for (const raw of text) {
      const heading = /^(#{1,6})\s/.exec(raw);
      if (heading && heading[1].length !== want)
        ctx(line).problem(`"${raw.trim()}" in [[card: ${panel?.title ?? ''}]]: a heading in a card stands one level below the card's title, ${'#'.repeat(want)} here`);
    }
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const m = DIRECTIVE.exec(raw.trim());
    // [[contact]] stays in the Markdown: the compiler puts the company's contact there
    if (!m || m[1].trim() === 'contact') {
      if (!open && /^##\s/.test(raw)) sawSubheading = true;
      text.push(raw);
      return;
    }
    const c = ctx(line);
    const directive = m[1].trim();
    const [head, ...restParts] = directive.split(':');
    const name = head.trim();
    const rest = restParts.join(':').trim();
    if (name === 'widget') {
      if (open) return c.problem(`[[widget:${rest}]] cannot stand inside [[${open.kind}]]`);
      flushPlain(line);
      if ((WIDGETS as readonly string[]).includes(rest)) blocks.push({ type: 'widget', widget: rest as WidgetName });
      else c.problem(`unknown widget "${rest}" (known: ${WIDGETS.join(', ')})`);
    } else if (name === 'tabs' || name === 'cards') {
      if (open) return c.problem(`[[${name}]] cannot open inside [[${open.kind}]] (line ${open.line}); close that first`);
      flushPlain(line);
      open = { kind: name, panels: [], line };
      panel = undefined;
    } else if (name === 'tab' || name === 'card') {
      const container = name === 'tab' ? 'tabs' : 'cards';
      if (!open || open.kind !== container) return c.problem(`[[${name}: …]] belongs inside [[${container}]] … [[/${container}]]`);
      flushPanel(line);
      panel = titleAndOptions(rest, c);
    } else if (name === 'details') {
      if (open) return c.problem(`[[details]] cannot open inside [[${open.kind}]] (line ${open.line}); close that first`);
      flushPlain(line);
      if (!rest) c.problem('[[details: …]] needs the text of its summary after the colon');
      open = { kind: 'details', summary: rest, line };
    } else if (name.startsWith('/')) {
      const kind = name.slice(1);
      if (!open || open.kind !== kind) return c.problem(`[[${name}]] closes nothing${open ? ` ([[${open.kind}]] on line ${open.line} is open)` : ''}`);
      if (open.kind === 'details') {
        const html = markdown(line);
        if (!html) c.problem('[[details]] holds no text');
        blocks.push({ type: 'details', summary: open.summary, html });
      } else {
        flushPanel(line);
        const min = open.kind === 'tabs' ? 2 : 1;
        if (open.panels.length < min) c.problem(`[[${open.kind}]] needs at least ${min} [[${CONTAINERS[open.kind]}: …]]`);
        if (open.kind === 'tabs') blocks.push({ type: 'tabs', tabs: open.panels });
        else blocks.push({ type: 'cards', level: cardLevel(), cards: open.panels });
      }
      open = undefined;
      panel = undefined;
    } else c.problem(`unknown directive [[${directive}]] (known: widget:…, tabs, tab:…, cards, card:…, details:…, and their closing [[/…]])`);
  });
  if (open) ctx(open.line).problem(`[[${open.kind}]] is never closed with [[/${open.kind}]]`);
  else flushPlain(lines.length);
  return blocks;
}
