// What a training owner needs to know about a SCORM zip before uploading it:
// the checks an LMS makes at import (manifest against the official XSDs,
// identifiers that resolve, the launch file and every named file present) and
// what Moodle will then do with it. Each finding in plain Japanese with an
// English line. Works on any zip, not only this project's.
import { SCORM_VERSION_META } from '../../src/tracking/version-meta.ts';
import { MANIFEST_FILE, SCORM_12, SCORM_2004, type PackageTarget } from '../package/targets.ts';
import { readZip, type ZipListing } from '../package/unzip.ts';
import { missingFileProblems, schemaProblems, structureProblems, xpath } from '../package/validate.ts';

export type Level = 'ok' | 'info' | 'defect';

export interface Finding {
  level: Level;
  ja: string;
  en: string;
}

export interface PackageFacts {
  target?: PackageTarget;
  identifier?: string;
  version?: string;
  title?: string;
  launch?: string;
  /** 1.2 adlcp:masteryscore, percent */
  masteryScore?: number;
  /** 2004 primary objective's minNormalizedMeasure, 0–1, when satisfiedByMeasure */
  minNormalizedMeasure?: number;
  scoCount?: number;
}

export interface CheckResult {
  findings: Finding[];
  facts: PackageFacts;
  entries: ZipListing[];
  /** true when nothing would stop an import or a learner */
  ok: boolean;
}

const SCHEMA_VERSION = /<(?:[\w-]+:)?schemaversion>\s*([^<]*?)\s*<\/(?:[\w-]+:)?schemaversion>/;

function targetFor(schemaVersion: string): PackageTarget | undefined {
  if (schemaVersion === SCORM_12.schemaVersion) return SCORM_12;
  if (schemaVersion === SCORM_2004.schemaVersion) return SCORM_2004;
  return undefined;
}

/** Reads the values an import uses, in one xmllint run; fields joined by ␟, a character no manifest value holds. */
async function readFacts(manifest: string, target: PackageTarget): Promise<PackageFacts> {
  const sco = `//*[local-name()='resource'][@*[local-name()='${target.scormTypeAttribute}']='sco']`;
  const fields = [
    "string(/*/@identifier)",
    "string(/*/@version)",
    "string(//*[local-name()='organization'][1]/*[local-name()='title'])",
    `string(${sco}[1]/@href)`,
    "string(//*[local-name()='item']/*[local-name()='masteryscore'])",
    "string(//*[local-name()='primaryObjective'][@satisfiedByMeasure='true']/*[local-name()='minNormalizedMeasure'])",
    `string(count(${sco}))`,
  ];
  const printed = await xpath(manifest, `concat(${fields.join(", '\u241F', ")})`);
  const [identifier, version, title, launch, mastery, measure, scos] = printed.replace(/\n$/, '').split('\u241F');
  const number = (s: string | undefined) => (s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined);
  return {
    target,
    identifier: identifier || undefined,
    version: version || undefined,
    title: title?.trim() || undefined,
    launch: launch || undefined,
    masteryScore: number(mastery),
    minNormalizedMeasure: number(measure),
    scoCount: number(scos),
  };
}

// one decimal always: a zip of 72,036 B reads 72.0 KB, as every other size does, not 72 KB
const kb = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;

