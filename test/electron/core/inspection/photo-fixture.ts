import { Jimp } from 'jimp';

/**
 * Photos for the tests, made on the fly (no personal data, nothing committed): a JPEG of a plain
 * gradient with an EXIF block carrying DateTimeOriginal, built byte by byte as a camera writes it
 * (APP1 "Exif", a little-endian TIFF header, IFD0 pointing to the Exif IFD, tag 0x9003 ASCII).
 */
export async function jpegPhoto(width: number, height: number): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0x336699ff });
  for (let x = 0; x < width; x += 3) {
    for (let y = 0; y < height; y += 3) image.setPixelColor(((Math.floor((x * 255) / width) << 24) | (Math.floor((y * 255) / height) << 16) | 0x80ff) >>> 0, x, y);
  }
  return image.getBuffer('image/jpeg', { quality: 90 });
}

export async function pngPhoto(width: number, height: number): Promise<Buffer> {
  return new Jimp({ width, height, color: 0x88aa22ff }).getBuffer('image/png');
}

/** The JPEG with an EXIF APP1 segment right after its start marker. */
export function withExifDateTimeOriginal(jpeg: Buffer, dateTime: string): Buffer {
  const text = Buffer.from(`${dateTime}\0`, 'ascii'); // "2026:11:26 10:32:05" + NUL = 20 bytes
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + text.length);
  let at = 0;
  const u16 = (v: number) => {
    tiff.writeUInt16LE(v, at);
    at += 2;
  };
  const u32 = (v: number) => {
    tiff.writeUInt32LE(v, at);
    at += 4;
  };
  tiff.write('II', 0, 'ascii');
  at = 2;
  u16(42);
  u32(8); // IFD0 at 8
  const exifIfd = 8 + 2 + 12 + 4;
  u16(1); // IFD0: one entry, ExifIFDPointer
  u16(0x8769);
  u16(4); // LONG
  u32(1);
  u32(exifIfd);
  u32(0); // no next IFD
  const textAt = exifIfd + 2 + 12 + 4;
  u16(1); // Exif IFD: DateTimeOriginal
  u16(0x9003);
  u16(2); // ASCII
  u32(text.length);
  u32(textAt);
  u32(0);
  text.copy(tiff, textAt);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}
