import { Jimp } from 'jimp';

/**
 * A real JPEG photo whose EXIF says when it was taken (DateTimeOriginal, "2026:11:26 10:32:05"),
 * as a phone or camera writes it: an APP1 "Exif" segment right after the start-of-image marker.
 */
export async function jpegWithExifDate(dateTimeOriginal: string, options: { width?: number; height?: number; color?: number } = {}): Promise<Buffer> {
  const image = new Jimp({ width: options.width ?? 800, height: options.height ?? 600, color: options.color ?? 0x4a7a9cff });
  const jpeg = await image.getBuffer('image/jpeg');
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(dateTimeOriginal), jpeg.subarray(2)]);
}

function exifSegment(dateTimeOriginal: string): Buffer {
  if (!/^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/u.test(dateTimeOriginal)) throw new Error(`EXIF time must read YYYY:MM:DD HH:MM:SS, got ${dateTimeOriginal}`);
  // Little-endian TIFF: IFD0 at 8 holds the pointer to the Exif IFD at 26, which holds DateTimeOriginal at 44.
  const tiff = Buffer.alloc(64);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  writeIfd(tiff, 8, { tag: 0x8769, type: 4, count: 1, value: 26 });
  writeIfd(tiff, 26, { tag: 0x9003, type: 2, count: 20, value: 44 });
  tiff.write(`${dateTimeOriginal}\0`, 44, 'latin1');
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

function writeIfd(tiff: Buffer, at: number, entry: { tag: number; type: number; count: number; value: number }): void {
  tiff.writeUInt16LE(1, at);
  tiff.writeUInt16LE(entry.tag, at + 2);
  tiff.writeUInt16LE(entry.type, at + 4);
  tiff.writeUInt32LE(entry.count, at + 6);
  tiff.writeUInt32LE(entry.value, at + 10);
  tiff.writeUInt32LE(0, at + 14);
}
