import { createRequire } from 'node:module';
import { EXPECTED_FUSES } from './package-rules';

interface FusesModule {
  getCurrentFuseWire(executable: string): Promise<Record<string, string | number>>;
  FuseV1Options: Record<string, number>;
}

/** States on the wire (@electron/fuses FuseState): the characters '1' and '0'. */
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

// The library electron-builder itself flips the fuses with.
const fuses = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))('@electron/fuses') as FusesModule;

/** One line per fuse of the packaged executable that is not as electron-builder.yml asks. */
export async function fuseDeviations(executable: string): Promise<string[]> {
  const wire = await fuses.getCurrentFuseWire(executable);
  const deviations: string[] = [];
  for (const [name, wanted] of Object.entries(EXPECTED_FUSES)) {
    const index = fuses.FuseV1Options[name];
    const state = index === undefined ? undefined : wire[index];
    const expected = wanted ? ENABLED : DISABLED;
    if (state !== expected) deviations.push(`保险丝 ${name} 应为${wanted ? '开' : '关'}，实际为 ${String(state)}`);
  }
  return deviations;
}
