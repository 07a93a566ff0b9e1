import { useEffect, useRef } from 'react';

export type InvoiceKeyAction = 'next' | 'previous' | 'accept' | 'reject' | 'reduce' | 'clear' | 'help';

/** The reviewer's keys; `?` works with or without Shift (keyboard layouts differ). */
export const INVOICE_KEYS: readonly { keys: string[]; action: InvoiceKeyAction; text: string }[] = [
  { keys: ['j', 'arrowdown'], action: 'next', text: '下一张' },
  { keys: ['k', 'arrowup'], action: 'previous', text: '上一张' },
  { keys: ['a'], action: 'accept', text: '认定，并到下一张' },
  { keys: ['r'], action: 'reject', text: '不予认定：填写理由，Enter 确定并到下一张' },
  { keys: ['h'], action: 'reduce', text: '核减：填写认定金额和理由，Enter 确定并到下一张' },
  { keys: ['u'], action: 'clear', text: '撤销本张的结论' },
  { keys: ['?', '/'], action: 'help', text: '显示按键说明' },
];

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

/** Calls `handle` for the reviewer's keys anywhere on the page except where the key belongs to the focus. */
export function useInvoiceKeys(enabled: boolean, handle: (action: InvoiceKeyAction) => void) {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || keyBelongsToFocus(event.target)) return;
      const key = event.key.toLowerCase();
      const entry = INVOICE_KEYS.find((k) => k.keys.includes(key));
      if (!entry) return;
      event.preventDefault();
      latest.current(entry.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
