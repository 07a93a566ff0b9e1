import { yuan } from '../format';

/** Table cell renderer for yuan amounts: grouped, two decimals, never wrapped. */
export function money(amount: string | null | undefined) {
  return <span className="money">{yuan(amount)}</span>;
}
