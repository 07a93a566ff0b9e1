import { describe, expect, it } from 'vitest';
import { isBelowTarget, readIndicatorValue } from '@shared/inspection/indicator-target';

describe('an indicator observed against its target', () => {
  it('reads percentages, comparison signs, thousands separators and units', () => {
    expect(readIndicatorValue('85%')?.value.toString()).toBe('85');
    expect(readIndicatorValue('≥85%')).toMatchObject({ bound: 'at-least' });
    expect(readIndicatorValue('不低于 85.5%')?.value.toString()).toBe('85.5');
    expect(readIndicatorValue('1,200')?.value.toString()).toBe('1200');
    expect(readIndicatorValue('120台（套）')?.value.toString()).toBe('120');
    expect(readIndicatorValue('８５％')?.value.toString()).toBe('85');
    expect(readIndicatorValue('≤2%')).toMatchObject({ bound: 'at-most' });
    expect(readIndicatorValue('已完成')).toBeUndefined();
    expect(readIndicatorValue('')).toBeUndefined();
  });

  it('is below a minimum target when the observed number is smaller', () => {
    expect(isBelowTarget('85%', '80%')).toBe(true);
    expect(isBelowTarget('≥85%', '84.9')).toBe(true);
    expect(isBelowTarget('85', '85%')).toBe(false);
    expect(isBelowTarget('120', '1,200')).toBe(false);
    expect(isBelowTarget('新增设备 20 台', '18')).toBe(false); // the target is no number
  });

  it('is short of a maximum target (≤2%) when the observed number is larger', () => {
    expect(isBelowTarget('≤2%', '2.5%')).toBe(true);
    expect(isBelowTarget('不超过 2%', '1.5%')).toBe(false);
  });

  it('never counts text that is not a number as below', () => {
    expect(isBelowTarget('85%', '基本达到')).toBe(false);
    expect(isBelowTarget('85%', '')).toBe(false);
  });
});
