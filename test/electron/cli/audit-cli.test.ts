import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

async function jigai(...argv: string[]) {
  let stdout = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) }, resourcesDir: RESOURCES_DIR });
  return { code, json: JSON.parse(stdout) as Record<string, unknown> };
}

describe('jigai audit verify', () => {
  it('says the chain holds, and names the first entry changed behind the program’s back', async () => {
    const zip = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 1, invoices: 5, seed: 'audit-cli', outFile: zip });
    await jigai('import', zip, '--data', temp.dir, '--json');
    await jigai('import', zip, '--data', temp.dir, '--json');
    const holds = await jigai('audit', 'verify', '--data', temp.dir, '--json');
    expect(holds).toEqual({ code: EXIT_OK, json: { holds: true, entries: 2, firstBroken: null } });

    // Someone edits the database directly: the triggers are dropped and the first import's details changed.
    const db = new Database(path.join(temp.dir, 'jigai.sqlite'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = '{}' WHERE id = 1").run();
    db.close();
    const broken = await jigai('audit', 'verify', '--data', temp.dir, '--json');
    expect(broken.code).toBe(EXIT_BAD_INPUT);
    const error = broken.json.error as { code: string; message: string };
    expect(error.code).toBe('AUDIT_CHAIN_BROKEN');
    expect(error.message).toContain('第 1 条记录');
    expect(error.message).toContain('导入材料包');
  }, 60_000);
});
