import { AppError } from '@shared/api/errors';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const verify: CliSubcommand = {
  name: 'verify',
  summary: '核验操作记录的哈希链是否完整；不完整时指出第一条被改动的记录',
  usage: 'jigai audit verify [--data 目录] [--json]',
  options: {},
  async run({ openCore }) {
    const status = await openCore().api.getAuditChainStatus({});
    if (status.firstBroken) {
      const b = status.firstBroken;
      throw new AppError(
        'AUDIT_CHAIN_BROKEN',
        `操作记录不完整：第 ${String(b.id)} 条记录（${b.at}，${b.actionLabel}）${b.reason === 'altered' ? '内容被改动' : '与前一条记录接不上（其前有记录被删除或插入）'}。${b.message}`,
        {
          firstBroken: b,
        },
      );
    }
    return { json: status, text: `操作记录完整：共 ${String(status.entries)} 条，哈希链无断裂` };
  },
};

export const auditCommand = commandWithSubcommands('audit', '操作记录：核验操作记录是否被改动', [verify]);