/** Moodle's behaviour for this package: the rows of docs/lms-guide.md, sections 2 and 3. */
export function moodleFindings(facts: PackageFacts): Finding[] {
  const out: Finding[] = [];
  const info = (ja: string, en: string) => out.push({ level: 'info', ja, en });
  if (facts.target === SCORM_12) {
    info('Moodle は SCORM 1.2 のプレーヤーで開きます。活動完了の条件は「合格（Passed）」にチェックを入れてください（この種の教材は completed を送らないことがあります）。',
      'Moodle plays it as SCORM 1.2; tick Passed in the activity completion conditions.');
    if (facts.masteryScore !== undefined)
      info(`マスタリスコア ${facts.masteryScore} があるため、Moodle の既定（熟達度がステータスをオーバーライドする（Mastery score overrides status）= Yes）では、セッションの終了ごとに状態が点数だけで passed（${facts.masteryScore} 点以上）／failed（未満）に書き換えられます。教材の状態どおりに記録するには「No」にしてください。`,
        `Mastery score ${facts.masteryScore}: with Moodle's default "Mastery score overrides status" = Yes, every LMSFinish rewrites the status to passed/failed from the score alone; set it to No to keep the course's own status.`);
    else info('マスタリスコアがないため、Moodle は状態を書き換えません。', 'No mastery score: Moodle leaves the status as the course sends it.');
  } else if (facts.target === SCORM_2004) {
    info('Moodle は SCORM 2004 のプレーヤーで開きます。活動完了の条件は「完了（Completed）」にチェックを入れてください。レポートの状態列は completion_status（完了／未完了）です。',
      'Moodle plays it as SCORM 2004; tick Completed in the activity completion conditions. Its reports show completion_status.');
    if (facts.minNormalizedMeasure !== undefined)
      info(`合格基準 ${facts.minNormalizedMeasure}（${Math.round(facts.minNormalizedMeasure * 100)} 点）は cmi.scaled_passing_score として教材に渡ります。Moodle 自身はこの値で合否を判定しません（合否は教材が success_status で送ります）。`,
        `Passing measure ${facts.minNormalizedMeasure} reaches the SCO as cmi.scaled_passing_score; Moodle does not judge success from it itself.`);
  }
  info('推奨設定: 評定方法 = 最高評点、最大評点 = 100、複数回受験時の評点（Attempts grading）= 最高評点（Highest attempt）、新しい受験を強制する = No、パッケージを表示する = 現在のウィンドウ（詳しくは docs/lms-guide.md）。',
    'Recommended: grading method Highest grade, maximum grade 100, attempts grading Highest attempt, Force new attempt No, display Current window (see docs/lms-guide.md).');
  if (facts.scoCount !== undefined && facts.scoCount > 1)
    info(`SCO が ${facts.scoCount} 個あります。Moodle では目次ページ（学生によるコンテンツ構造ページのスキップ（Student skip content structure page）= Never）を表示したままにしてください。`,
      `${facts.scoCount} SCOs: keep Moodle's content structure page.`);
  return out;
}

