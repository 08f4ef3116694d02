// Entry of the host page (index.html here): read the launch settings from the
// query, seed the stored attempt if asked, create the API and load the course.
//   ?v=1.2|2004  mode=normal|review|browse  mastery=<0–100>  learner=<id>  name=<name>
//   fault=no-api|init-false|commit-fail-<N>|commit-fail-always   (a failing store refuses Commit and Terminate)
//   refuse=<element, * for an index>  refuseTimes=<N>|always   SetValue of it answers false, error 101
//   slow=<ms>      every API call blocks that long        lateApi=<ms>   the API appears that late
//   beacon=1       from the page's beforeunload on, Commit and Terminate answer "true", send a beacon to ./beacon and store nothing (Moodle's beacon, never landing)
//   cmi=<base64url JSON of a flat CMI>  replaces the stored attempt (exit "suspend")
//   fresh=1  forgets the stored attempt
// Both seeding parameters are taken off the address, so a reload re-enters.
import { createHost, parseConfig, writeStored, type Host } from './host.ts';

declare global {
  interface Window {
    lmsHost?: Host;
  }
}

function decodeCmi(text: string): Record<string, string> {
  const bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
}

const config = parseConfig(location.search);
const query = new URLSearchParams(location.search);
if (query.has('fresh')) writeStored(localStorage, config, null);
const seed = query.get('cmi');
if (seed) writeStored(localStorage, config, { cmi: decodeCmi(seed), exit: 'suspend', totalSeconds: 0 });
if (query.has('fresh') || seed) {
  query.delete('fresh');
  query.delete('cmi');
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

document.title = `LMS host — SCORM ${config.version}`;
// only the launch's own version of scorm-again: each is a large script to parse, on every launch
await new Promise((loaded, failed) => {
  const script = document.createElement('script');
  script.src = `vendor/scorm${config.version === '1.2' ? '12' : '2004'}.js`;
  script.onload = loaded;
  script.onerror = () => failed(new Error(`${script.src} did not load`));
  document.head.append(script);
});
const frame = document.getElementById('course') as HTMLIFrameElement;
// a late API shows up that long after the course has loaded and looked for it
if (config.lateApiMs) frame.addEventListener('load', () => setTimeout(() => (window.lmsHost = createHost(window, config)), config.lateApiMs), { once: true });
else window.lmsHost = createHost(window, config);
frame.src = `course/${config.version}/index.html`;
