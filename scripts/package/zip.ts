// Writes a zip whose bytes depend only on the entries given: a fixed date and
// mode on every entry and the caller's order, so the same course gives the
// same package on any machine, in any time zone, on any day.
import { ZipArchive } from 'archiver';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** DOS timestamps are stored in UTC by archiver unless forceLocalTime is set. */
export const ZIP_ENTRY_DATE = new Date('2025-01-01T00:00:00Z');
export const ZIP_ENTRY_MODE = 0o644;
const DEFLATE_LEVEL = 9;

export async function deterministicZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const names = new Set<string>();
  for (const { name } of entries) {
    if (names.has(name)) throw new Error(`zip entry ${name} given twice`);
    names.add(name);
  }
  const zip = new ZipArchive({ zlib: { level: DEFLATE_LEVEL }, forceLocalTime: false });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  for (const { name, data } of entries) zip.append(data, { name, date: ZIP_ENTRY_DATE, mode: ZIP_ENTRY_MODE });
  await zip.finalize();
  await ended;
  return Buffer.concat(chunks);
}
