// Fills a manifest template from scorm/ with the course's metadata. Templates
// hold the structure; every value put into them is escaped here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseMeta } from '../../src/content/types.ts';
import { LAUNCH_FILE, PROJECT_ROOT, type PackageTarget } from './targets.ts';

export const TEMPLATE_DIR = join(PROJECT_ROOT, 'scorm');

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
// Characters XML 1.0 cannot carry at all, escaped or not.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  if (NOT_XML_CHAR.test(value)) throw new Error(`value ${JSON.stringify(value)} holds a character XML cannot carry`);
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`manifest template names {{${name}}}, which has no value`);
    return escapeXml(values[name]);
  });
}

/** The pass mark (percent) as the 2004 normalized measure, e.g. 80 → "0.8". */
export function normalizedMeasure(passMark: number): string {
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) throw new Error(`pass mark ${passMark} is not a whole percent`);
  return String(passMark / 100);
}

export function manifestValues(meta: CourseMeta): Record<string, string> {
  return {
    id: meta.id,
    title: meta.title,
    version: meta.version,
    minNormalizedMeasure: normalizedMeasure(meta.passMark),
    launch: LAUNCH_FILE,
  };
}

export function renderManifest(target: PackageTarget, meta: CourseMeta, templateDir = TEMPLATE_DIR): string {
  const template = readFileSync(join(templateDir, target.template), 'utf8');
  return fillTemplate(template, manifestValues(meta));
}
