import { Readable } from 'node:stream';

/*
 * A ZIP archive of files kept as they are (method 0, "stored"): the certificates are PDFs, already
 * compressed, so deflating them again would cost CPU for nothing. Written as a stream, one file read at a
 * time (a few hundred kilobytes in memory at most), with its CRC-32 and sizes in the local header; the
 * central directory at the end. Names are UTF-8 (flag bit 11). No ZIP64: under 65,535 files and 4 GB.
 */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date of an instant (UTC), as ZIP headers keep them. */
function dos(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export interface ZipEntry {
  name: string;
  at: Date;
  read: () => Promise<Buffer>;
}

/** The archive of the entries, read one after the other as the stream is consumed. */
export function storedZip(entries: ZipEntry[]): Readable {
  return Readable.from(
    (async function* () {
      const central: Buffer[] = [];
      let offset = 0;
      for (const e of entries) {
        const data = await e.read();
        const name = Buffer.from(e.name, 'utf8');
        const crc = crc32(data);
        const { time, date } = dos(e.at);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(0, 8); // stored
        local.writeUInt16LE(time, 10);
        local.writeUInt16LE(date, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(data.length, 18);
        local.writeUInt32LE(data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        const head = Buffer.alloc(46);
        head.writeUInt32LE(0x02014b50, 0);
        head.writeUInt16LE(20, 4); // made by
        head.writeUInt16LE(20, 6);
        head.writeUInt16LE(0x0800, 8);
        head.writeUInt16LE(0, 10);
        head.writeUInt16LE(time, 12);
        head.writeUInt16LE(date, 14);
        head.writeUInt32LE(crc, 16);
        head.writeUInt32LE(data.length, 20);
        head.writeUInt32LE(data.length, 24);
        head.writeUInt16LE(name.length, 28);
        head.writeUInt32LE(offset, 42);
        central.push(head, name);
        yield Buffer.concat([local, name, data]);
        offset += local.length + name.length + data.length;
      }
      const dir = Buffer.concat(central);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(dir.length, 12);
      end.writeUInt32LE(offset, 16);
      yield Buffer.concat([dir, end]);
    })(),
  );
}
