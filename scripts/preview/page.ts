// The preview page: the LMS host harness (scorm-again + the course) in a frame,
// and beside it the records panel, read from what the LMS stored.
import type { Host } from '../lms-host/host.ts';
import type { ScormVersion } from '../../src/scorm/spec.ts';
import { renderRecords } from './panel.ts';
import { attemptRecords, recordsCsv, type AttemptRecords } from './records.ts';

import type { PreviewConfig } from './server.ts';

const REFRESH_MS = 500;

const config = (await (await fetch('preview/config.json')).json()) as PreviewConfig;
const frame = document.getElementById('lms') as HTMLIFrameElement;
const select = document.getElementById('version') as HTMLSelectElement;
const panel = document.getElementById('panel') as HTMLElement;
let version: ScormVersion = new URLSearchParams(location.search).get('v') === '1.2' ? '1.2' : '2004';

function launch(fresh: boolean): void {
  // what the package's manifest gives the LMS: the build's 2004 a scaled_passing_score from
  // the primary objective's minNormalizedMeasure, its 1.2 no mastery_score (a zip's as it says)
  const query = new URLSearchParams({ v: version });
  const mastery = config.lmsPassMark[version];
  if (mastery !== undefined) query.set('mastery', String(mastery));
  if (fresh) query.set('fresh', '1');
  frame.src = `lms/?${query}`;
}

function records(): AttemptRecords | null {
  const host = (frame.contentWindow as (Window & { lmsHost?: Host }) | null)?.lmsHost;
  const stored = host?.config.version === version ? host.stored() : null;
  return stored ? attemptRecords(version, stored.cmi, stored.totalSeconds) : null;
}

let shown = '';
function refresh(): void {
  const current = records();
  const key = JSON.stringify(current);
  if (key === shown) return;
  shown = key;
  panel.replaceChildren(renderRecords(current));
}

function exportCsv(): void {
  const current = records();
  if (!current) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([recordsCsv(current, config.courseId)], { type: 'text/csv;charset=utf-8' }));
  link.download = `${config.courseId}-scorm${version === '1.2' ? '12' : '2004'}-records.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** the build's files, linked for the owner: a zip downloads, a page opens in a new tab */
function listFiles(): void {
  const list = document.getElementById('file-list')!;
  for (const file of config.files) {
    const link = document.createElement('a');
    link.href = `files/${encodeURIComponent(file.name)}`;
    link.textContent = file.label;
    if (/\.(html|txt)$/.test(file.name)) link.target = '_blank';
    else link.download = file.name;
    const item = document.createElement('li');
    item.append(link, ` ${file.name}`);
    list.append(item);
  }
  document.getElementById('files')!.hidden = config.files.length === 0;
}

document.getElementById('course-title')!.textContent = `${config.title}（合格点 ${config.passMark}）`;
select.value = version;
select.addEventListener('change', () => {
  version = select.value === '1.2' ? '1.2' : '2004';
  history.replaceState(null, '', `?v=${version}`);
  launch(false);
});
document.getElementById('new-attempt')!.addEventListener('click', () => launch(true));
document.getElementById('export-csv')!.addEventListener('click', exportCsv);
listFiles();
launch(false);
refresh();
setInterval(refresh, REFRESH_MS);
