// Pictures for the course, picked at build time from kept, permissively
// licensed icon sets. Content names an icon as `set:name` (e.g. `lucide:lock`);
// the compiler checks the name here and the build inlines only the icons the
// course uses, once each, as <symbol>s that every picture <use>s.
import { createRequire } from 'node:module';
import { optimize } from 'svgo';
import { iconId } from '../../src/content/icon-id.ts';

/** The sets an author may name, with the npm package each comes from and its licence. */
export const ICON_SETS = {
  lucide: { pkg: '@iconify-json/lucide', licence: 'ISC' },
  'fluent-emoji-flat': { pkg: '@iconify-json/fluent-emoji-flat', licence: 'MIT' },
} as const;

type SetName = keyof typeof ICON_SETS;

interface IconifyJson {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
}

export interface IconSvg {
  /** the symbol's id in the page, e.g. `i-lucide-lock` */
  id: string;
  viewBox: string;
  body: string;
}

const require = createRequire(import.meta.url);
const loaded = new Map<SetName, IconifyJson>();
const iconSet = (set: SetName): IconifyJson => {
  let json = loaded.get(set);
  if (!json) loaded.set(set, (json = require(`${ICON_SETS[set].pkg}/icons.json`) as IconifyJson));
  return json;
};

export const ICON_NAME = /^([a-z-]+):([a-z0-9-]+)$/;

/** The icon's SVG, or the reason it cannot be had. */
export function resolveIcon(name: string): IconSvg | string {
  const m = ICON_NAME.exec(name);
  if (!m) return `"${name}" is not an icon name: write set:name, e.g. lucide:lock`;
  const set = m[1] as SetName;
  if (!(set in ICON_SETS)) return `unknown icon set "${m[1]}" in "${name}" (known: ${Object.keys(ICON_SETS).join(', ')})`;
  const json = iconSet(set);
  const key = json.icons[m[2]] ? m[2] : json.aliases?.[m[2]]?.parent;
  const icon = key ? json.icons[key] : undefined;
  if (!icon) return `unknown icon "${name}": ${ICON_SETS[set].pkg} has no icon "${m[2]}"`;
  const width = icon.width ?? json.width ?? 16;
  const height = icon.height ?? json.height ?? 16;
  return { id: iconId(name), viewBox: `0 0 ${width} ${height}`, body: icon.body };
}

/** Every `icon` field anywhere in the compiled course, in first-use order. */
export function usedIcons(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) usedIcons(v, found);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'icon' && typeof v === 'string') found.add(v);
      else usedIcons(v, found);
    }
  return found;
}

/**
 * Decimal places kept in path data. The sets draw on 24- and 32-unit grids
 * with three places; two leave every picture the same to the eye at 200 px
 * (a hundredth of a unit is a sixth of a pixel there) and the sprite 1.3 KB
 * lighter gzipped. One place bends Lucide's round joins visibly. Fluent's
 * pictures are filled shapes, and most look the same with one (icons.spec.ts
 * measures every picture against its package's drawing), 0.6 KB lighter
 * gzipped; not so the eyes of its people at 168 px (the course's largest
 * picture, 3.5rem, at 200 % zoom on a 1.5× screen), nor the thin crack and
 * rims of the pictures listed, which move past what icons.spec.ts lets through
 * or come within a tenth of it.
 */
const PATH_PRECISION = 2;
const FILLED_PRECISION = 1;
const FILLED = /^fluent-emoji-flat:/;
const FINE = /man|person|people|face|boy|girl|baby|child|^fluent-emoji-flat:(shield|broken-heart|identification-card)$/;

const precision = (name: string) => (FILLED.test(name) && !FINE.test(name) ? FILLED_PRECISION : PATH_PRECISION);

/** The body with its path data rounded; svgo keeps relative segments from drifting. */
const lighter = (body: string, viewBox: string, floatPrecision: number): string =>
  optimize(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${body}</svg>`, {
    plugins: [{ name: 'convertPathData', params: { floatPrecision } }],
  }).data.replace(/^<svg[^>]*>|<\/svg>$/g, '');

/**
 * One hidden SVG holding each used icon once. Not `display:none`: some
 * browsers then drop what the symbols draw. Names were checked when the
 * content was compiled.
 */
export function iconSprite(names: Iterable<string>): string {
  const symbols = [...names].map((name) => {
    const s = resolveIcon(name);
    if (typeof s === 'string') throw new Error(s);
    return `<symbol id="${s.id}" viewBox="${s.viewBox}">${lighter(s.body, s.viewBox, precision(name))}</symbol>`;
  });
  return `<svg class="icon-sprite" aria-hidden="true" focusable="false" width="0" height="0">${symbols.join('')}</svg>`;
}
