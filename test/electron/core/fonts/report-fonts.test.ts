import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { assertGlyphCoverage, missingGlyphs } from '@core/fonts/glyph-coverage';
import { locateReportFonts, openReportFonts } from '@core/fonts/report-fonts';
import { REPO_ROOT, makeTempDir } from '@test/support/temp-dir';

const REPORT_SENTENCE =
  '经专家组评审，厦门某某智能装备有限公司“智能化改造项目”核定投资额为 25,000,000.00 元（大写：贰仟伍佰万元整），' +
  '按《厦门市新型技术改造项目补助办法》第三条第（二）款核定补助 2,500,000.00 元；第 1 页 共 3 页。';

/** Where electron-builder.yml puts the two files under resources/fonts/ of the packaged app. */
const REGULAR = path.join('400Regular', 'NotoSansSC_400Regular.ttf');
const BOLD = path.join('700Bold', 'NotoSansSC_700Bold.ttf');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempResources(files: string[]): string {
  const { dir, cleanup } = makeTempDir('report-fonts-');
  cleanups.push(cleanup);
  const installed = locateReportFonts();
  for (const name of files) {
    const target = path.join(dir, 'fonts', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(name.includes('Bold') ? installed.bold : installed.regular, target);
  }
  return dir;
}

describe('report fonts', () => {
  it('finds Noto Sans SC Regular and Bold in the installed package when the resources folder has none', () => {
    const files = locateReportFonts(path.join(REPO_ROOT, 'resources'));
    expect(files.regular).toMatch(/@expo-google-fonts[\\/]noto-sans-sc[\\/]400Regular[\\/]NotoSansSC_400Regular\.ttf$/u);
    expect(files.bold).toMatch(/@expo-google-fonts[\\/]noto-sans-sc[\\/]700Bold[\\/]NotoSansSC_700Bold\.ttf$/u);
    const fonts = openReportFonts();
    expect([fonts.regular.postscriptName, fonts.regular.subfamilyName]).toEqual(['NotoSansSC-Regular', 'Regular']);
    expect([fonts.bold.postscriptName, fonts.bold.subfamilyName]).toEqual(['NotoSansSC-Bold', 'Bold']);
  });

  it('uses resources/fonts of the packaged app when both weights are there', () => {
    const resourcesDir = tempResources([REGULAR, BOLD]);
    expect(locateReportFonts(resourcesDir)).toEqual({
      regular: path.join(resourcesDir, 'fonts', REGULAR),
      bold: path.join(resourcesDir, 'fonts', BOLD),
    });
  });

  it('does not mix a lone shipped weight with the package: both come from one place', () => {
    const resourcesDir = tempResources([REGULAR]);
    const files = locateReportFonts(resourcesDir);
    expect(files.regular).not.toContain(resourcesDir);
    expect(files.bold).not.toContain(resourcesDir);
  });
});

describe('glyph coverage', () => {
  const { regular, bold } = openReportFonts();

  it('passes a typical report sentence in both weights', () => {
    expect(missingGlyphs(regular, REPORT_SENTENCE)).toEqual([]);
    expect(() => assertGlyphCoverage(bold, REPORT_SENTENCE, '验收报告')).not.toThrow();
  });

  it('fails naming a character outside the font (CJK extension B) and where it occurs', () => {
    expect(() => assertGlyphCoverage(regular, '申请单位：厦门𠀀科技有限公司', '项目事实')).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/^项目事实中的字符「𠀀」（U\+20000）在字体 Noto Sans SC 中没有字形/u) }),
    );
  });

  it('names an emoji once, however often it occurs, and ignores white space', () => {
    expect(missingGlyphs(regular, '评审意见：同意 😀😀\n\t通过　')).toEqual(['😀']);
    expect(() => assertGlyphCoverage(regular, '同意😀', '评审意见')).toThrow(/「😀」（U\+1F600）/u);
  });
});

describe('report fonts in a PDF', () => {
  it('pdfkit embeds both weights and pdftotext reads the Chinese back', async () => {
    const { regular, bold } = openReportFonts();
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    // pdfkit takes a fontkit font object as a source; its type declarations omit that case.
    doc
      .font(bold as unknown as PDFKit.Mixins.PDFFontSource)
      .fontSize(16)
      .text('专家组评审意见');
    doc
      .font(regular as unknown as PDFKit.Mixins.PDFFontSource)
      .fontSize(10)
      .text(REPORT_SENTENCE);
    doc.end();
    await ended;
    const pdf = Buffer.concat(chunks);
    expect(pdf.toString('latin1')).toMatch(/\+NotoSansSC-Bold/u);
    expect(pdf.toString('latin1')).toMatch(/\+NotoSansSC-Regular/u);
    const { dir, cleanup } = makeTempDir('report-fonts-pdf-');
    cleanups.push(cleanup);
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
    expect(text).toContain('专家组评审意见');
    expect(text).toContain('核定补助2,500,000.00元');
  });
});
