import { execFileSync } from 'node:child_process';

/** OpenSSL checks our files as an independent tool would; the checks are skipped where it is not installed. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}
