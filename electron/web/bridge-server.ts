import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/envelope';
import type { ApiInvoker } from '../core/dispatch';
import type { Logger } from '../core/logger';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createPathGrants, gatePaths } from '../core/path-grants';
import { readStaticFile } from './static-files';

export interface BridgeServerOptions {
  /** The API: the core in this process, or its worker thread. */
  invoke: ApiInvoker;
  logger: Logger;
  /** The renderer's build folder (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; otherwise random for every start. */
  token?: string;
  maxRequestBytes?: number;
  /** Where browser-mode uploads (packages, rule files) are written; removed on close. */
  uploadDir?: string;
  maxUploadBytes?: number;
}

export interface BridgeServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const API_PATH_PREFIX = '/api/';
export const UPLOAD_PATH = '/upload';
// An API request carries at most one site photo (25 MB, 34 MB as base64) or one PDF to verify; packages
// and expert files go through the upload path instead.
const DEFAULT_MAX_REQUEST_BYTES = 48 * 1024 * 1024;
const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Browser mode: the same API the desktop app reaches by IPC, over HTTP on 127.0.0.1 only.
 * Every API request must carry the random token printed with the URL, so other local programs and
 * web pages cannot call it; the Host check stops DNS-rebinding pages from reaching it by name.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const uploadDir = options.uploadDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-uploads-'));
  const uploadLimit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const grants = createPathGrants();
  const invoke = gatePaths(options.invoke, grants);
  let port = 0;

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.logger.error('浏览器模式请求处理失败', { error: String(error) });
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', '内部错误'));
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${String(port)}` && host !== `localhost:${String(port)}`) {
      sendJson(response, 403, failure('FORBIDDEN', '拒绝访问：请求的主机名不是本机'));
      return;
    }
    const url = request.url ?? '/';
    if (url === UPLOAD_PATH) {
      await handleUpload(request, response);
      return;
    }
    if (url.startsWith(API_PATH_PREFIX)) {
      await handleApi(request, response, url.slice(API_PATH_PREFIX.length).split('?')[0] ?? '');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, failure('BAD_INPUT', '不支持的请求方法'));
      return;
    }
    const file = readStaticFile(options.staticDir, url) ?? readStaticFile(options.staticDir, '/index.html');
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('界面文件缺失，请先运行 npm run build');
      return;
    }
    response.writeHead(200, {
      'content-type': file.mediaType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  /**
   * Browser mode has no file dialog: the page uploads the file, then hands its local path to the API
   * (the only paths the bridge lets through). An upload over the limit, declared or streamed, is
   * answered 413 and its temporary file closed and deleted at once, as is an upload cut short.
   */
  async function handleUpload(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!checkCaller(request, response)) return;
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > uploadLimit) {
      refuseUpload(request, response);
      return;
    }
    fs.mkdirSync(uploadDir, { recursive: true });
    const target = path.join(uploadDir, `${crypto.randomUUID()}-${uploadName(request.headers['x-file-name'])}`);
    const outcome = await receiveUpload(request, target, uploadLimit);
    if (outcome === 'stored') {
      grants.grant(target, 'read');
      sendJson(response, 200, { ok: true, value: { path: target } });
    } else if (outcome === 'too-large') refuseUpload(request, response);
    else if (!response.headersSent && !request.socket.destroyed) sendJson(response, 400, failure('BAD_INPUT', '上传未完成，请重新上传'));
  }

  function refuseUpload(request: http.IncomingMessage, response: http.ServerResponse): void {
    // The rest of the body is not read: the connection closes once the refusal is sent.
    response.setHeader('connection', 'close');
    sendJson(response, 413, failure('BAD_INPUT', `文件过大：上传的文件不能超过 ${sizeText(uploadLimit)}`));
    response.once('finish', () => request.destroy());
  }

  /** Token and origin checks shared by the API and uploads; answers the refusal itself. */
  function checkCaller(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('BAD_INPUT', '接口只接受 POST 请求'));
      return false;
    }
    if (!tokenMatches(request.headers.authorization, token)) {
      sendJson(response, 401, failure('FORBIDDEN', '拒绝访问：缺少或错误的访问令牌'));
      return false;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${String(port)}` && origin !== `http://localhost:${String(port)}`) {
      sendJson(response, 403, failure('FORBIDDEN', '拒绝访问：请求来自其他网页'));
      return false;
    }
    return true;
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
    if (!checkCaller(request, response)) return;
    const body = await readBody(request, maxBytes);
    if (body === null) {
      sendJson(response, 413, failure('BAD_INPUT', `请求过大（上限 ${String(Math.round(maxBytes / 1024 / 1024))} MB）`));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, failure('BAD_INPUT', '请求内容不是有效的 JSON'));
      return;
    }
    const name = decodedMethodName(method);
    if (name === null) {
      sendJson(response, 400, failure('BAD_INPUT', '请求地址无效'));
      return;
    }
    const envelope = await invoke(name, input);
    sendJson(response, 200, envelope);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${String(port)}/?token=${token}`;
  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          fs.rmSync(uploadDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${String(Math.floor(bytes / 1024 ** 3))} GB`;
  if (bytes >= 1024 ** 2) return `${String(Math.floor(bytes / 1024 ** 2))} MB`;
  return `${String(Math.floor(bytes / 1024))} KB`;
}

function decodedMethodName(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The uploaded file's own name, kept readable (it is shown in messages) but harmless as a file name. */
function uploadName(header: string | string[] | undefined): string {
  try {
    return (
      path
        .basename(decodeURIComponent(String(header ?? 'upload')))
        .replace(/[^\p{L}\p{N}._ -]/gu, '_')
        .slice(-120) || 'upload'
    );
  } catch {
    return 'upload';
  }
}

/**
 * Streams the request body to `target`. On every way out but success the file is closed before it
 * is deleted: an unlinked file that is still open keeps its disk space until the process exits.
 */
async function receiveUpload(request: http.IncomingMessage, target: string, limit: number): Promise<'stored' | 'too-large' | 'cut-short'> {
  const out = fs.createWriteStream(target, { flags: 'wx' });
  let written = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > limit) {
        tooLarge = true;
        done(new Error('upload over the limit'));
      } else done(null, chunk);
    },
  });
  // The request is not handed to pipeline: destroying it would drop the connection before the 413.
  request.pipe(counter);
  request.once('aborted', () => counter.destroy(new Error('upload aborted')));
  request.once('close', () => {
    if (!request.complete) counter.destroy(new Error('upload cut short'));
  });
  try {
    await pipeline(counter, out);
    return 'stored';
  } catch {
    request.unpipe(counter);
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    fs.rmSync(target, { force: true });
    return tooLarge ? 'too-large' : 'cut-short';
  }
}

function readBody(request: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function failure(code: 'FORBIDDEN' | 'BAD_INPUT' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
