import crypto from 'node:crypto';
import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';
import png from '@jimp/js-png';
import * as resize from '@jimp/plugin-resize';
import exifr from 'exifr';
import { AppError } from '@shared/api/errors';

/*
 * Photos taken on site: checked to be images, hashed, their capture time read from EXIF and a small
 * JPEG made for the pages and the report. The original bytes are never decoded into what is stored —
 * the file kept is exactly the file given, so its SHA-256 proves it unaltered.
 *
 * Jimp from its modules rather than the `jimp` package: the two decoders and the resize plugin are
 * all this needs, and the package would pull in every format and plugin (fonts included).
 */
const Jimp = createJimp({ formats: [jpeg, png], plugins: [resize.methods] });

/** The long side of the downscaled copy: sharp enough for a report's thumbnail, small enough to embed hundreds. */
export const THUMBNAIL_LONG_SIDE = 640;
const THUMBNAIL_QUALITY = 80;

export type PhotoMime = 'image/jpeg' | 'image/png';

export interface ProcessedPhoto {
  sha256: string;
  mime: PhotoMime;
  width: number;
  height: number;
  /** EXIF DateTimeOriginal (else CreateDate / DateTime) as local time "2026-11-26T10:32:05"; null when absent. */
  takenAt: string | null;
  thumbnail: Buffer;
  thumbnailSha256: string;
}

export const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** By the file's first bytes, never its name: a renamed document is not a photo. */
function mimeOf(bytes: Buffer): PhotoMime | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return undefined;
}

/** EXIF writes "2026:11:26 10:32:05" in the camera's local time, without a zone: kept as local time. */
export function exifLocalTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/u.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  if (y === '0000') return null; // cameras without a set clock write zeros
  return `${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h ?? ''}:${mi ?? ''}:${s ?? ''}`;
}

async function readTakenAt(bytes: Buffer): Promise<string | null> {
  try {
    // Raw values: exifr would otherwise turn the local time into a Date in this computer's zone.
    const tags = (await exifr.parse(bytes, { pick: ['DateTimeOriginal', 'CreateDate', 'ModifyDate'], reviveValues: false })) as Record<string, unknown> | undefined;
    return exifLocalTime(tags?.DateTimeOriginal) ?? exifLocalTime(tags?.CreateDate) ?? exifLocalTime(tags?.ModifyDate);
  } catch {
    // A damaged EXIF block leaves the photo without a capture time; the photo itself is still good.
    return null;
  }
}

/** Checks and describes a photo; refuses anything that is not a readable JPEG or PNG, in Chinese. */
export async function processPhoto(fileName: string, bytes: Buffer): Promise<ProcessedPhoto> {
  const mime = mimeOf(bytes);
  if (!mime) throw new AppError('BAD_INPUT', `「${fileName}」不是照片：只能添加 JPEG 或 PNG 格式的图片`);
  let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>;
  try {
    image = await Jimp.fromBuffer(bytes);
  } catch {
    throw new AppError('BAD_INPUT', `照片「${fileName}」已损坏或无法读取，请重新拍摄或选择原始照片文件`);
  }
  const { width, height } = image;
  if (Math.max(width, height) > THUMBNAIL_LONG_SIDE) image.scaleToFit({ w: THUMBNAIL_LONG_SIDE, h: THUMBNAIL_LONG_SIDE });
  const thumbnail = await image.getBuffer('image/jpeg', { quality: THUMBNAIL_QUALITY });
  return { sha256: sha256Of(bytes), mime, width, height, takenAt: await readTakenAt(bytes), thumbnail, thumbnailSha256: sha256Of(thumbnail) };
}