export async function checkPackage(zip: Buffer, zipBytes = zip.length): Promise<CheckResult> {
  const findings: Finding[] = [];
  const add = (level: Level, ja: string, en: string) => findings.push({ level, ja, en });
  const done = (facts: PackageFacts, entries: ZipListing[]): CheckResult => ({ findings, facts, entries, ok: !findings.some((f) => f.level === 'defect') });

  let entries: ZipListing[];
  try {
    entries = readZip(zip);
  } catch (e) {
    add('defect', `zip ファイルとして読めません（${e instanceof Error ? e.message : String(e)}）。`, `Not a readable zip: ${e instanceof Error ? e.message : String(e)}.`);
    return done({}, []);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  add('info', `大きさ: ${kb(zipBytes)}（展開後 ${kb(total)}、${entries.length} ファイル）。Moodle ではサイトの「最大アップロードサイズ」以下なら取り込めます。`,
    `Size: ${zipBytes.toLocaleString('en-US')} bytes (${total.toLocaleString('en-US')} unpacked, ${entries.length} files); Moodle takes it if within the site's maximum upload size.`);
  const unsafe = entries.filter((e) => e.name.startsWith('/') || e.name.split(/[\\/]/).includes('..'));
  for (const e of unsafe) add('defect', `パッケージの外を指すファイル名があります: ${e.name}`, `Entry name points outside the package: ${e.name}`);

  const manifestEntry = entries.find((e) => e.name === MANIFEST_FILE);
  if (!manifestEntry) {
    const nested = entries.find((e) => e.name.endsWith('/' + MANIFEST_FILE));
    add('defect',
      nested ? `imsmanifest.xml が zip の直下ではなく ${nested.name} にあります。フォルダごと圧縮せず、中身を直接 zip にしてください。` : 'imsmanifest.xml（マニフェスト）がありません。SCORM パッケージではないか、壊れています。',
      nested ? `imsmanifest.xml is at ${nested.name}, not at the zip's root; zip the folder's contents, not the folder.` : 'No imsmanifest.xml: not a SCORM package.');
    return done({}, entries);
  }
  const manifest = manifestEntry.data.toString('utf8');
  const schemaVersion = SCHEMA_VERSION.exec(manifest)?.[1];
  const target = schemaVersion !== undefined ? targetFor(schemaVersion) : undefined;
  if (!target) {
    add('defect', `マニフェストの規格（schemaversion）が「${schemaVersion ?? 'なし'}」で、SCORM 1.2 でも 2004 4th Edition でもありません。`,
      `<schemaversion> is "${schemaVersion ?? 'missing'}", neither 1.2 nor 2004 4th Edition.`);
    return done({}, entries);
  }
  add('ok', `規格: SCORM ${target.version === '1.2' ? '1.2' : '2004 4th Edition'}`, `Standard: SCORM ${target.schemaVersion}`);

  const schema = await schemaProblems(manifest, target);
  if (schema.length > 0) {
    add('defect', `マニフェストが SCORM ${target.version} の公式スキーマ（XSD）に合っていません。LMS が取り込みを拒否するか、誤って解釈します:\n${schema.map((p) => `    ${p.trim()}`).join('\n')}`,
      `The manifest is not valid against the official SCORM ${target.version} XSDs.`);
    return done({ target }, entries);
  }
  add('ok', `マニフェストは SCORM ${target.version} の公式スキーマ（XSD）に合っています。`, `The manifest is valid against the official SCORM ${target.version} XSDs.`);

  const facts = await readFacts(manifest, target);
  const structure = await structureProblems(manifest, target);
  // One SCO is this course's shape, not a rule: several are fine for Moodle.
  const oneSco = structure.find((p) => p.includes('exactly one resource'));
  for (const p of structure.filter((p) => p !== oneSco))
    add('defect', `識別子の参照が解決しません: ${p}`, `An identifier does not resolve: ${p}`);
  if (oneSco && !facts.scoCount) add('defect', 'SCO（adlcp:scormtype="sco" のリソース）が 1 つもありません。', 'No resource is a SCO.');
  if (structure.length === 0 || (structure.length === 1 && oneSco)) add('ok', '識別子の参照（項目 → リソース、既定の組織）はすべて解決します。', 'Every identifier reference resolves.');

  const names = entries.map((e) => e.name);
  const launchPath = facts.launch?.split(/[?#]/)[0];
  if (!launchPath) add('defect', '起動ファイル（SCO の href）が指定されていません。', 'The SCO names no launch file (href).');
  else if (!names.includes(launchPath)) add('defect', `起動ファイル ${launchPath} がパッケージにありません。受講者が開いても何も表示されません。`, `The launch file ${launchPath} is not in the package.`);
  else add('ok', `起動ファイル ${launchPath} があります。`, `Launch file ${launchPath} is present.`);
  for (const p of await missingFileProblems(manifest, names))
    if (!launchPath || !p.includes(`"${launchPath}"`)) add('defect', `マニフェストが指すファイルがありません: ${p}`, `A file the manifest names is missing: ${p}`);

  // This project's course says which API it speaks; it must be the manifest's.
  const launchHtml = launchPath ? entries.find((e) => e.name === launchPath)?.data.toString('utf8') : undefined;
  const spoken = launchHtml ? new RegExp(`<meta name="${SCORM_VERSION_META}" content="([^"]+)"`).exec(launchHtml)?.[1] : undefined;
  if (spoken && spoken !== target.version)
    add('defect', `教材は SCORM ${spoken} で LMS と通信しますが、マニフェストは SCORM ${target.version} です。記録が残りません。`, `The course speaks SCORM ${spoken} but the manifest is SCORM ${target.version}.`);

  add('info', `識別子: ${facts.identifier ?? '（なし）'}、版: ${facts.version ?? '（なし）'}、タイトル: ${facts.title ?? '（なし）'}`,
    `Identifier ${facts.identifier ?? '-'}, version ${facts.version ?? '-'}, title ${facts.title ?? '-'}`);
  if (target === SCORM_12)
    add('info', facts.masteryScore !== undefined ? `合格点（マスタリスコア）: ${facts.masteryScore}` : '合格点（マスタリスコア）: なし', `Mastery score: ${facts.masteryScore ?? 'none'}`);
  else
    add('info', facts.minNormalizedMeasure !== undefined ? `合格基準（minNormalizedMeasure）: ${facts.minNormalizedMeasure}（${Math.round(facts.minNormalizedMeasure * 100)} 点）` : '合格基準（minNormalizedMeasure）: なし',
      `Passing measure: ${facts.minNormalizedMeasure ?? 'none'}`);
  findings.push(...moodleFindings(facts));
  return done(facts, entries);
}

const MARK: Record<Level, string> = { ok: 'OK  ', info: '    ', defect: 'NG  ' };

export function formatCheck(file: string, result: CheckResult): string {
  const lines = [`${file}`];
  for (const f of result.findings) lines.push(`${MARK[f.level]}${f.ja}`, `      ${f.en}`);
  const defects = result.findings.filter((f) => f.level === 'defect').length;
  lines.push(
    result.ok
      ? '結果: 問題は見つかりませんでした。アップロードできます。\n      Result: no defect found; ready to upload.'
      : `結果: ${defects} 件の問題があります（NG の行）。直してからアップロードしてください。\n      Result: ${defects} defect(s); fix them before uploading.`,
  );
  return lines.join('\n');
}
