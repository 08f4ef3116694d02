// The training owner's company settings in course.yaml, checked at build time:
// the logo is an SVG from content/ reduced to an allow-list of drawing
// elements (no script, no event handler, no outside reference), the brand
// colour must keep WCAG AA contrast on every surface it is used on, and the
// incident-report contact becomes an HTML block the content places with
// [[contact]].
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment, serialize } from 'parse5';
import type { CompanyMeta } from '../../src/content/types.ts';
import type { CourseFile } from './schema.ts';

type Report = (field: string, reason: string) => void;

/** Where --brand is used: as text/link colour on these, and under white button text. */
export const BRAND_SURFACES: Record<string, string> = { 'the page (--paper)': '#ffffff', 'grey panels (--wash)': '#f6f8fa', 'light brand panels (--brand-wash)': '#e8f1fa' };
export const WCAG_AA_TEXT = 4.5;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A darker shade for hover and pressed states: each channel × 0.75. */
export function darker(hex: string): string {
  return '#' + [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.75).toString(16).padStart(2, '0')).join('');
}

const SVG_ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc', 'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath']);
const SVG_ATTRIBUTES = new Set([
  'viewbox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'fill', 'fill-opacity', 'fill-rule', 'clip-rule',
  'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity', 'opacity', 'transform', 'id', 'offset', 'stop-color', 'stop-opacity',
  'gradientunits', 'gradienttransform', 'clip-path', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'xmlns', 'preserveaspectratio', 'role', 'aria-label', 'aria-hidden',
]);
// paint may name a gradient or clip path of the same file, never a URL elsewhere
const LOCAL_URL = /^url\(#[\w-]+\)$/;

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** The logo as markup the course can inline, or problems saying what was refused. */
export function sanitizeSvg(source: string): { svg?: string; problems: string[] } {
  const problems: string[] = [];
  const body = source.replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<!DOCTYPE[^>]*>/i, '').replace(/<!--[\s\S]*?-->/g, '').trim();
  const parsed = parseFragment(body);
  const fragment = parsed as unknown as Node;
  const roots = (fragment.childNodes ?? []).filter((n) => n.nodeName !== '#text' || (n as unknown as { value: string }).value.trim() !== '');
  if (roots.length !== 1 || roots[0].tagName !== 'svg') return { problems: ['is not one <svg> element'] };
  const walk = (node: Node) => {
    for (const child of node.childNodes ?? []) {
      if (child.tagName) {
        if (!SVG_ELEMENTS.has(child.tagName.toLowerCase())) problems.push(`element <${child.tagName}> is not allowed in a logo (allowed: ${[...SVG_ELEMENTS].join(', ')})`);
        for (const a of child.attrs ?? []) {
          const name = a.name.toLowerCase();
          if (!SVG_ATTRIBUTES.has(name)) problems.push(`attribute ${a.name} on <${child.tagName}> is not allowed in a logo`);
          else if (/url\(/i.test(a.value) && !LOCAL_URL.test(a.value.trim())) problems.push(`attribute ${a.name}="${a.value.slice(0, 40)}" refers outside the logo`);
        }
      }
      walk(child);
    }
  };
  walk(fragment);
  if (problems.length) return { problems };
  const root = roots[0];
  if (!root.attrs?.some((a) => a.name.toLowerCase() === 'viewbox')) return { problems: ['needs a viewBox so it can be scaled'] };
  return { svg: serialize(parsed).trim(), problems };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The [[contact]] block: author-level HTML (div, p, strong, br with a class), every value escaped. */
export function contactHtml(contact: NonNullable<CompanyMeta['contact']>): string {
  const lines = [escapeHtml(contact.name)];
  if (contact.phone) lines.push(`電話: ${escapeHtml(contact.phone)}`);
  if (contact.mail) lines.push(`メール: ${escapeHtml(contact.mail)}`);
  return `<div class="note company-contact"><p><strong>${escapeHtml(contact.label)}</strong></p><p>${lines.join('<br>')}</p></div>`;
}

export function compileCompany(company: CourseFile['company'], contentRoot: string, report: Report): CompanyMeta | undefined {
  if (!company) return undefined;
  const out: CompanyMeta = { name: company.name, contact: company.contact };
  if (company.logo) {
    const file = join(contentRoot, company.logo);
    if (!existsSync(file)) report('company.logo', `file content/${company.logo} is missing`);
    else {
      const { svg, problems } = sanitizeSvg(readFileSync(file, 'utf8'));
      for (const p of problems) report('company.logo', `content/${company.logo} ${p}`);
      out.logoSvg = svg;
    }
  }
  if (company.brandColor) {
    const color = company.brandColor.toLowerCase();
    for (const [surface, background] of Object.entries(BRAND_SURFACES)) {
      const ratio = contrast(color, background);
      if (ratio < WCAG_AA_TEXT)
        report('company.brandColor', `${company.brandColor} has a contrast of ${ratio.toFixed(2)}:1 against ${surface} ${background}; WCAG AA needs ${WCAG_AA_TEXT}:1 for text — choose a darker colour`);
    }
    out.brandColor = color;
    out.brandColorDark = darker(color);
  }
  return out;
}

/** The company's colour in place of the course's blue: a style element the build puts in <head>, no code at run time; html:root outranks the stylesheet's :root wherever it lands. */
export function brandStyle(company: CompanyMeta | undefined): string {
  if (!company?.brandColor || !company.brandColorDark) return '';
  return `<style>html:root{--brand:${company.brandColor};--brand-dark:${company.brandColorDark}}</style>`;
}
