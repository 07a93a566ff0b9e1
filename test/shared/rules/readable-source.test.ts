import { describe, expect, it } from 'vitest';
import { readableSection } from '@shared/rules/readable-source';

describe('readableSection', () => {
  it('cites sections as a reader does', () => {
    expect(readableSection('§五(一)')).toBe('第五条（一）');
    expect(readableSection('§五(一)、§五(二)')).toBe('第五条（一）、第五条（二）');
    expect(readableSection('§五(三)2(1)')).toBe('第五条（三）2（1）');
    expect(readableSection('§五(四)(一)')).toBe('第五条（四）（一）');
    expect(readableSection('§三')).toBe('第三条');
  });
});
