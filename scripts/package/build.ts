// Assembles one package: manifest, the course's index.html marked with the
// SCORM version it will talk to, and (for 1.2) the official control files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseMeta } from '../../src/content/types.ts';
import { withScormVersion } from '../scorm-target.ts';
import { renderManifest } from './manifest.ts';
import { LAUNCH_FILE, MANIFEST_FILE, packageFileName, type PackageTarget } from './targets.ts';
import { manifestProblems } from './validate.ts';
import { deterministicZip, type ZipEntry } from './zip.ts';

export interface BuiltPackage {
  target: PackageTarget;
  fileName: string;
  manifest: string;
  entries: ZipEntry[];
  zip: Buffer;
}

/** Entry names in package order: the manifest first, as some importers only peek at the start. */
export function packageEntryNames(target: PackageTarget): string[] {
  return [MANIFEST_FILE, LAUNCH_FILE, ...(target.shipsSchemas ? target.schemaFiles : [])];
}

export async function buildPackage(target: PackageTarget, meta: CourseMeta, courseHtml: string): Promise<BuiltPackage> {
  const manifest = renderManifest(target, meta);
  const names = packageEntryNames(target);
  const problems = await manifestProblems(manifest, target, names);
  if (problems.length > 0) {
    throw new Error(`${target.template}: the SCORM ${target.version} manifest is not valid:\n` + problems.map((p) => `  - ${p}`).join('\n'));
  }
  const contents = (name: string): Buffer => {
    if (name === MANIFEST_FILE) return Buffer.from(manifest, 'utf8');
    if (name === LAUNCH_FILE) return Buffer.from(withScormVersion(courseHtml, target.version), 'utf8');
    return readFileSync(join(target.schemaDir, name));
  };
  const entries = names.map((name) => ({ name, data: contents(name) }));
  return { target, fileName: packageFileName(meta.id, target), manifest, entries, zip: await deterministicZip(entries) };
}
