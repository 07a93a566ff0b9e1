import { useEffect, useLayoutEffect, useState } from 'react';
import { createAutosaveQueue, IDLE, type AutosaveState } from './autosave-queue';

export type { AutosaveState } from './autosave-queue';

/**
 * Saves each field on its own, a short while after the last keystroke in it, and at once when the
 * field loses focus or the page goes away (unmount, closing the window): nothing a reviewer typed
 * may be lost. Writes are queued one after another so an older value never lands after a newer one.
 */
export function useAutosave<T>(write: (key: string, value: T) => Promise<unknown>, delayMs = 600) {
  // One queue for the component's lifetime; after unmount it still writes, but shows nothing.
  const [queue] = useState(() => createAutosaveQueue<T>(write, delayMs));
  const [state, setState] = useState<AutosaveState>(IDLE);
  useLayoutEffect(() => queue.setWrite(write), [queue, write]);

  useEffect(() => {
    queue.listen(setState);
    const beforeUnload = () => void queue.flushAll();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', beforeUnload);
      queue.listen(null);
      void queue.flushAll();
    };
  }, [queue]);

  return { change: queue.change, flush: queue.flush, flushAll: queue.flushAll, state };
}
