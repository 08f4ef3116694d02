declare module 'virtual:course' {
  /** the course the build compiled, parsed from the page's data island */
  export function loadCourse(): import('./content/types.ts').Course;
  /** the icon sprite's SVG markup, for the page to hold once */
  export function loadIconSprite(): string;
  /** the whole stylesheet; the page's own <style> holds only the first screen's rules */
  export function loadStyles(): string;
}
