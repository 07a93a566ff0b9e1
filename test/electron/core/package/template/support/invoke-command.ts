import { parseArgs } from 'node:util';
import type { CliCommand } from '@cli/command';
import { isAppError } from '@shared/api/errors';

/**
 * Runs one CLI command the way run-cli does (same option parsing, BAD_INPUT → exit 2), without
 * loading the rest of the CLI: these commands never open the core.
 */
export async function invokeCommand(command: CliCommand, argv: readonly string[]) {
  const parsed = parseArgs({
    args: [...argv],
    options: { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...command.options },
    allowPositionals: command.positionals ?? false,
    strict: true,
  });
  try {
    const result = await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      openCore: () => {
        throw new Error(`${command.name} must not open the core`);
      },
      json: parsed.values.json === true,
    });
    return { code: 0, result, error: undefined };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code === 'BAD_INPUT' ? 2 : 1, result: undefined, error };
  }
}
