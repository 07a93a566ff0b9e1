import type { Envelope } from '../../shared/api/envelope';

/**
 * `--smoke-test`: the release workflow starts each installed package with this flag to prove that it
 * runs on the target system: the window loads the app, the page makes one API call through the
 * preload script and IPC to the core (`getAppInfo`, the desktop's `info`), the answer is printed on
 * stdout, and the process ends with 0 on success, 1 otherwise.
 */
export const SMOKE_TEST_FLAG = '--smoke-test';

/** The line the release workflow looks for. */
export const SMOKE_TEST_PREFIX = 'JIGAI-SMOKE-TEST ';

/** Runs in the page, like any call of the app: through window.api, i.e. the preload and IPC. */
export const SMOKE_TEST_SCRIPT = 'window.api.getAppInfo({})';

/** Long enough for a cold start on a slow CI runner; only a hung start ever reaches it. */
export const SMOKE_TEST_TIMEOUT_MS = 120_000;

export function isSmokeTest(argv: readonly string[]): boolean {
  return argv.includes(SMOKE_TEST_FLAG);
}

export interface SmokeTestWindow {
  webContents: {
    once(event: 'did-finish-load', listener: () => void): unknown;
    executeJavaScript(code: string): Promise<unknown>;
  };
}

/** Waits for the page, makes the call from it and returns the exit code, having printed the result. */
export async function runSmokeTest(window: SmokeTestWindow, print: (line: string) => void): Promise<number> {
  await new Promise<void>((loaded) => window.webContents.once('did-finish-load', loaded));
  try {
    const answer = (await window.webContents.executeJavaScript(SMOKE_TEST_SCRIPT)) as Envelope<unknown>;
    print(`${SMOKE_TEST_PREFIX}${JSON.stringify(answer)}`);
    return answer.ok ? 0 : 1;
  } catch (error) {
    print(`${SMOKE_TEST_PREFIX}${JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } })}`);
    return 1;
  }
}
