import path from 'node:path';
import type { InspectionLine } from '@shared/api/inspection-contract';
import { generateSamplePackage } from '@cli/sample';
import { createTestCore } from '@test/support/test-core';
import { createTestReviewer } from '@test/support/reviewer';
import { makeTempDir } from '@test/support/temp-dir';

/**
 * A realistic project to inspect: a generated acceptance package (contracts, invoices with 数电 XML
 * and PDF e-invoices, 绩效指标) imported into a test core whose own reviewer is an expert.
 */
export async function inspectionProject(seed: string) {
  const temp = makeTempDir();
  const core = createTestCore();
  await createTestReviewer(core);
  const file = path.join(temp.dir, 'package.zip');
  await generateSamplePackage({ projects: 1, invoices: 40, seed, batchId: `XM-INSPECT-${seed}`, outFile: file });
  const { batch } = await core.api.importPackage({ path: file });
  const [project] = await core.api.listProjects({ batchId: batch.id });
  if (!project) throw new Error('样例材料包中没有项目');
  const ref = { batchId: batch.id, projectId: project.id };
  return {
    core,
    ref,
    work: temp.dir,
    close: () => {
      core.cleanup();
      temp.cleanup();
    },
  };
}

/** A line whose invoices carry no finding yet and whose quantity and unit price the e-invoice lines give. */
export function countedLine(lines: readonly InspectionLine[], clean: (rowNo: number) => boolean): InspectionLine {
  const line = lines.find((l) => l.quantity !== null && Number(l.quantity) >= 2 && l.unitPrice !== null && l.invoices.every((i) => clean(i.rowNo ?? 0)));
  if (!line) throw new Error('样例中没有按数量和单价开票、且发票无核验发现的设备');
  return line;
}
