// archiver 8 ships no types; this covers the part the packager uses.
declare module 'archiver' {
  import type { Transform } from 'node:stream';

  export interface ZipOptions {
    zlib?: { level?: number };
    forceLocalTime?: boolean;
  }

  export interface EntryData {
    name: string;
    date?: Date;
    mode?: number;
  }

  export class ZipArchive extends Transform {
    constructor(options?: ZipOptions);
    append(source: Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
  }
}
