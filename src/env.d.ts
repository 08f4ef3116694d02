declare module 'virtual:course' {
  const course: import('./content/types.ts').Course;
  export default course;
  /** the icon sprite's SVG markup, for the page to hold once */
  export const iconSprite: string;
}
