import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface AutosaveState {
  /** Changes typed but not yet written. */
  readonly pending: boolean;
  readonly saving: boolean;
  /** When the last write succeeded. */
  readonly savedAt: Date | null;
  readonly error: string | null;
}

/**
 * Saves each field on its own, a short while after the last keystroke in it, and at once when the
 * field loses focus or the page goes away (unmount, closing the window): nothing a reviewer typed
 * may be lost. Writes are queued one after another so an older value never lands after a newer one.
 */
export function useAutosave<T>(write: (key: string, value: T) => Promise<unknown>, delayMs = 600) {
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const waiting = useRef(new Map<string, T>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const writeRef = useRef(write);
  useLayoutEffect(() => {
    writeRef.current = write;
  }, [write]);
  const [state, setState] = useState<AutosaveState>({ pending: false, saving: false, savedAt: null, error: null });
  const mounted = useRef(true);

  const flushKey = useCallback((key: string) => {
    const timer = timers.current.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(key);
    if (!waiting.current.has(key)) return queue.current;
    const value = waiting.current.get(key) as T;
    waiting.current.delete(key);
    if (mounted.current) setState((s) => ({ ...s, saving: true }));
    queue.current = queue.current
      .catch(() => undefined)
      .then(() => writeRef.current(key, value))
      .then(
        () => mounted.current && setState({ pending: waiting.current.size > 0, saving: false, savedAt: new Date(), error: null }),
        (error: unknown) => {
          // Keep the value to retry with the next change or flush rather than dropping it.
          if (!waiting.current.has(key)) waiting.current.set(key, value);
          if (mounted.current) setState((s) => ({ ...s, pending: true, saving: false, error: error instanceof Error ? error.message : String(error) }));
        },
      );
    return queue.current;
  }, []);

  const flushAll = useCallback(() => {
    for (const key of [...waiting.current.keys()]) void flushKey(key);
    return queue.current;
  }, [flushKey]);

  const change = useCallback(
    (key: string, value: T) => {
      waiting.current.set(key, value);
      const timer = timers.current.get(key);
      if (timer !== undefined) clearTimeout(timer);
      timers.current.set(
        key,
        setTimeout(() => void flushKey(key), delayMs),
      );
      setState((s) => ({ ...s, pending: true }));
    },
    [delayMs, flushKey],
  );

  useEffect(() => {
    mounted.current = true;
    const beforeUnload = () => void flushAll();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', beforeUnload);
      mounted.current = false;
      void flushAll();
    };
  }, [flushAll]);

  return { change, flush: flushKey, flushAll, state };
}
