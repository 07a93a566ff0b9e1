import CSSMatrix from '@thednp/dommatrix';

// pdf.js builds a DOMMatrix while its module loads. Node and the desktop app's core worker have none,
// and the packaged app does not ship pdf.js's optional native canvas (32 MB): reading an e-invoice's
// text and images never draws, so a pure-script DOMMatrix is all it needs. Imported before pdf.js.
const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= CSSMatrix;
