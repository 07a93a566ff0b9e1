export interface AutosaveState {
  /** Changes typed but not yet written. */
  readonly pending: boolean;
  /** Writes queued or under way. */
  readonly saving: boolean;
  /** When the last write succeeded. */
  readonly savedAt: Date | null;
  readonly error: string | null;
}

export const IDLE: AutosaveState = { pending: false, saving: false, savedAt: null, error: null };

/**
 * The bookkeeping of autosave, apart from React: each field is written a short while after its last
 * change, or at once when flushed; writes run one after another so an older value never lands after
 * a newer one, and a failed one is kept and tried again rather than dropped.
 */
export function createAutosaveQueue<T>(firstWrite: (key: string, value: T) => Promise<unknown>, delayMs: number) {
  let write = firstWrite;
  // Who shows the state (the mounted component); nobody after unmount, while the last writes finish.
  let onState: ((update: (state: AutosaveState) => AutosaveState) => void) | null = null;
  const show = (update: (state: AutosaveState) => AutosaveState) => onState?.(update);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const waiting = new Map<string, T>();
  let queue: Promise<unknown> = Promise.resolve();
  // Writes queued or running: "已保存" is shown only when none is left, not when the first of several
  // queued writes lands.
  let unsettled = 0;
  // The latest write queued per field: a failed write is kept for a retry only when no later write
  // of the same field is on its way (that one carries the newer value).
  const generations = new Map<string, number>();
  // Fields whose last write failed: tried again with the next change of any field, as the screen says.
  const failed = new Set<string>();

  function flush(key: string): Promise<unknown> {
    const timer = timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(key);
    if (!waiting.has(key)) return queue;
    const value = waiting.get(key) as T;
    waiting.delete(key);
    failed.delete(key);
    const generation = (generations.get(key) ?? 0) + 1;
    generations.set(key, generation);
    unsettled += 1;
    show((s) => ({ ...s, saving: true }));
    queue = queue
      .catch(() => undefined)
      .then(() => write(key, value))
      .then(
        () => {
          unsettled -= 1;
          show((s) => ({ pending: waiting.size > 0, saving: unsettled > 0, savedAt: new Date(), error: failed.size > 0 ? s.error : null }));
        },
        (error: unknown) => {
          unsettled -= 1;
          if (generations.get(key) === generation && !waiting.has(key)) {
            waiting.set(key, value);
            failed.add(key);
          }
          const message = error instanceof Error ? error.message : String(error);
          show((s) => ({ ...s, pending: waiting.size > 0, saving: unsettled > 0, error: message }));
        },
      );
    return queue;
  }

  function flushAll(): Promise<unknown> {
    for (const key of [...waiting.keys()]) void flush(key);
    return queue;
  }

  function change(key: string, value: T): void {
    waiting.set(key, value);
    const timer = timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.set(
      key,
      setTimeout(() => void flush(key), delayMs),
    );
    show((s) => ({ ...s, pending: true }));
    for (const other of [...failed]) if (other !== key) void flush(other);
  }

  return {
    change,
    flush,
    flushAll,
    /** The write to use from now on (it may close over newer props). */
    setWrite(next: (key: string, value: T) => Promise<unknown>) {
      write = next;
    },
    listen(listener: typeof onState) {
      onState = listener;
    },
  };
}
