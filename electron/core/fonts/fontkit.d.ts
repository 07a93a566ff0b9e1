// fontkit (the font engine pdfkit is built on) ships no type declarations; these are the parts of
// its public API the report fonts use (https://github.com/foliojs/fontkit#api). Listed in the
// electron/core and test tsconfigs, so every program that reaches the report fonts sees it.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly subfamilyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }

  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: Font[];
  }

  export function openSync(filename: string, postscriptName?: string): Font | FontCollection;
}
