import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../core/create-core';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandContext {
  /** Parsed option values (strings and booleans as declared). */
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Opens the core on --data (or the desktop app's folder, or `dataDir` when given); closed by the runner. */
  openCore: (dataDir?: string) => Core;
  json: boolean;
}

export interface CommandResult {
  /** Written to stdout with --json. */
  json: unknown;
  /** Written to stdout otherwise: Chinese, for people. */
  text: string;
  /** Exit code when not 0: a check that ran but failed (e.g. `jigai report verify` on a broken signature). */
  exitCode?: number;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  run(context: CommandContext): Promise<CommandResult>;
}
