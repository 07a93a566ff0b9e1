/**
 * Why a library (yauzl, zlib, exceljs, pdf.js, the file system) could not read a file, in words a
 * reviewer reads. Their own messages are English and about their internals ("Invalid comment
 * length. Expected: 8024"); those go to the log at most, never into an error the user sees. An
 * unknown message falls back to the most useful general reason rather than leaking through.
 */
const REASONS: readonly (readonly [RegExp, string])[] = [
  [/ENOENT|no such file/iu, '找不到该文件，可能已被移动或删除'],
  [/EACCES|EPERM|permission denied/iu, '没有读取该文件的权限'],
  [/EISDIR|is a directory/iu, '所选的是文件夹，不是文件'],
  [/EBUSY|resource busy/iu, '文件正被其他程序占用'],
  [/multi-disk|disk number/iu, '是分卷压缩包，请合并为一个 ZIP 文件'],
  [/strong encryption|encrypted/iu, '文件已加密，请提供未加密的文件'],
  [/end of central directory|central directory|comment length|not a zip|zip file|eocd/iu, '文件末尾的 ZIP 目录记录缺失或不完整，文件可能已损坏或未下载完整'],
  [/unexpected (?:eof|end)|truncated|premature|too short|Z_BUF_ERROR|unexpected end of (?:file|data|input)/iu, '文件不完整，可能未下载或复制完整'],
  [/invalid (?:stored block|distance|code|block type|literal)|incorrect header check|Z_DATA_ERROR|inflate|zlib|crc/iu, '压缩数据已损坏'],
  [/local file header|invalid signature|bad signature|signature/iu, '文件头已损坏'],
  [/password|decrypt/iu, '文件已加密或口令不正确'],
  [/Invalid PDF|PDF header|xref|startxref|trailer/iu, 'PDF 结构已损坏，或不是 PDF 文件'],
  [/JSON|Unexpected token|unexpected character/iu, '内容不是有效的 JSON'],
];

export function libraryErrorReason(error: unknown, fallback = '文件结构已损坏，可能未下载完整或不是所需的文件类型'): string {
  const text = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : String(error);
  return REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? fallback;
}

/** 「申报材料包.zip」不是有效的 ZIP 文件（文件末尾的 ZIP 目录记录缺失或不完整，…） */
export function notReadableAs(fileName: string, expected: string, error: unknown): string {
  return `「${fileName}」不是有效的${expected}（${libraryErrorReason(error)}）`;
}
