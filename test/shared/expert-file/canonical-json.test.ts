import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/expert-file/canonical-json';

// Vectors from RFC 8785 (JSON Canonicalization Scheme), §3.2.2 and §3.2.3.
describe('canonical JSON (RFC 8785)', () => {
  it('serialises numbers and strings as the RFC prescribes', () => {
    // Read from text as the RFC writes them (the first literal has more digits than a double keeps).
    expect(canonicalJson(JSON.parse('[333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]'))).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27]');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson('\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
    expect(canonicalJson({ literals: [null, true, false] })).toBe('{"literals":[null,true,false]}');
  });

  it('sorts keys by UTF-16 code units, recursively, whatever order they came in', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const object = Object.fromEntries(keys.map((key, index) => [key, index]));
    expect(canonicalJson(object)).toBe('{"\\r":1,"1":3,"\u0080":5,"\u00f6":6,"\u20ac":0,"\ud83d\ude00":4,"\ufb33":2}');
    expect(canonicalJson({ b: { 评分: '18.5', a: [2, 1] }, a: '厦门' })).toBe('{"a":"厦门","b":{"a":[2,1],"评分":"18.5"}}');
  });

  it('gives the same text for the same value written differently', () => {
    const compact = JSON.parse('{"z":1,"a":{"y":"\\u5f20\\u4e09","x":[1,2]}}') as unknown;
    const spaced = JSON.parse('{\n  "a": { "x": [1, 2], "y": "张三" },\n  "z": 1.0\n}') as unknown;
    expect(canonicalJson(compact)).toBe(canonicalJson(spaced));
  });

  it('refuses what JSON cannot carry instead of writing something else', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/u);
    expect(() => canonicalJson({ a: 'x\ud800y' })).toThrow(/代理项/u);
    expect(canonicalJson({ a: '\ud83d\ude00' })).toBe('{"a":"😀"}');
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/u);
  });
});
