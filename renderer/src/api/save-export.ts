import { bytesOfBase64, downloadBlob } from './download-blob';
import { isDesktop } from './window-api';

export interface ExportedFile {
  readonly fileName: string;
  readonly base64: string | null;
}

/**
 * Where an export goes: in the desktop app the user picks the place in a save dialog and the core
 * writes there; in browser mode the core answers the bytes and the browser downloads them. Answers
 * where it went (a path, or the file name downloaded), or null when the user cancelled the dialog.
 */
export async function saveExport(
  options: { title: string; defaultName: string; extension: string; mediaType: string },
  produce: (path: string | undefined) => Promise<ExportedFile>,
): Promise<string | null> {
  if (isDesktop() && window.desktop) {
    const path = await window.desktop.saveFile({ title: options.title, defaultName: options.defaultName, extensions: [options.extension] });
    if (!path) return null;
    await produce(path);
    return path;
  }
  const result = await produce(undefined);
  downloadBlob(new Blob([bytesOfBase64(result.base64 ?? '')], { type: options.mediaType }), result.fileName);
  return result.fileName;
}
