import { usePageKeys } from '../../components/use-page-keys';

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

/** Calls `handle` for the reviewer's keys anywhere on the page except where the key belongs to the focus. */
export function useInvoiceKeys(enabled: boolean, handle: (action: InvoiceKeyAction) => void) {
  usePageKeys(enabled, (key) => INVOICE_KEYS.find((k) => k.keys.includes(key))?.action ?? null, handle);
}
