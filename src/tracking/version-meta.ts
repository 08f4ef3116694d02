/** The meta tag a package adds to index.html to name the SCORM version its LMS speaks. */
export const SCORM_VERSION_META = 'scorm-version';
