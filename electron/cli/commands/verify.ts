import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { findingLine } from '@shared/codes/labels';
import type { CliCommand } from '../command';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: '离线核验发票：列出每张发票的核验发现、核定投资额和奖补金额',
  usage: 'jigai verify --package 材料包.zip [--data 数据文件夹] [--json]\n      jigai verify --batch 批次编号 --data 数据文件夹 [--json]',
  options: { package: { type: 'string' }, batch: { type: 'string' } },
  async run({ values, openCore }) {
    const packageFile = typeof values.package === 'string' ? values.package : undefined;
    const batchOption = typeof values.batch === 'string' ? values.batch : undefined;
    if ((packageFile === undefined) === (batchOption === undefined)) {
      throw new AppError('BAD_INPUT', '请给出 --package 材料包 或 --batch 批次编号 二者之一');
    }
    // Without --data, a package is verified in a temporary folder that is removed afterwards.
    const temporary = packageFile !== undefined && typeof values.data !== 'string' ? fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-verify-')) : undefined;
    try {
      const core = openCore(temporary);
      const batchId = packageFile !== undefined ? (await core.api.importPackage({ path: path.resolve(packageFile) })).batch.id : (batchOption as string);
      const result = await core.api.verifyBatch({ batchId });
      const lines = result.projects.flatMap((p) => {
        const flagged = p.invoices.filter((i) => i.findings.length > 0);
        const flaggedPayments = p.payments.filter((r) => r.findings.length > 0);
        return [
          `项目 ${p.id}：申报发票金额 ${p.claimed} 元，核定投资额 ${p.verifiedInvestment} 元，${p.awardBasis === 'planned' ? '预期奖补（按计划总投资测算）' : '奖补'}${p.awardIsCeiling ? '上限' : ''} ${p.award ?? '无法测算'}${p.award === null ? '' : ' 元'}${p.dueAtStage === null ? '' : `，本阶段拨付 ${p.dueAtStage} 元`}`,
          ...p.corrections.map(
            (c) =>
              `  更正 ${c.target === 'invoice' ? `发票 ${c.targetKey}` : `合同 ${c.targetKey}`} ${c.fieldLabel}：${c.oldValue} → ${c.newValue}（${c.reason}${c.evidence === '' ? '' : `；${c.evidence}`}）`,
          ),
          ...(p.findings ?? []).map((f) => `  项目 ${findingLine(f)}`),
          ...flagged.slice(0, 100).flatMap((i) => i.findings.map((f) => `  发票 ${i.key} ${findingLine(f)}`)),
          ...(flagged.length > 100 ? [`  ……其余 ${String(flagged.length - 100)} 张有发现的发票请用 --json 查看`] : []),
          ...flaggedPayments.slice(0, 100).flatMap((p) => p.findings.map((f) => `  付款凭证 ${p.voucher}（第 ${String(p.rowNo)} 行）${findingLine(f)}`)),
          ...(flaggedPayments.length > 100 ? [`  ……其余 ${String(flaggedPayments.length - 100)} 笔有发现的付款请用 --json 查看`] : []),
        ];
      });
      return { json: result, text: lines.join('\n') };
    } finally {
      if (temporary) setImmediate(() => fs.rmSync(temporary, { recursive: true, force: true }));
    }
  },
};
