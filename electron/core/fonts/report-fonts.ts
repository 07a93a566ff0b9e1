import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openSync, type Font } from 'fontkit';

/**
 * The one font every generated PDF uses: Noto Sans SC (SIL OFL 1.1), Regular and Bold, the same on
 * every OS. Never a system font: what a document looks like, and whether it can be made at all,
 * must not depend on the machine. The packaged app carries the two files in `resources/fonts/`
 * (electron-builder copies them there from the npm package, see electron-builder.yml); development,
 * the CLI and the tests read them from the installed package `@expo-google-fonts/noto-sans-sc`.
 */

export type ReportFontWeight = 'regular' | 'bold';

const REPORT_FONT_FAMILY = 'Noto Sans SC';

/**
 * The static TTFs of weights 400 and 700, at the same relative paths inside the npm package and
 * inside `resources/fonts/` of the packaged app (electron-builder copies them with their folders).
 */
const FONT_FILES: Record<ReportFontWeight, string> = {
  regular: path.join('400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: path.join('700Bold', 'NotoSansSC_700Bold.ttf'),
};

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

function installedPackageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return undefined;
  }
}

/**
 * Paths of the Regular and Bold files: from `<resourcesDir>/fonts/` when both are there, else from
 * the installed package. Throws a Chinese error naming every place looked at when neither has them.
 */
export function locateReportFonts(resourcesDir?: string): Record<ReportFontWeight, string> {
  const folders = [resourcesDir === undefined ? undefined : path.join(resourcesDir, 'fonts'), installedPackageDir()].filter((dir): dir is string => dir !== undefined);
  const places = folders.map((dir) => ({ regular: path.join(dir, FONT_FILES.regular), bold: path.join(dir, FONT_FILES.bold) }));
  const found = places.find((files) => fs.existsSync(files.regular) && fs.existsSync(files.bold));
  if (found) return found;
  const looked = places.flatMap((files) => [files.regular, files.bold]);
  throw new Error(`找不到报告字体 ${REPORT_FONT_FAMILY}（常规、粗体）。已查找：${looked.length > 0 ? looked.join('；') : `未安装 ${FONT_PACKAGE}`}。请重新安装本程序。`);
}

/** Parsed fonts by file: a font is parsed once per process, not once per document. */
const opened = new Map<string, Font>();

function openFont(file: string): Font {
  const cached = opened.get(file);
  if (cached) return cached;
  const font = openSync(file);
  if ('fonts' in font) throw new Error(`报告字体文件 ${file} 是字体集合，应为单一字体`);
  opened.set(file, font);
  return font;
}

/**
 * The parsed Regular and Bold fonts. pdfkit takes these objects as a font source directly
 * (`doc.font(font)`), so a document embeds a subset without parsing the 10 MB file again.
 */
export function openReportFonts(resourcesDir?: string): Record<ReportFontWeight, Font> {
  const files = locateReportFonts(resourcesDir);
  return { regular: openFont(files.regular), bold: openFont(files.bold) };
}
