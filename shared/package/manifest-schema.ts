import { z } from 'zod';
import { STAGES } from '../codes/codes';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: '应为 64 位小写十六进制的 SHA-256 值' });
const relativePath = z.string().min(1).max(400);

/** manifest.json of an application package, version 1 (PACKAGE.md). Unknown extra keys are tolerated. */
export const manifestSchema = z.object({
  format: z.literal('jigai-package', { message: 'format 应为 "jigai-package"' }),
  version: z.literal(1, { message: '本程序读取第 1 版材料包，version 应为 1' }),
  batch: z.object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    policy: z.string().min(1).max(100),
    stage: z.enum(STAGES, { message: 'stage 应为 application（立项评审）、midterm（中期评估）或 acceptance（竣工验收）' }),
    issuer: z.string().min(1).max(200),
    createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'createdAt 应为 YYYY-MM-DD 格式的日期' }),
  }),
  projects: z.array(z.object({ id: z.string().min(1).max(100), workbook: relativePath })).min(1, { message: '材料包中至少应有一个项目' }),
  files: z.record(relativePath, sha256),
});

export type Manifest = z.infer<typeof manifestSchema>;
