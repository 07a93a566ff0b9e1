/**
 * The top-level folder to strip from every path, or undefined.
 *
 * Windows Explorer's "发送到 → 压缩(zipped)文件夹" on the package folder produces
 * `XM-2026-YS-01/manifest.json`, `XM-2026-YS-01/XM2024-001/…`, and reviewers do exactly that, so a
 * package whose entries all sit under one folder holding `manifest.json`, with no `manifest.json`
 * at the root, is read as if that folder were the root. Only one level is stripped: a deeper
 * nesting is not something a tool produces by accident.
 */
export function commonRootToStrip(paths: readonly { path: string; kind: 'file' | 'directory' }[]): string | undefined {
  if (paths.some((p) => p.kind === 'file' && p.path === 'manifest.json')) return undefined;
  const first = paths[0];
  if (!first) return undefined;
  const root = `${first.path.split('/')[0] ?? ''}/`;
  const allInside = paths.every((p) => p.path.startsWith(root) || (p.kind === 'directory' && `${p.path}/` === root));
  const hasManifest = paths.some((p) => p.kind === 'file' && p.path === `${root}manifest.json`);
  return allInside && hasManifest ? root : undefined;
}
