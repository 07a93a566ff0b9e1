import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { createCore, type Core } from '@core/create-core';
import { createReviewerIdentity } from '@core/identity/reviewer-identity';
import { createReviewerStore } from '@core/identity/reviewer-store';
import { silentLogger } from '@core/logger';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

/** The report API the 报告 page calls: make (and sign), countersign a received report, verify a dropped file. */
const temp = makeTempDir();
const PASSPHRASE = 'chair passphrase 1';
let chair: Core;
let member: Core;
let batchId = '';
let projectId = '';

async function coreWithReviewer(folder: string, name: string): Promise<Core> {
  const core = createCore({ dataDir: path.join(temp.dir, folder), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  createReviewerStore(core.context.db).saveOwn(await createReviewerIdentity({ name, organization: '集美大学', field: '自动化', role: 'expert', passphrase: PASSPHRASE }));
  return core;
}

beforeAll(async () => {
  const sample = await generateSamplePackage({ projects: 2, invoices: 80, seed: 'report-api', pdfAttachments: false, outFile: path.join(temp.dir, 'p.zip') });
  batchId = sample.manifest.batch.id;
  projectId = sample.manifest.projects[0]?.id ?? '';
  chair = await coreWithReviewer('chair', '王建国');
  member = await coreWithReviewer('member', '欧阳明');
  await chair.api.importPackage({ path: path.join(temp.dir, 'p.zip') });
}, 120_000);

afterAll(() => {
  chair.close();
  member.close();
  temp.cleanup();
});

describe('report API', { timeout: 60_000 }, () => {
  it('makes a signed draft, which a panel member countersigns and anyone can verify', async () => {
    const made = await chair.api.makeReport({ batchId, projectId, kind: 'acceptance', final: false, passphrase: PASSPHRASE });
    expect(made.draft).toBe(true);
    expect(made.signed).toBe(true);
    expect(made.fileName).toContain('（草稿）');
    const first = await chair.api.verifyReport({ base64: made.base64 ?? '' });
    expect(first.signatures.map((s) => [s.signer, s.valid, s.coversWholeDocument])).toEqual([['王建国', true, true]]);
    const countersigned = await member.api.countersignReport({ base64: made.base64 ?? '', fileName: made.fileName, passphrase: PASSPHRASE });
    expect(countersigned.check.valid).toBe(true);
    expect(countersigned.check.signatures.map((s) => [s.signer, s.coversWholeDocument])).toEqual([
      ['王建国', false],
      ['欧阳明', true],
    ]);
  });

  it('refuses a wrong passphrase, --final on a draft, and countersigning an unsigned or altered file', async () => {
    await expect(chair.api.makeReport({ batchId, projectId, kind: 'acceptance', final: false, passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringContaining('口令不正确'),
    });
    await expect(chair.api.makeReport({ batchId, kind: 'summary', final: true })).rejects.toThrow(/不能作为正式报告/u);
    const unsigned = await chair.api.makeReport({ batchId, kind: 'summary', final: false });
    await expect(member.api.countersignReport({ base64: unsigned.base64 ?? '', fileName: 'a.pdf', passphrase: PASSPHRASE })).rejects.toThrow(/没有签名/u);
    const signed = await chair.api.makeReport({ batchId, kind: 'summary', final: false, passphrase: PASSPHRASE });
    const bytes = Buffer.from(signed.base64 ?? '', 'base64');
    const at = bytes.indexOf('/Title') + 2;
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    const altered = bytes.toString('base64');
    expect((await chair.api.verifyReport({ base64: altered })).valid).toBe(false);
    await expect(member.api.countersignReport({ base64: altered, fileName: 'a.pdf', passphrase: PASSPHRASE })).rejects.toThrow(/签名无效/u);
  });
});
