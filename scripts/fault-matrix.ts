// Prints the fault matrix of the README from the rows tests/e2e/fault-matrix.spec.ts
// wrote (reports/fault-matrix/*.json): one line per case, 1.2 and 2004 side by side.
//   npx playwright test tests/e2e/fault-matrix.spec.ts && npx tsx scripts/fault-matrix.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  name: string;
  v: '1.2' | '2004';
  lost: number;
  lowered: number;
  overwritten: number;
}

const dir = 'reports/fault-matrix';
const rows: Row[] = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Row) : [];
if (rows.length === 0) {
  console.error(`no rows in ${dir}: run npx playwright test tests/e2e/fault-matrix.spec.ts first`);
  process.exit(1);
}
const cell = (r: Row | undefined) => (r ? `${r.lost} / ${r.lowered} / ${r.overwritten}` : 'not run');
console.log('| case | SCORM 1.2 | SCORM 2004 |');
console.log('|---|:-:|:-:|');
for (const name of [...new Set(rows.map((r) => r.name))]) {
  const of = (v: string) => rows.find((r) => r.name === name && r.v === v);
  console.log(`| ${name} | ${cell(of('1.2'))} | ${cell(of('2004'))} |`);
}
console.log('\nEach cell: answers lost / status, score or objective written lower / interaction or objective id written over.');
