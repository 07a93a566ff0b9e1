import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessInvoker } from '@core/dispatch';
import { silentLogger } from '@core/logger';
import { startBridgeServer, type BridgeServer } from '@web/bridge-server';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';

const LIMIT = 64 * 1024;

/** Files in the upload folder, and whether this process still holds any of them open. */
function uploadsLeft(dir: string): { files: string[]; openHandles: number } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  let openHandles = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir)) openHandles++;
    } catch {
      // The handle closed while we looked.
    }
  }
  return { files, openHandles };
}

describe('browser-mode uploads and paths', () => {
  const core = createTestCore();
  const site = makeTempDir();
  const uploads = makeTempDir();
  let server: BridgeServer;

  beforeAll(async () => {
    fs.writeFileSync(path.join(site.dir, 'index.html'), '<!doctype html><title>技改评审</title>');
    server = await startBridgeServer({
      invoke: inProcessInvoker(core.handlers, silentLogger),
      logger: silentLogger,
      staticDir: site.dir,
      uploadDir: uploads.dir,
      maxUploadBytes: LIMIT,
    });
  });
  afterAll(async () => {
    await server.close();
    core.cleanup();
    site.cleanup();
    uploads.cleanup();
  });

  /** Streams `chunks` as the upload body (chunked, so no size is declared) and reads the answer. */
  function streamUpload(chunks: number, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/upload',
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'x-file-name': 'a.zip', ...headers },
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (chunk: Buffer) => parts.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown }));
        },
      );
      request.on('error', reject);
      let sent = 0;
      const more = () => {
        while (sent < chunks) {
          sent++;
          if (!request.write(Buffer.alloc(16 * 1024, 7))) return void request.once('drain', more);
        }
        request.end();
      };
      more();
    });
  }

  /** Sends raw bytes and waits for the server to close the connection; answers what it said. */
  function rawRequest(head: string, body: Buffer, endEarly: boolean): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1');
      const answer: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => answer.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(answer).toString('utf8')));
      socket.on('error', () => undefined);
      socket.write(head);
      socket.write(body);
      if (endEarly) socket.end();
    });
  }

  it('stores an upload within the limit and lets exactly that path reach the API', async () => {
    const stored = await streamUpload(2);
    expect(stored.status).toBe(200);
    const file = (stored.body as { value: { path: string } }).value.path;
    expect(fs.statSync(file).size).toBe(32 * 1024);
    const call = (body: unknown) =>
      fetch(`http://127.0.0.1:${String(server.port)}/api/importPackage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}` },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    // The uploaded file reaches the import (which finds it is no package); any other path is refused.
    expect(await call({ path: file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call({ path: '/etc/passwd' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：只能导入在对话框中选择、拖入或上传的文件' } });
    fs.rmSync(file);
  });

  it('answers 413 in Chinese to a streamed upload over the limit and frees its temporary file at once', async () => {
    const refused = await streamUpload(64);
    expect(refused).toEqual({ status: 413, body: { ok: false, error: { code: 'BAD_INPUT', message: '文件过大：上传的文件不能超过 64 KB' } } });
    expect(uploadsLeft(uploads.dir)).toEqual({ files: [], openHandles: 0 });
  });

  it('answers 413 to a declared size over the limit without writing anything', async () => {
    const answer = await rawRequest(
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${String(server.port)}\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: ${String(LIMIT + 1)}\r\n\r\n`,
      Buffer.alloc(10),
      false,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('文件过大');
    expect(uploadsLeft(uploads.dir)).toEqual({ files: [], openHandles: 0 });
  });

  it('deletes the temporary file of an upload cut short or whose declared size was a lie', async () => {
    await rawRequest(
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${String(server.port)}\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: 40000\r\n\r\n`,
      Buffer.alloc(20_000, 1),
      true,
    );
    // The server notices the closed connection on its own schedule: wait for the folder to empty.
    await expect.poll(() => uploadsLeft(uploads.dir)).toEqual({ files: [], openHandles: 0 });
  });

  it('answers 400, not 500, to a malformed percent-encoding in an API path', async () => {
    const response = await fetch(`http://127.0.0.1:${String(server.port)}/api/get%E0%A4%A`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '请求地址无效' } });
  });

  it('refuses an export to a path the user did not choose (browser mode downloads instead)', async () => {
    const response = await fetch(`http://127.0.0.1:${String(server.port)}/api/exportVerificationWorkbook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ batchId: 'B', projectId: 'P', path: '/tmp/overwrite-me.xlsx' }),
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：只能保存到在对话框中选择的位置' } });
  });
});
