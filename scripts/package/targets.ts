// The two packages the course ships as, and what each one is made of.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScormVersion } from '../../src/scorm/spec.ts';

export interface PackageTarget {
  version: ScormVersion;
  /** file name suffix: <course-id>-<suffix>.zip */
  suffix: string;
  /** manifest template in scorm/ */
  template: string;
  /** <schemaversion> an LMS reads to pick its player */
  schemaVersion: string;
  /** the adlcp attribute that marks a SCO; its spelling differs by version and no XSD checks it */
  scormTypeAttribute: string;
  /** wrapper schema in scorm/schemas/ that imports every namespace of the version */
  wrapper: string;
  /** folder of the official ADL/IMS control files, vendored in scorm/schemas/ (see SOURCES.md there) */
  schemaDir: string;
  /** the official files the wrapper needs to validate a manifest of this version */
  schemaFiles: readonly string[];
  /**
   * Whether the package carries schemaFiles at its root. The manifest's
   * xsi:schemaLocation names them only when it does, so no hint dangles.
   */
  shipsSchemas: boolean;
}

export const LAUNCH_FILE = 'index.html';
export const MANIFEST_FILE = 'imsmanifest.xml';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** the single-file course vite builds; every package carries it */
export const COURSE_HTML = join(PROJECT_ROOT, 'dist', 'course', 'index.html');
/** where the zips go */
export const PACKAGE_DIR = join(PROJECT_ROOT, 'dist');
/** HR's report page, beside the zips (scripts/report/page/) */
export const reportPageName = (courseId: string): string => `${courseId}-report.html`;

const SCHEMAS = join(PROJECT_ROOT, 'scorm', 'schemas');

export const SCORM_12: PackageTarget = {
  version: '1.2',
  suffix: 'scorm12',
  template: 'imsmanifest-1.2.xml',
  schemaVersion: '1.2',
  scormTypeAttribute: 'scormtype',
  wrapper: 'scorm12-wrapper.xsd',
  schemaDir: join(SCHEMAS, 'scorm12'),
  // imsmd (LOM) is not among them: the manifest has no metadata beyond schema/schemaversion.
  schemaFiles: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'],
  // ADL's 1.2 conformance test wants the control files at the root; they cost ~4 KB zipped.
  shipsSchemas: true,
};

export const SCORM_2004: PackageTarget = {
  version: '2004',
  suffix: 'scorm2004',
  template: 'imsmanifest-2004.xml',
  schemaVersion: '2004 4th Edition',
  scormTypeAttribute: 'scormType',
  wrapper: 'scorm2004-4th-wrapper.xsd',
  schemaDir: join(SCHEMAS, 'scorm2004-4th'),
  schemaFiles: [
    'XMLSchema.dtd',
    'adlcp_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'datatypes.dtd',
    'imscp_v1p1.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
  ],
  // ~21 KB zipped, a third of the 60 KB package budget; Moodle and the common LMSs import without them.
  shipsSchemas: false,
};

export const TARGETS: readonly PackageTarget[] = [SCORM_12, SCORM_2004];

export function packageFileName(courseId: string, target: PackageTarget): string {
  return `${courseId}-${target.suffix}.zip`;
}
