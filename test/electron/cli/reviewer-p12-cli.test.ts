import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

/**
 * An organisation's PKCS#12 replaces the self-made certificate for signing reports: files made by
 * OpenSSL here (Chinese subject, Chinese file passphrase), in today's form (PBES2/AES) and the older
 * one many authorities still issue (3DES, SHA-1 MAC). poppler's pdfsig validates the signature and
 * names the Chinese signer.
 */

const temp = makeTempDir();
const file = (name: string) => path.join(temp.dir, name);
const PASSPHRASE = 'reviewer-passphrase';
const FILE_PASSPHRASE = '单位证书口令2026';
let batchId = '';
let projectId = '';

async function jigai(env: Record<string, string>, ...argv: string[]) {
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli([...argv, '--json'], { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
  }
}

const own = { JIGAI_PASSPHRASE: PASSPHRASE };
const both = { ...own, JIGAI_P12_PASSPHRASE: FILE_PASSPHRASE };

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: temp.dir, stdio: 'pipe' });
}

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'org.key', '-out', 'org.crt', '-days', '30', '-utf8', '-subj', '/CN=王建国/O=厦门市工业和信息化局');
  openssl('pkcs12', '-export', '-inkey', 'org.key', '-in', 'org.crt', '-out', 'modern.p12', '-passout', `pass:${FILE_PASSPHRASE}`);
  openssl(
    'pkcs12',
    '-export',
    '-inkey',
    'org.key',
    '-in',
    'org.crt',
    '-out',
    'legacy.pfx',
    '-passout',
    `pass:${FILE_PASSPHRASE}`,
    '-certpbe',
    'PBE-SHA1-3DES',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
  );
  const sample = await generateSamplePackage({ projects: 1, invoices: 6, seed: 'p12', outFile: file('p.zip'), stage: 'acceptance', policy: 'xiamen-2024', defects: [] });
  batchId = sample.manifest.batch.id;
  projectId = sample.manifest.projects[0]?.id ?? '';
  expect((await jigai({}, 'import', file('p.zip'), '--data', file('data'))).code).toBe(EXIT_OK);
  expect((await jigai(own, 'reviewer', 'create', '--name', '陈组长', '--org', '厦门大学', '--role', 'chair', '--data', file('data'))).code).toBe(EXIT_OK);
}, 120_000);

afterAll(() => temp.cleanup());

describe('jigai reviewer import-p12', { timeout: 60_000 }, () => {
  it('refuses a wrong file passphrase, a wrong reviewer passphrase and a file that is not PKCS#12, storing nothing', async () => {
    const wrongFile = await jigai({ ...own, JIGAI_P12_PASSPHRASE: 'wrong' }, 'reviewer', 'import-p12', file('modern.p12'), '--data', file('data'));
    expect(wrongFile.code).toBe(EXIT_BAD_INPUT);
    expect(wrongFile.stdout).toContain('证书文件的口令不正确');
    const wrongOwn = await jigai(
      { JIGAI_PASSPHRASE: 'not the passphrase', JIGAI_P12_PASSPHRASE: FILE_PASSPHRASE },
      'reviewer',
      'import-p12',
      file('modern.p12'),
      '--data',
      file('data'),
    );
    expect(wrongOwn.code).toBe(EXIT_BAD_INPUT);
    expect(wrongOwn.stdout).toContain('口令');
    const notP12 = await jigai(both, 'reviewer', 'import-p12', file('org.crt'), '--data', file('data'));
    expect(notP12.code).toBe(EXIT_BAD_INPUT);
    expect(notP12.stdout).toContain('不是 PKCS#12');
    // Still signed with the self-made certificate.
    const made = await jigai(
      own,
      'report',
      '--batch',
      batchId,
      '--project',
      projectId,
      '--kind',
      'acceptance',
      '--sign',
      '--out',
      file('before.pdf'),
      '--data',
      file('data'),
    );
    expect(made.code, made.stdout).toBe(EXIT_OK);
    expect(spawnSync('pdfsig', [file('before.pdf')], { encoding: 'utf8' }).stdout).toContain('Signer Certificate Common Name: 陈组长');
  });

  for (const name of ['modern.p12', 'legacy.pfx']) {
    it(`imports ${name} and signs reports with it: pdfsig validates the Chinese signer`, async () => {
      const imported = await jigai(both, 'reviewer', 'import-p12', file(name), '--data', file('data'));
      expect(imported.code, imported.stdout).toBe(EXIT_OK);
      const expected = new X509Certificate(fs.readFileSync(file('org.crt'))).fingerprint256.replace(/:/gu, '').toLowerCase();
      expect(imported.json()).toMatchObject({ subject: '王建国', organization: '厦门市工业和信息化局', fingerprint: expected });

      const out = file(`signed-${name}.pdf`);
      const made = await jigai(own, 'report', '--batch', batchId, '--project', projectId, '--kind', 'acceptance', '--sign', '--out', out, '--data', file('data'));
      expect(made.code, made.stdout).toBe(EXIT_OK);
      const sig = spawnSync('pdfsig', [out], { encoding: 'utf8' }).stdout;
      expect(sig).toContain('Signer Certificate Common Name: 王建国');
      expect(sig).toContain('Signature is Valid');
      const verified = await jigai({}, 'report', 'verify', out);
      expect(verified.json()).toMatchObject({ valid: true, signatures: [{ signer: '王建国', fingerprint: expected, valid: true }] });
    });
  }
});
