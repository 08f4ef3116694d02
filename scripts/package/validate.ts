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
  // Only the manifest's own lines: libxml2 also prints a warning about the
  // official ims_xml.xsd, and echoes source lines and carets without a location.
  const problems = result.errors.filter((e) => e.loc?.fileName === MANIFEST_FILE).map((e) => e.rawMessage);
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

/** What an LMS relies on at import but no XSD checks; empty when all is well. */
export async function structureProblems(manifest: string, target: PackageTarget): Promise<string[]> {
  const checks = structureChecks(target);
  // One xmllint run for all checks: each becomes a number, joined by commas.
  const printed = await xpath(manifest, `concat(${checks.map((c) => `number(${c.xpath})`).join(", ',', ")})`);
  const values = printed.trim().split(',').map(Number);
  if (values.length !== checks.length || values.some((v) => Number.isNaN(v))) throw new Error(`xmllint --xpath printed ${JSON.stringify(printed)}`);
  return checks.filter((_, i) => values[i] > 0).map((c) => c.problem);
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

/** Every problem an import would meet; the XSD's come alone, as the other checks need a well-formed manifest. */
export async function manifestProblems(manifest: string, target: PackageTarget, entryNames: readonly string[]): Promise<string[]> {
  const schema = await schemaProblems(manifest, target);
  if (schema.length > 0) return schema;
  return [...(await structureProblems(manifest, target)), ...(await missingFileProblems(manifest, entryNames))];
}
