import { Input, type InputRef } from 'antd';
import { forwardRef } from 'react';
import { Dec } from '@shared/domain/decimal';
import { formatPoints, HALF, PLAIN_POINTS } from '@shared/scoring/half-points';

/** The next half point up or down from what is typed, kept within 0..max; an unreadable entry starts from 0. */
export function stepScore(text: string, max: string, direction: 1 | -1): string {
  const current = PLAIN_POINTS.test(text.trim()) ? new Dec(text.trim()) : null;
  // Off the half-point grid (18.3): the first step lands on the grid in the direction asked.
  const base = current === null ? new Dec(direction === 1 ? -0.5 : 0.5) : current.div(HALF)[direction === 1 ? 'floor' : 'ceil']().times(HALF);
  const moved = current !== null && !base.eq(current) ? base : base.plus(HALF.times(direction));
  return formatPoints(Dec.min(new Dec(max), Dec.max(new Dec(0), moved)));
}

interface ScoreInputProps {
  value: string;
  max: string;
  disabled?: boolean;
  invalid?: boolean;
  label: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** Enter: go to the next item. */
  onNext: () => void;
}

/** Type the score, ↑/↓ move by half a point within the item's range, Enter or Tab go to the next item. */
export const ScoreInput = forwardRef<InputRef, ScoreInputProps>(function ScoreInput({ value, max, disabled, invalid, label, onChange, onBlur, onNext }, ref) {
  return (
    <Input
      ref={ref}
      value={value}
      disabled={disabled}
      status={invalid ? 'error' : undefined}
      inputMode="decimal"
      aria-label={`${label}得分`}
      style={{ width: 120 }}
      suffix={<span style={{ color: '#8c8c8c' }}>/ {max} 分</span>}
      onChange={(e) => onChange(e.target.value.replace(/[^\d.]/gu, ''))}
      onBlur={onBlur}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          e.preventDefault();
          onChange(stepScore(value, max, e.key === 'ArrowUp' ? 1 : -1));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          onNext();
        }
      }}
    />
  );
});
