import { findInstallRoot, resourcesDirOf } from '../core/install-paths';
import { stderrLogger } from '../core/logger';
import { runCli } from './run-cli';

const exitCode = await runCli(process.argv.slice(2), {
  io: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  resourcesDir: resourcesDirOf(findInstallRoot(import.meta.url)),
  logger: process.env.JIGAI_DEBUG ? stderrLogger() : undefined,
});
process.exitCode = exitCode;
