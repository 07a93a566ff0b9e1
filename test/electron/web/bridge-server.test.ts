import fs from 'node:fs';
import { inProcessInvoker } from '@core/dispatch';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '@web/bridge-server';
import { silentLogger } from '@core/logger';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';

describe('browser-mode HTTP bridge', () => {
  const core = createTestCore();
  const site = makeTempDir();
  let server: BridgeServer;

  beforeAll(async () => {
    fs.writeFileSync(path.join(site.dir, 'index.html'), '<!doctype html><title>技改评审</title>');
    fs.writeFileSync(path.join(site.dir, '..', 'secret.txt'), 'not for the web');
    server = await startBridgeServer({ invoke: inProcessInvoker(core.handlers, silentLogger), logger: silentLogger, staticDir: site.dir });
  });
  afterAll(async () => {
    await server.close();
    core.cleanup();
    site.cleanup();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${String(server.port)}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and prints a URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers a call with the same envelope as IPC', async () => {
    const response = await post('updateSettings', { reviewerName: '陈专家' });
    expect(await response.json()).toMatchObject({ ok: true, value: { reviewerName: '陈专家' } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const missing = await fetch(`http://127.0.0.1:${String(server.port)}/api/getAppInfo`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await post('getAppInfo', {}, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses calls from another web page (Origin) and bad input, unknown methods', async () => {
    const foreign = await post('getAppInfo', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const bad = await post('updateSettings', { reviewerRole: 42 });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const unknown = await post('dropDatabase', {});
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('serves the page with a strict Content-Security-Policy and never a file outside its folder', async () => {
    const page = await fetch(`http://127.0.0.1:${String(server.port)}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('技改评审');
    const escape = await fetch(`http://127.0.0.1:${String(server.port)}/..%2fsecret.txt`);
    expect(await escape.text()).not.toContain('not for the web');
  });
});
