// The course's text travels in the built page as an inert JSON island, after
// the code (vite-plugin.ts writes it). Tools that read a built page find it
// here, without loading the build's own machinery (Vite, the compiler).

export const COURSE_DATA_ID = 'course-data';

/** The island's JSON text in a built page, or undefined when the page has none. */
export function courseDataIn(html: string): string | undefined {
  const start = `<script type="application/json" id="${COURSE_DATA_ID}">`;
  const from = html.indexOf(start);
  if (from < 0) return undefined;
  const end = html.indexOf('</script>', from + start.length);
  return end < 0 ? undefined : html.slice(from + start.length, end);
}
