// A built course is one index.html for every target; the package says which
// SCORM version the LMS will speak by a meta tag the bundle reads at start-up.
import { SCORM_VERSION_META } from '../src/tracking/version-meta.ts';
import type { ScormVersion } from '../src/scorm/spec.ts';

export function withScormVersion(html: string, version: ScormVersion): string {
  const tag = `<meta name="${SCORM_VERSION_META}" content="${version}">`;
  if (new RegExp(`<meta[^>]+name=["']?${SCORM_VERSION_META}["'\\s>]`).test(html)) throw new Error('index.html already names a SCORM version');
  if (!html.includes('<head>')) throw new Error('index.html has no <head>');
  return html.replace('<head>', `<head>\n    ${tag}`);
}
