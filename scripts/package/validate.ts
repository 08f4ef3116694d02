// Checks a manifest the way a strict LMS would at import: against the official
// XSDs (through the wrapper, so the adlcp/imsss extensions are checked too) and
// for the references no XSD checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { MANIFEST_FILE, PROJECT_ROOT, type PackageTarget } from './targets.ts';

export const WRAPPER_DIR = join(PROJECT_ROOT, 'scorm', 'schemas');

export function schemaFiles(target: PackageTarget): XMLFileInfo[] {
  return target.schemaFiles.map((name) => ({ fileName: name, contents: readFileSync(join(target.schemaDir, name)) }));
}

/** Problems xmllint finds with the manifest against the version's XSDs; empty when valid. */
export async function schemaProblems(manifest: string, target: PackageTarget): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: MANIFEST_FILE, contents: manifest },
    schema: { fileName: target.wrapper, contents: readFileSync(join(WRAPPER_DIR, target.wrapper)) },
    preload: schemaFiles(target),
  });
  if (result.valid) return [];
  const problems = result.errors.map((e) => e.rawMessage).filter((line) => line.trim() !== '');
  return problems.length > 0 ? problems : [result.rawOutput || 'xmllint rejected the manifest without a message'];
}

// Each XPath is non-zero (a count or true) when the check fails; local-name()
// keeps them free of the version's namespaces.
function structureChecks(target: PackageTarget): ReadonlyArray<{ problem: string; xpath: string }> {
  return [
    {
      problem: 'an item identifierref names no resource',
      xpath: "count(//*[local-name()='item'][@identifierref][not(@identifierref = //*[local-name()='resource']/@identifier)])",
    },
    {
      problem: 'organizations/@default names no organization',
      xpath: "count(//*[local-name()='organizations'][not(@default = *[local-name()='organization']/@identifier)])",
    },
    {
      problem: `the package does not have exactly one resource with adlcp:${target.scormTypeAttribute}="sco"`,
      xpath: `count(//*[local-name()='resource'][@*[local-name()='${target.scormTypeAttribute}'] = 'sco']) != 1`,
    },
    {
      problem: 'a resource href is not one of its files',
      xpath: "count(//*[local-name()='resource'][@href][not(@href = *[local-name()='file']/@href)])",
    },
    {
      problem: `<schemaversion> is not ${target.schemaVersion}`,
      xpath: `string(/*/*[local-name()='metadata']/*[local-name()='schemaversion']) != '${target.schemaVersion}'`,
    },
  ];
}

/** Evaluates an XPath 1.0 expression on the manifest and returns xmllint's printout of the result. */
export async function xpath(manifest: string, expression: string): Promise<string> {
  const result = await validateXML({
    xml: { fileName: MANIFEST_FILE, contents: manifest },
    normalization: 'c14n',
    modifyArguments: () => ['--xpath', expression, MANIFEST_FILE],
  });
  return result.normalized;
}

async function xpathNumber(manifest: string, expression: string): Promise<number> {
  const value = (await xpath(manifest, expression)).trim();
  // XPath booleans print as true/false; counts as numbers.
  if (value === 'true') return 1;
  if (value === 'false') return 0;
  const n = Number(value);
  if (value === '' || Number.isNaN(n)) throw new Error(`xmllint --xpath ${expression} gave ${JSON.stringify(value)}`);
  return n;
}

/** What an LMS relies on at import but no XSD checks; empty when all is well. */
export async function structureProblems(manifest: string, target: PackageTarget): Promise<string[]> {
  const problems: string[] = [];
  for (const check of structureChecks(target)) {
    if ((await xpathNumber(manifest, check.xpath)) > 0) problems.push(check.problem);
  }
  return problems;
}

/** Files the manifest names: each <file href> and the local half of each xsi:schemaLocation pair. */
export async function namedFiles(manifest: string): Promise<{ files: string[]; schemaLocations: string[] }> {
  // xmllint prints a selected attribute as ` href="…"`; hrefs here are plain file names.
  const hrefs = await xpath(manifest, "//*[local-name()='file']/@href");
  const files = [...hrefs.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  const pairs = (await xpath(manifest, "string(/*/@*[local-name()='schemaLocation'])")).trim().split(/\s+/).filter(Boolean);
  const schemaLocations = pairs.filter((_, i) => i % 2 === 1);
  return { files, schemaLocations };
}

/** Files the manifest names that the package does not hold. */
export async function missingFileProblems(manifest: string, entryNames: readonly string[]): Promise<string[]> {
  const { files, schemaLocations } = await namedFiles(manifest);
  const held = new Set(entryNames);
  return [
    ...files.filter((f) => !held.has(f)).map((f) => `<file href="${f}"> is not in the package`),
    ...schemaLocations.filter((f) => !held.has(f)).map((f) => `xsi:schemaLocation names ${f}, which is not in the package`),
  ];
}

export async function manifestProblems(manifest: string, target: PackageTarget, entryNames: readonly string[]): Promise<string[]> {
  return [...(await schemaProblems(manifest, target)), ...(await structureProblems(manifest, target)), ...(await missingFileProblems(manifest, entryNames))];
}
