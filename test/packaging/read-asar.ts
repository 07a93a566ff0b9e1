import { createRequire } from 'node:module';
import type { AsarEntry } from './inspect-package';

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  link?: string;
}

const asar = createRequire(import.meta.url)('@electron/asar') as { getRawHeader(archive: string): { header: HeaderNode } };

/** Every file recorded in an asar archive's header (including those stored in app.asar.unpacked). */
export function listAsar(archive: string): AsarEntry[] {
  const entries: AsarEntry[] = [];
  const walk = (node: HeaderNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const relative = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, relative);
      else entries.push({ path: relative, size: child.size ?? 0 });
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}
