import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { createBlobStore, type BlobFileSystem } from '@core/package/import/blob-store';
import { importPackage } from '@core/package/import/import-package';
import { minimalPdf, oneProjectSpec, snapshotFolder, writePackageZip, type PackageSpec } from '@test/support/package-builder';
import { sha256 } from '../container/support/package-fixture';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

let dataDir: string;
let work: string;
let cleanups: (() => void)[];
let cores: Core[];

beforeEach(() => {
  const data = makeTempDir();
  const scratch = makeTempDir();
  dataDir = data.dir;
  work = scratch.dir;
  cores = [];
  cleanups = [data.cleanup, scratch.cleanup];
});
afterEach(() => {
  for (const core of cores) core.close();
  for (const cleanup of cleanups) cleanup();
});

/** A core started on the data folder, as the app does at start. */
function startCore(): Core {
  const core = createCore({ dataDir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T10:00:00Z') });
  cores.push(core);
  return core;
}

/** Imports run one after another behind the start-up collection: a finished call means it has run. */
async function settled(core: Core): Promise<void> {
  await core.api.importPackage({ path: path.join(work, 'no-such-package.zip') }).catch(() => undefined);
}

const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Node's file system, except that writes fail with a full disk once `allowedBytes` have been written. */
function diskFullAfter(allowedBytes: number, calls: string[] = []): BlobFileSystem {
  let left = allowedBytes;
  return {
    openSync: (file, flags) => (calls.push('open'), fs.openSync(file, flags)),
    writeSync: (fd, data, offset, length) => {
      calls.push('write');
      if (left <= 0) throw ENOSPC();
      const written = fs.writeSync(fd, data, offset, Math.min(length, left));
      left -= written;
      return written;
    },
    fsyncSync: (fd) => (calls.push('fsync'), fs.fsyncSync(fd)),
    closeSync: (fd) => (calls.push('close'), fs.closeSync(fd)),
    renameSync: (from, to) => (calls.push('rename'), fs.renameSync(from, to)),
  };
}

function withAttachments(files: Record<string, Buffer>): PackageSpec {
  const spec = oneProjectSpec();
  return { ...spec, files: { ...spec.files, ...files } };
}

function setAge(file: string, minutes: number): void {
  const when = new Date(Date.now() - minutes * 60_000);
  fs.utimesSync(file, when, when);
}

describe('storing an attachment file', () => {
  it('flushes the data to the disk before renaming it into place', () => {
    const calls: string[] = [];
    const blobs = createBlobStore(dataDir, diskFullAfter(Infinity, calls));
    const content = Buffer.from('%PDF-1.7 stored durably');
    expect(blobs.put(content)).toBe(true);
    expect(calls).toEqual(['open', 'write', 'fsync', 'close', 'rename']);
    expect(blobs.read(sha256(content))).toEqual(content);
    expect(blobs.put(content)).toBe(false);
  });

  it('leaves no partial or temporary file when the disk fills up half-way', () => {
    const blobs = createBlobStore(dataDir, diskFullAfter(1000));
    expect(() => blobs.put(Buffer.alloc(5000, 1))).toThrow(expect.objectContaining({ code: 'ENOSPC' }) as unknown as Error);
    expect(snapshotFolder(path.join(dataDir, 'files'))).toEqual({});
  });

  it('a full disk during an import stores nothing: no rows, no files, the earlier version intact', async () => {
    const core = startCore();
    const first = path.join(work, 'v1.zip');
    await writePackageZip(first, oneProjectSpec());
    await core.api.importPackage({ path: first });
    const filesFolder = path.join(dataDir, 'files');
    const before = { files: snapshotFolder(filesFolder), batches: await core.api.listBatches({}) };

    const second = path.join(work, 'v2.zip');
    await writePackageZip(second, withAttachments({ 'XM2024-001/附件/新增1.pdf': minimalPdf('one'), 'XM2024-001/附件/新增2.pdf': minimalPdf('two') }));
    // Room for one new attachment, not for the second.
    const failing = createBlobStore(dataDir, diskFullAfter(minimalPdf('one').length));
    const error = await importPackage(core.context, second, { knownPolicies: new Set(['xiamen-2024']), blobs: failing }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(error).not.toBeInstanceOf(AppError);
    expect(snapshotFolder(filesFolder)).toEqual(before.files);
    expect(await core.api.listBatches({})).toEqual(before.batches);
  });
});

describe('collecting attachment files no longer referenced', () => {
  it('at start removes files left by an interrupted import and temporary files, and keeps every referenced one', async () => {
    const core = startCore();
    const file = path.join(work, 'package.zip');
    await writePackageZip(file, oneProjectSpec());
    await core.api.importPackage({ path: file });
    core.close();
    cores = [];

    const blobs = createBlobStore(dataDir);
    const referenced = sha256(minimalPdf('Contract HT-2024-001'));
    const orphan = Buffer.from('an attachment of an import killed before it committed');
    blobs.put(orphan);
    const temporary = `${blobs.pathOf(sha256('half written'))}.4242.tmp`;
    fs.mkdirSync(path.dirname(temporary), { recursive: true });
    fs.writeFileSync(temporary, 'half');
    const recentOrphan = Buffer.from('written a moment ago by another process, not yet committed');
    blobs.put(recentOrphan);
    for (const old of [blobs.pathOf(referenced), blobs.pathOf(sha256(orphan)), temporary]) setAge(old, 60);

    await settled(startCore());
    expect(blobs.has(referenced)).toBe(true);
    expect(blobs.has(sha256(orphan))).toBe(false);
    expect(fs.existsSync(temporary)).toBe(false);
    expect(blobs.has(sha256(recentOrphan))).toBe(true);
  });

  it('after a re-import removes the attachments the new version dropped', async () => {
    const core = startCore();
    await settled(core);
    const dropped = minimalPdf('dropped in version 2');
    const kept = minimalPdf('kept in version 2');
    const v1 = path.join(work, 'v1.zip');
    await writePackageZip(v1, withAttachments({ 'XM2024-001/附件/旧.pdf': dropped, 'XM2024-001/附件/留.pdf': kept }));
    await core.api.importPackage({ path: v1 });
    const blobs = createBlobStore(dataDir);
    for (const content of [dropped, kept]) setAge(blobs.pathOf(sha256(content)), 60);

    const v2 = path.join(work, 'v2.zip');
    await writePackageZip(v2, withAttachments({ 'XM2024-001/附件/留.pdf': kept }));
    const summary = await core.api.importPackage({ path: v2 });
    expect(summary.changes).not.toBeNull();
    expect(blobs.has(sha256(dropped))).toBe(false);
    expect(blobs.has(sha256(kept))).toBe(true);
    const attachment = await core.api.getAttachment({ batchId: 'XM-2026-YS-01', projectId: 'XM2024-001', path: '留.pdf' });
    expect(Buffer.from(attachment.base64, 'base64')).toEqual(kept);
  });
});
