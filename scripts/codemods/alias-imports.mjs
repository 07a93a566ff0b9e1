#!/usr/bin/env node
// node scripts/codemods/alias-imports.mjs [--check] [paths…]
//
// Rewrites every relative import that climbs three or more `../` levels into the path alias of its
// target (`../../../../shared/api/contract` → `@shared/api/contract`). Re-runnable: branches still
// landing bring deep imports back, so it is run again after the last merge; a second run changes nothing.
//
// The aliases a file may use are those of its layer: the `paths` of the tsconfig.json nearest to it,
// the same file esbuild, Vite and Vitest resolve it by. An import whose target no alias of its layer
// covers is left as it is and listed (e.g. renderer code climbing into electron/, which lint forbids).
// --check rewrites nothing and exits 1 when something would be rewritten.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'release', 'test-results', '.tmp', '.git']);
const SOURCE = /\.(ts|tsx|mts|cts)$/;
// A module specifier in every place one can stand: import/export … from, side-effect import,
// import(), require() and the Vitest module helpers. The specifier climbs at least three levels.
const DEEP_SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bvi\.(?:mock|doMock|unmock|doUnmock|importActual|importMock)\s*(?:<[^>]*>)?\(\s*)(['"])((?:\.\.\/){3,}[^'"]*)\2/g;

const args = process.argv.slice(2);
const check = args.includes('--check');
const roots = args.filter((a) => a !== '--check');

/** `{ alias prefix → absolute folder }` of a tsconfig's `paths` (only `x/*` → `dir/*` entries). */
const aliasCache = new Map();
function aliasesOf(tsconfigPath) {
  if (!aliasCache.has(tsconfigPath)) {
    // tsconfig.json allows comments; ours stand on lines of their own.
    const json = readFileSync(tsconfigPath, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const paths = JSON.parse(json).compilerOptions?.paths ?? {};
    const aliases = [];
    for (const [key, targets] of Object.entries(paths)) {
      const target = targets[0];
      if (!key.endsWith('/*') || !target?.endsWith('/*')) continue;
      aliases.push({ prefix: key.slice(0, -1), dir: path.resolve(path.dirname(tsconfigPath), target.slice(0, -1)) });
    }
    // The deepest folder wins (`@core/` before a broader alias holding it).
    aliases.sort((a, b) => b.dir.length - a.dir.length);
    aliasCache.set(tsconfigPath, aliases);
  }
  return aliasCache.get(tsconfigPath);
}

function nearestTsconfig(file) {
  for (let dir = path.dirname(file); dir.startsWith(ROOT); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dir === ROOT) break;
  }
  return null;
}

function* sourceFiles(entry) {
  const stat = statSync(entry);
  if (stat.isFile()) {
    if (SOURCE.test(entry)) yield entry;
    return;
  }
  for (const name of readdirSync(entry)) {
    if (SKIP_DIRS.has(name)) continue;
    yield* sourceFiles(path.join(entry, name));
  }
}

const rewrittenPerAlias = new Map();
const uncovered = [];
let filesChanged = 0;

for (const file of (roots.length ? roots.map((r) => path.resolve(r)) : [ROOT]).flatMap((r) => [...sourceFiles(r)])) {
  const tsconfig = nearestTsconfig(file);
  const aliases = tsconfig ? aliasesOf(tsconfig) : [];
  const before = readFileSync(file, 'utf8');
  const after = before.replace(DEEP_SPECIFIER, (whole, lead, quote, specifier) => {
    const target = path.resolve(path.dirname(file), specifier);
    const alias = aliases.find((a) => target.startsWith(a.dir + path.sep));
    if (!alias) {
      uncovered.push(`${path.relative(ROOT, file)}: ${specifier}`);
      return whole;
    }
    rewrittenPerAlias.set(alias.prefix, (rewrittenPerAlias.get(alias.prefix) ?? 0) + 1);
    const rest = path.relative(alias.dir, target).split(path.sep).join('/');
    return `${lead}${quote}${alias.prefix}${rest}${quote}`;
  });
  if (after !== before) {
    filesChanged++;
    if (!check) writeFileSync(file, after);
  }
}

const total = [...rewrittenPerAlias.values()].reduce((a, b) => a + b, 0);
const perAlias = [...rewrittenPerAlias].map(([prefix, n]) => `${prefix}* ${n}`).join(', ');
process.stdout.write(`${check ? 'would rewrite' : 'rewrote'} ${total} imports in ${filesChanged} files${total ? ` (${perAlias})` : ''}\n`);
if (uncovered.length) {
  process.stdout.write(`left relative, no alias of the file's layer covers the target (${uncovered.length}):\n  ${uncovered.join('\n  ')}\n`);
}
if (check && total > 0) process.exitCode = 1;
