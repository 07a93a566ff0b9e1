import { bytesOfBase64, downloadBlob } from '../../api/download-blob';
import { isDesktop } from '../../api/window-api';

/** Bytes of a base64 string (a file handed back by the core in browser mode). */
export const bytesOf = bytesOfBase64;

/** Offers a made file to the browser's download. */
export function downloadPdf(base64: string, fileName: string): void {
  downloadBlob(new Blob([bytesOf(base64)], { type: 'application/pdf' }), fileName);
}

/** Where to save a PDF on the desktop (null: cancelled); undefined in browser mode, where the file is downloaded instead. */
export async function chooseSavePath(title: string, defaultName: string): Promise<string | null | undefined> {
  if (!isDesktop() || !window.desktop) return undefined;
  return window.desktop.saveFile({ title, defaultName, extensions: ['pdf'] });
}

/** A dropped or picked file as base64, for the core to read. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
