// What a contrast theme (forced colours) leaves of what a page draws, measured
// in the browser from its computed colours with WCAG 2.1's relative luminance
// and contrast ratio: tests/e2e/forced-colors.spec.ts for the course, and
// tests/e2e/report-page.spec.ts for HR's report.

/** WCAG 2.1: text 4.5:1, the parts of a graphic needed to understand it 3:1 */
export const TEXT_CONTRAST = 4.5;
export const GRAPHIC_CONTRAST = 3;

export interface Inspection {
  /** SVG text: where, and its contrast with what is behind it */
  svgText: Array<{ where: string; contrast: number }>;
  /** line icons drawn in their text's colour */
  icons: Array<{ where: string; contrast: number }>;
  /** the header's progress bar: its fill against the bar behind it */
  progress: number | null;
  /** zero-sized pseudo-elements drawn with their borders: how many sides are painted, and the painted side's contrast */
  triangles: Array<{ where: string; sides: number; contrast: number }>;
  /** pseudo-elements drawn with a background image */
  pictures: string[];
  /** the chart's key: each swatch's colour and the colour of the bars of its rank */
  key: Array<{ rank: string; swatch: string; bars: string[] }>;
  /** each tab list: the chosen tab's contrast with the others, and its text's with its own background */
  tabs: Array<{ against: number; text: number }>;
}

/**
 * Everything drawn under `root` that forced colours could take away, measured
 * in the page (a function the browser runs: it closes over nothing).
 */
export function inspect(root: string): Inspection {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
    if (!m) throw new Error(`a colour this test cannot read: ${css}`);
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  document.body.append(probe);
  const canvas = parse(getComputedStyle(probe).backgroundColor);
  probe.remove();
  /** what is painted behind an element: its own and its ancestors' backgrounds, laid over the canvas */
  const backdrop = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reduceRight<Rgba>((under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a), 1], canvas);
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const over = (fg: Rgba, bg: Rgba): Rgba => [fg[0] * fg[3] + bg[0] * (1 - fg[3]), fg[1] * fg[3] + bg[1] * (1 - fg[3]), fg[2] * fg[3] + bg[2] * (1 - fg[3]), 1];
  const shown = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
  const where = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const cls = e.getAttribute('class');
      parts.unshift(e.tagName.toLowerCase() + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '') + `:nth-child(${[...(e.parentElement?.children ?? [])].indexOf(e) + 1})`);
    }
    return parts.join(' > ');
  };
  const main = document.querySelector(root)!;

  const svgText = [...main.querySelectorAll('svg text')].filter(shown).map((t) => ({
    where: `${where(t)} «${t.textContent}»`,
    contrast: contrast(parse(getComputedStyle(t).fill), backdrop(t)),
  }));
  const icons = [...main.querySelectorAll('svg.icon:not(.icon-fluent-emoji-flat)')].filter(shown).map((svg) => ({
    where: where(svg),
    contrast: contrast(parse(getComputedStyle(svg).color), backdrop(svg)),
  }));
  // the bar's fill: painted as its background, or as a border (forced colours paint over backgrounds)
  const fill = main.querySelector('[role=progressbar] > *');
  const paint = (el: Element) => {
    const s = getComputedStyle(el);
    const bg = parse(s.backgroundColor);
    return bg[3] > 0 || parseFloat(s.borderTopWidth) === 0 ? bg : parse(s.borderTopColor);
  };
  const progress = fill && shown(fill) ? contrast(over(paint(fill), backdrop(fill.parentElement)), backdrop(fill.parentElement)) : null;

  const triangles: Inspection['triangles'] = [];
  const pictures: string[] = [];
  for (const el of main.querySelectorAll('*')) {
    if (!shown(el)) continue;
    for (const pseudo of ['::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      if (s.content === 'none' || s.content === 'normal' || s.display === 'none') continue;
      if (s.backgroundImage !== 'none') pictures.push(where(el) + pseudo);
      const sides = ['top', 'right', 'bottom', 'left'].filter((side) => parseFloat(s.getPropertyValue(`border-${side}-width`)) > 0);
      const px = (prop: string) => parseFloat(s.getPropertyValue(prop)) || 0;
      const inner = (size: 'width' | 'height', a: string, b: string) =>
        px(size) - (s.boxSizing === 'border-box' ? px(`border-${a}-width`) + px(`border-${b}-width`) + px(`padding-${a}`) + px(`padding-${b}`) : 0);
      if (sides.length > 0 && inner('width', 'left', 'right') === 0 && inner('height', 'top', 'bottom') === 0) {
        const painted = sides.map((side) => parse(s.getPropertyValue(`border-${side}-color`))).filter((c) => c[3] > 0);
        triangles.push({ where: where(el) + pseudo, sides: painted.length, contrast: painted.length ? contrast(over(painted[0], backdrop(el)), backdrop(el)) : 0 });
      }
    }
  }

  const key = [...main.querySelectorAll('.legend-swatch')].filter(shown).map((swatch) => {
    const rank = [...swatch.classList].find((c) => c.startsWith('rank-'))!;
    return {
      rank,
      swatch: getComputedStyle(swatch).backgroundColor,
      bars: [...main.querySelectorAll(`.area-chart-bar.${rank}`)].map((bar) => getComputedStyle(bar).fill),
    };
  });

  const tabs = [...main.querySelectorAll('[role=tablist]')].filter(shown).map((list) => {
    const chosen = list.querySelector('[role=tab][aria-selected=true]')!;
    const other = list.querySelector('[role=tab][aria-selected=false]')!;
    return { against: contrast(backdrop(chosen), backdrop(other)), text: contrast(parse(getComputedStyle(chosen).color), backdrop(chosen)) };
  });

  return { svgText, icons, progress, triangles, pictures, key, tabs };
}
