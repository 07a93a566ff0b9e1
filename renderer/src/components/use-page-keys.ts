import { useEffect, useRef } from 'react';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'tel', 'email', 'url', 'password', 'date']);

/**
 * True where a key belongs to what has the focus: text being typed, an open drop-down, a dialog.
 * A filter button, a checkbox or a closed select keeps the focus after a click, but not the keys.
 */
export function keyBelongsToFocus(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[role="dialog"], .ant-modal-wrap, .ant-select-dropdown')) return true;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.getAttribute('aria-expanded') === 'true') return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type) && !target.readOnly && target.getAttribute('role') !== 'combobox';
  return false;
}

/**
 * A page's single keys (J/K, A, 1–4 …) anywhere on the page, except with a modifier or where the key
 * belongs to the focus. `actionOf` reads the key (lower case) into the page's action, or null to let it pass;
 * `dialogsOwnKeys`: an open dialog takes the keys even while the focus stays on the page (a camera preview).
 */
export function usePageKeys<A>(enabled: boolean, actionOf: (key: string) => A | null, handle: (action: A) => void, options: { dialogsOwnKeys?: boolean } = {}) {
  const latest = useRef({ actionOf, handle });
  useEffect(() => {
    latest.current = { actionOf, handle };
  });
  const { dialogsOwnKeys = false } = options;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || keyBelongsToFocus(event.target)) return;
      if (dialogsOwnKeys && document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const action = latest.current.actionOf(event.key.toLowerCase());
      if (action === null) return;
      event.preventDefault();
      latest.current.handle(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, dialogsOwnKeys]);
}
