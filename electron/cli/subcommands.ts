import { AppError } from '../../shared/api/errors';
import type { CliCommand, CommandContext, CommandResult } from './command';

/** One verb of a command with several (`jigai scores consolidate`, later `record`, `export`, `import`). */
export interface CliSubcommand {
  name: string;
  summary: string;
  usage: string;
  options: CliCommand['options'];
  run(context: CommandContext): Promise<CommandResult>;
}

const COMMON = new Set(['data', 'json', 'help']);

/**
 * A command whose first positional names the subcommand. Options are declared per subcommand, so an
 * option another subcommand takes is refused instead of silently ignored; the remaining positionals
 * (e.g. a file to import) are passed on.
 */
export function commandWithSubcommands(name: string, summary: string, subcommands: readonly CliSubcommand[]): CliCommand {
  const names = subcommands.map((s) => s.name).join('、');
  return {
    name,
    summary,
    usage: subcommands.map((s) => `${s.usage}    ${s.summary}`).join('\n      '),
    options: Object.assign({}, ...subcommands.map((s) => s.options)) as CliCommand['options'],
    positionals: true,
    async run(context) {
      const [verb, ...rest] = context.positionals;
      if (verb === undefined) throw new AppError('BAD_INPUT', `请指定 jigai ${name} 的子命令（${names}）`);
      const subcommand = subcommands.find((s) => s.name === verb);
      if (!subcommand) throw new AppError('BAD_INPUT', `未知的子命令「jigai ${name} ${verb}」，可用的子命令：${names}`);
      const foreign = Object.keys(context.values).filter((option) => !COMMON.has(option) && !(option in subcommand.options));
      if (foreign.length > 0) {
        throw new AppError('BAD_INPUT', `选项 ${foreign.map((o) => `--${o}`).join('、')} 不适用于 jigai ${name} ${verb}\n用法：${subcommand.usage}`);
      }
      return subcommand.run({ ...context, positionals: rest });
    },
  };
}
