// The styles the prerendered first screen needs, so that they alone stand
// before its first paint: the browser then parses and matches a fifth of the
// stylesheet before drawing, and the whole of it waits as inert text until the
// script puts it in the page (src/main.tsx), before any other screen is drawn.
//
// A rule is kept when it could match the first screen: every class, id and
// element name one of its selectors requires is somewhere in the page as
// built, the prerendered screen in it. Combinators, attributes and pseudo-classes are not checked, so the
// subset can only be too large, never too small; tests/e2e/first-paint.spec.ts
// checks in a browser that the first screen looks the same with it alone.
import { parse as parseSelector, type Selector } from 'css-what';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import postcss, { type AtRule, type ChildNode, type Container } from 'postcss';

type Node = DefaultTreeAdapterMap['childNode'];

/** what the markup's elements offer a selector: names, classes and ids */
interface Present {
  tags: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
}

function present(html: string): Present {
  const found: Present = { tags: new Set(), classes: new Set(), ids: new Set() };
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      found.tags.add(node.tagName);
      for (const { name, value } of node.attrs) {
        if (name === 'class') for (const c of value.split(/\s+/)) c && found.classes.add(c);
        if (name === 'id') found.ids.add(value);
      }
      walk(node.childNodes);
      if (node.tagName === 'template') walk((node as DefaultTreeAdapterMap['template']).content.childNodes);
    }
  };
  // the inert payloads are script elements: their text adds no element
  walk(parse(html).childNodes);
  return found;
}

/** Could this one selector (no commas) match something present? Only its plain requirements are looked at. */
function mayMatch(tokens: Selector[], has: Present): boolean {
  return tokens.every((t) => {
    if (t.type === 'tag') return has.tags.has(t.name.toLowerCase());
    if (t.type === 'attribute' && t.name === 'class' && t.action === 'element') return has.classes.has(t.value);
    if (t.type === 'attribute' && t.name === 'id' && t.action === 'equals') return has.ids.has(t.value);
    // :not(), :is(), :hover, [attr], ::before, combinators…: not a requirement this check can refute
    return true;
  });
}

const selectorMayMatch = (selector: string, has: Present) => parseSelector(selector).some((tokens) => mayMatch(tokens, has));

/** at-rules whose content applies to the screen as it is first drawn, filtered rule by rule */
const SCREEN_GROUPS = new Set(['media', 'supports', 'layer', 'container']);

/** Removes from `container` what the first screen cannot use; returns whether anything is left. */
function prune(container: Container<ChildNode>, has: Present): boolean {
  container.each((node) => {
    if (node.type === 'rule') {
      if (!selectorMayMatch(node.selector, has)) node.remove();
    } else if (node.type === 'atrule') {
      if (!keepAtRule(node, has)) node.remove();
    }
  });
  return (container.nodes ?? []).some((n) => n.type !== 'comment');
}

function keepAtRule(rule: AtRule, has: Present): boolean {
  // printing comes long after the first paint
  if (rule.name === 'media' && /^\s*print(\s+and\b|\s*$)/i.test(rule.params)) return false;
  if (rule.name === 'page') return false;
  if (SCREEN_GROUPS.has(rule.name) && rule.nodes) return prune(rule, has);
  // @font-face, @keyframes, @property…: cheap, and a kept rule may name them
  return true;
}

/** The rules of `css` that the page `html` as built, before any script has run, may use, in their order. */
export function criticalCss(css: string, html: string): string {
  const root = postcss.parse(css);
  prune(root, present(html));
  return root.toString();
}
