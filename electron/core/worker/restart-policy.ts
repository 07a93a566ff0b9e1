export interface RestartPolicyOptions {
  /** Deaths tolerated within `windowMs` before the host stops restarting. */
  maxCrashes?: number;
  windowMs?: number;
  /** Pause before the n-th restart in a row (n ≥ 1); the first restart is immediate by default. */
  backoffMs?: (crashesInWindow: number) => number;
  now?: () => number;
}

const DEFAULT_MAX_CRASHES = 5;
const DEFAULT_WINDOW_MS = 10 * 60_000;

/** 0 s, 1 s, 2 s, 4 s … at most 30 s: one bad package restarts at once, a loop slows down. */
export function defaultBackoffMs(crashesInWindow: number): number {
  return crashesInWindow <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (crashesInWindow - 2));
}

/**
 * Decides whether and when a dead core thread is restarted: a crash loop (e.g. a database that
 * makes every start die) must not spin the machine, yet a single damaged package must not cost the
 * reviewer more than the one failed call.
 */
export function createRestartPolicy(options: RestartPolicyOptions = {}) {
  const maxCrashes = options.maxCrashes ?? DEFAULT_MAX_CRASHES;
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const now = options.now ?? Date.now;
  const crashes: number[] = [];
  return {
    /** Records a death; answers the pause before restarting, or null when restarts are exhausted. */
    recordCrash(): number | null {
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && (crashes[0] ?? at) <= at - windowMs) crashes.shift();
      return crashes.length > maxCrashes ? null : backoffMs(crashes.length);
    },
  };
}
