import type { EInvoiceData, VProject } from './types';

/**
 * Finds the file a 附件 cell names. Cells name files under the project's 附件/
 * folder; people write them with or without that folder, with either slash,
 * and in another letter case than the file system (Windows does not mind).
 */
export interface ResolvedAttachment {
  /** As written in the cell. */
  readonly written: string;
  /** The file's name in the package, when present. */
  readonly fileName: string | undefined;
  readonly einvoice: EInvoiceData | undefined;
}

export type AttachmentResolver = (written: string) => ResolvedAttachment;

function fold(name: string): string {
  return name
    .trim()
    .replace(/\\/gu, '/')
    .replace(/^(?:\.\/)?(?:附件\/)?/u, '')
    .toLowerCase();
}

/** Splits a cell that lists several files (`a.pdf; b.xml`) — the reader may pass either form. */
export function attachmentList(names: readonly string[] | undefined): string[] {
  if (!names) return [];
  return names
    .flatMap((n) => n.split(/[;；]/u))
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** Whether a row's 附件 cell names the stored file `path` (folded as the resolver folds). */
export function namesAttachment(cell: readonly string[] | undefined, path: string): boolean {
  const target = fold(path);
  return attachmentList(cell).some((written) => fold(written) === target);
}

export function createAttachmentResolver(project: VProject): AttachmentResolver {
  let folded: Map<string, string> | undefined;
  return (written) => {
    const exact = written.trim();
    let fileName: string | undefined;
    if (project.attachmentNames.has(exact)) fileName = exact;
    else {
      if (folded === undefined) {
        folded = new Map();
        for (const name of project.attachmentNames) folded.set(fold(name), name);
        for (const name of project.einvoices.keys()) if (!folded.has(fold(name))) folded.set(fold(name), name);
      }
      fileName = folded.get(fold(exact));
    }
    const einvoice = project.einvoices.get(exact) ?? (fileName === undefined ? undefined : project.einvoices.get(fileName));
    return { written: exact, fileName: fileName !== undefined && project.attachmentNames.has(fileName) ? fileName : undefined, einvoice };
  };
}
