import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '@core/package/container/json-syntax-error';

describe('findJsonSyntaxError', () => {
  it.each([['{"a": 1, "b": [1, 2, {"c": null}], "d": "x\\n\\u4e2d", "e": -1.5e+3, "f": true, "g": false}'], ['  [ ]  '], ['"字符串"'], ['0']])(
    'accepts valid JSON %s',
    (text) => {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeUndefined();
    },
  );

  it.each([
    ['{"a": }', 1, 7, '应为一个值'],
    ['{"a": 1,}', 1, 9, '多了逗号'],
    ['[1, 2,]', 1, 7, '多了逗号'],
    ['{"a" 1}', 1, 6, '冒号'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '应为逗号 , 或 }'],
    ["{'a': 1}", 1, 2, '双引号'],
    ['{"a": "x\ny"}', 1, 9, '控制字符'],
    ['{"a": "\\x"}', 1, 8, '转义'],
    ['{"a": 01}', 1, 7, '数字'],
    ['{"a": tru}', 1, 10, 'true'],
    ['{"a": 1', 1, 8, '意外结束'],
    ['', 1, 1, '意外结束'],
    ['{} x', 1, 4, '多余的内容'],
    ['{"a"：1}', 1, 5, '全角冒号'],
    ['{“a”: 1}', 1, 2, '中文引号'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toContain(message);
  });

  it('survives very deep nesting', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;
    expect(findJsonSyntaxError(text)?.message).toContain('嵌套层数过深');
  });
});
