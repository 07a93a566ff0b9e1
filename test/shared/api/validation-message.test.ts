import { describe, expect, it } from 'vitest';
import { describeIssues, safeParseInChinese } from '@shared/api/validation-message';
import { verificationContract } from '@shared/api/verification-contract';
import { batchesContract } from '@shared/api/batches-contract';

function problems(schema: Parameters<typeof safeParseInChinese>[0], input: unknown): string[] {
  const parsed = safeParseInChinese(schema, input);
  return parsed.success ? [] : describeIssues(parsed.error.issues);
}

describe('API input messages', () => {
  it("keep a schema's own message and say where", () => {
    const found = problems(verificationContract.decideInvoices.input, { batchId: 'B', projectId: 'P', rowNos: [], kind: 'accept' });
    expect(found).toEqual(['rowNos：请至少选择一张发票']);
  });

  it('speak Chinese where the schema has no message of its own, naming the field path', () => {
    const found = problems(verificationContract.decideInvoices.input, { batchId: 'B', projectId: 'P', rowNos: [1], kind: 'approve', extra: 1 });
    expect(found).toContain('(整体)：包含未知字段 extra');
    expect(found).toContain('kind：无效选项：期望以下之一 "accept"|"reduce"|"reject"|"clear"');
    expect(problems(batchesContract.getProject.input, { batchId: 5, projectId: 'P' })).toEqual(['batchId：无效输入：期望 string，实际接收 数字']);
  });
});
