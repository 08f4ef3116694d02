// The manifests generated from content/course.yaml, checked with xmllint
// against the official SCORM XSDs, and the checks no XSD makes.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { escapeXml, fillTemplate, normalizedMeasure, renderManifest } from '../../scripts/package/manifest.ts';
import { SCORM_12, SCORM_2004, TARGETS } from '../../scripts/package/targets.ts';
import { manifestProblems, missingFileProblems, schemaProblems, structureProblems, xpath } from '../../scripts/package/validate.ts';
import { packageEntryNames } from '../../scripts/package/build.ts';

const { meta } = compileContent('content');
const manifest12 = renderManifest(SCORM_12, meta);
const manifest2004 = renderManifest(SCORM_2004, meta);

const text = async (xml: string, path: string) => (await xpath(xml, `string(${path})`)).replace(/\n$/, '');

describe('generated manifests', () => {
  it.each(TARGETS.map((t) => [t.version, t] as const))('SCORM %s is valid against the official XSDs and resolves', async (_, target) => {
    const manifest = renderManifest(target, meta);
    expect(await schemaProblems(manifest, target)).toEqual([]);
    expect(await structureProblems(manifest, target)).toEqual([]);
    expect(await missingFileProblems(manifest, packageEntryNames(target))).toEqual([]);
  });

  it('carries the course id, Japanese title and version', async () => {
    for (const manifest of [manifest12, manifest2004]) {
      expect(await text(manifest, "/*/@identifier")).toBe(meta.id);
      expect(await text(manifest, "/*/@version")).toBe(meta.version);
      expect(await text(manifest, "//*[local-name()='organization']/*[local-name()='title']")).toBe(meta.title);
      expect(await text(manifest, "//*[local-name()='item']/*[local-name()='title']")).toBe(meta.title);
      expect(manifest.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    }
    expect(meta.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('gives 1.2 no masteryscore: the course alone decides passed, so no LMS rewrites an unfinished learner as failed', async () => {
    expect(await xpath(manifest12, "count(//*[local-name()='masteryscore'])")).toMatch(/^0\n?$/);
    expect(await text(manifest12, "/*/*[local-name()='metadata']/*[local-name()='schemaversion']")).toBe('1.2');
    expect(await text(manifest12, "//*[local-name()='resource']/@*[local-name()='scormtype']")).toBe('sco');
  });

  it('gives 2004 a primary objective satisfied by a measure equal to the pass mark', async () => {
    const objective = "//*[local-name()='item']/*[local-name()='sequencing']/*[local-name()='objectives']/*[local-name()='primaryObjective']";
    expect(await text(manifest2004, `${objective}/@satisfiedByMeasure`)).toBe('true');
    const measure = Number(await text(manifest2004, `${objective}/*[local-name()='minNormalizedMeasure']`));
    expect(Math.round(measure * 100)).toBe(meta.passMark);
    expect(await text(manifest2004, "/*/*[local-name()='metadata']/*[local-name()='schemaversion']")).toBe('2004 4th Edition');
    expect(await text(manifest2004, "//*[local-name()='resource']/@*[local-name()='scormType']")).toBe('sco');
  });

  it('has one SCO launched from index.html', async () => {
    for (const manifest of [manifest12, manifest2004]) {
      expect(await text(manifest, "count(//*[local-name()='item'])")).toBe('1');
      expect(await text(manifest, "count(//*[local-name()='resource'])")).toBe('1');
      expect(await text(manifest, "//*[local-name()='resource']/@href")).toBe('index.html');
    }
  });
});

describe('escaping', () => {
  it('escapes every XML special character', () => {
    expect(escapeXml(`A&B <x> "q" 'a'`)).toBe('A&amp;B &lt;x&gt; &quot;q&quot; &apos;a&apos;');
    expect(() => escapeXml('bell\u0007')).toThrow(/cannot carry/);
  });

  it('keeps a manifest valid when the metadata holds markup characters', async () => {
    const title = `A&B <研修> "情報" 'x'`;
    for (const target of TARGETS) {
      const manifest = renderManifest(target, { ...meta, title });
      expect(await schemaProblems(manifest, target)).toEqual([]);
      expect(await text(manifest, "//*[local-name()='organization']/*[local-name()='title']")).toBe(title);
    }
  });

  it('refuses a placeholder without a value', () => {
    expect(() => fillTemplate('<a>{{nope}}</a>', { id: 'x' })).toThrow(/\{\{nope\}\}/);
  });

  it('turns a pass mark into a normalized measure', () => {
    expect(normalizedMeasure(80)).toBe('0.8');
    expect(normalizedMeasure(75)).toBe('0.75');
    expect(normalizedMeasure(100)).toBe('1');
    expect(() => normalizedMeasure(80.5)).toThrow();
  });
});

describe('broken manifests are rejected', () => {
  const broken = (manifest: string, from: string, to: string) => {
    expect(manifest).toContain(from);
    return manifest.replace(from, to);
  };

  it('rejects a 1.2 ADL element the XSD does not declare', async () => {
    const bad = broken(manifest12, '</item>', '<adlcp:masteryScore>80</adlcp:masteryScore></item>');
    expect(await schemaProblems(bad, SCORM_12)).not.toEqual([]);
  });

  it('rejects a 1.2 attribute of the wrong type', async () => {
    expect(await schemaProblems(broken(manifest12, 'isvisible="true"', 'isvisible="yes"'), SCORM_12)).not.toEqual([]);
  });

  it('reports a schemaversion that names another SCORM version', async () => {
    const bad = broken(manifest12, '<schemaversion>1.2<', '<schemaversion>1.3<');
    expect(await structureProblems(bad, SCORM_12)).toEqual(['<schemaversion> is not 1.2']);
  });

  it('rejects a 2004 minNormalizedMeasure outside -1..1 (so imsss is really checked)', async () => {
    const bad = broken(manifest2004, '<imsss:minNormalizedMeasure>0.8<', '<imsss:minNormalizedMeasure>80<');
    expect(await schemaProblems(bad, SCORM_2004)).not.toEqual([]);
  });

  it('reports the 1.2 spelling adlcp:scormtype in a 2004 manifest, which the lax XSD lets through', async () => {
    const bad = broken(manifest2004, 'adlcp:scormType=', 'adlcp:scormtype=');
    expect(await schemaProblems(bad, SCORM_2004)).toEqual([]);
    expect(await structureProblems(bad, SCORM_2004)).toEqual(['the package does not have exactly one resource with adlcp:scormType="sco"']);
  });

  it('rejects a manifest that is not well-formed', async () => {
    expect(await schemaProblems(broken(manifest2004, '<title>', '<title>&'), SCORM_2004)).not.toEqual([]);
  });

  it('reports an identifierref that names no resource', async () => {
    const bad = broken(manifest12, `identifierref="${meta.id}-sco"`, 'identifierref="elsewhere"');
    expect(await schemaProblems(bad, SCORM_12)).toEqual([]);
    expect(await structureProblems(bad, SCORM_12)).toEqual(['an item identifierref names no resource']);
  });

  it('reports a default organization that does not exist', async () => {
    const bad = broken(manifest2004, `default="${meta.id}-org"`, `default="${meta.id}-item"`);
    expect(await structureProblems(bad, SCORM_2004)).toEqual(['organizations/@default names no organization']);
  });

  it('reports files the package lacks', async () => {
    expect(await missingFileProblems(manifest12, ['imsmanifest.xml', 'index.html'])).toEqual([
      'xsi:schemaLocation names imscp_rootv1p1p2.xsd, which is not in the package',
      'xsi:schemaLocation names adlcp_rootv1p2.xsd, which is not in the package',
    ]);
    expect(await missingFileProblems(manifest2004, ['imsmanifest.xml'])).toEqual(['<file href="index.html"> is not in the package']);
  });
});

describe('manifestProblems', () => {
  it('reports schema errors first and alone, then every structural problem', async () => {
    const names = packageEntryNames(SCORM_12);
    expect(await manifestProblems(manifest12, SCORM_12, names)).toEqual([]);
    const malformed = await manifestProblems(manifest12.replace('<title>', '<title>&'), SCORM_12, names);
    expect(malformed.length).toBeGreaterThan(0);
    expect(malformed.every((p) => p.includes('imsmanifest.xml'))).toBe(true);
    const unresolved = manifest12.replace(`identifierref="${meta.id}-sco"`, 'identifierref="elsewhere"');
    expect(await manifestProblems(unresolved, SCORM_12, ['imsmanifest.xml'])).toEqual([
      'an item identifierref names no resource',
      '<file href="index.html"> is not in the package',
      'xsi:schemaLocation names imscp_rootv1p1p2.xsd, which is not in the package',
      'xsi:schemaLocation names adlcp_rootv1p2.xsd, which is not in the package',
    ]);
  });
});
