import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../shared/api/errors';
import { formatProblemLocation, type PackageProblem } from '../../shared/package/problem';
import { createCore, type Core } from '../core/create-core';
import { defaultDataDir } from '../core/default-data-dir';
import { APP_VERSION } from '../core/app-version';
import { fileLogger, logFileOf, silentLogger, teeLogger, type Logger } from '../core/logger';
import { isMachineErrorCode, machineError } from '../core/machine-errors';
import type { CliCommand, CliIo } from './command';
import { commands } from './commands';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliEnvironment {
  io: CliIo;
  resourcesDir: string;
  logger?: Logger;
}

const COMMON_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one CLI invocation and returns its exit code; never calls process.exit, so tests run it in-process. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const [name, ...rest] = argv;
  const wantsJson = rest.includes('--json');
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    env.io.stdout(generalHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === 'version') {
    env.io.stdout(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    return reportError(env.io, wantsJson, new AppError('BAD_INPUT', `未知命令「${name}」。运行 jigai help 查看全部命令。`));
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? translateParseError(error.message) : String(error);
    return reportError(env.io, wantsJson, new AppError('BAD_INPUT', `${reason}\n用法：${command.usage}`));
  }
  if (parsed.values.help === true) {
    env.io.stdout(commandHelp(command));
    return EXIT_OK;
  }

  const json = parsed.values.json === true;
  let core: Core | null = null;
  // Once a data folder is in use, what goes wrong is also written to its log file (logs/jigai.log).
  let logger: Logger = env.logger ?? silentLogger;
  const openCore = (dataDir?: string) => {
    const folder = dataDir ?? (typeof parsed.values.data === 'string' ? parsed.values.data : defaultDataDir());
    logger = teeLogger(env.logger ?? silentLogger, fileLogger(logFileOf(folder)));
    core ??= createCore({ dataDir: folder, resourcesDir: env.resourcesDir, logger });
    return core;
  };
  try {
    const result = await command.run({ values: parsed.values, positionals: parsed.positionals, openCore, json });
    env.io.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    logger.info(`命令「${command.name}」已完成`);
    return result.exitCode ?? EXIT_OK;
  } catch (error) {
    if (!isAppError(error)) logger.error(`命令「${command.name}」未能完成`, { error: error instanceof Error ? error.stack : String(error) });
    return reportError(env.io, json, error);
  } finally {
    (core as Core | null)?.close();
  }
}

function reportError(io: CliIo, json: boolean, error: unknown): number {
  const known = isAppError(error);
  const machine = known ? null : machineError(error);
  const body = known ? error.toBody() : (machine ?? { code: 'INTERNAL', message: `内部错误：${error instanceof Error ? error.message : String(error)}` });
  // Located problems (a rejected package) are listed in full: as `errors` in JSON, one per line otherwise.
  const located = known ? locatedProblems(error.details) : null;
  if (json) io.stdout(`${JSON.stringify(located ? { error: body, ...located } : { error: body }, null, 2)}\n`);
  else {
    io.stderr(`错误：${body.message}\n`);
    for (const problem of located?.errors ?? []) io.stderr(`  ${formatProblemLocation(problem)}：${problem.message}\n`);
  }
  // Bad input is the user's to fix (exit 2); the machine's trouble and internal failures are not.
  return known && !(error.code === 'INTERNAL' || error.code === 'CORE_RESTARTED' || isMachineErrorCode(error.code)) ? EXIT_BAD_INPUT : EXIT_INTERNAL;
}

function locatedProblems(details: unknown): { errors: PackageProblem[]; warnings: PackageProblem[] } | null {
  if (typeof details !== 'object' || details === null || !('errors' in details) || !Array.isArray(details.errors)) return null;
  const warnings = 'warnings' in details && Array.isArray(details.warnings) ? (details.warnings as PackageProblem[]) : [];
  return { errors: details.errors as PackageProblem[], warnings };
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知选项 ${unknown[1] ?? ''}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1] ?? ''} 缺少取值`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `多余的参数「${positional[1] ?? ''}」`;
  return `参数有误：${message}`;
}

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `技改评审 命令行工具 ${APP_VERSION}`,
    '',
    '用法：jigai <命令> [选项]',
    '',
    '命令：',
    ...lines,
    '',
    '通用选项：',
    '  --data 文件夹   数据文件夹（默认与桌面应用相同）',
    '  --json          以 JSON 输出结果（写到标准输出）',
    '  -h, --help      显示帮助',
    '',
    '退出码：0 成功；2 输入有误；1 内部错误。',
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return `${command.summary}\n\n用法：${command.usage}\n`;
}
