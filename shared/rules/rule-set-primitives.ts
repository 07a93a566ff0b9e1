import { z } from 'zod';
import { STAGES } from '../codes/codes';
import { dec, PLAIN_DECIMAL, PLAIN_MONEY } from './money';

/**
 * The small building blocks of the rule-set format. Messages are Chinese and
 * say what is expected, because the people who read them write rule sets by
 * hand; the path is added by the parser.
 */

export { STAGES, type Stage } from '../codes/codes';

export const stageSchema = z.enum(STAGES, {
  error: '应为拨付阶段 "application"（立项）、"midterm"（中期评估）或 "acceptance"（竣工验收）之一',
});

export const moneySchema = z
  .string({ error: '应为金额字符串（元，不带千分位，最多两位小数），如 "80000000.00"' })
  .regex(PLAIN_MONEY, { error: '应为金额字符串（元，不带千分位、不带符号，最多两位小数），如 "80000000.00"' });

export const decimalSchema = z
  .string({ error: '应为数字字符串（不小于 0，最多六位小数），如 "4.35"' })
  .regex(PLAIN_DECIMAL, { error: '应为数字字符串（不小于 0，最多六位小数），如 "4.35"' });

// The refine below runs even when the pattern failed, so it re-tests before reading a number.
const PERCENT = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,4})?$/u;

export const percentSchema = z
  .string({ error: '应为百分数字符串（不带 % 号），如 "8" 表示 8%' })
  .regex(PERCENT, {
    error: '应为百分数字符串（不带 % 号，最多四位小数），如 "8" 表示 8%',
  })
  .refine((value) => !PERCENT.test(value) || dec(value).lte(100), { error: '百分比不能超过 100' });

export const ruleIdSchema = z.string({ error: '应为标识字符串（小写字母、数字和连字符），如 "chain-leader"' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
  error: '应为标识字符串（小写字母、数字和连字符，不以连字符开头或结尾），如 "chain-leader"',
});

export const factKeySchema = z
  .string({ error: '应为字段名（英文字母开头的驼峰式），如 "supportingEnterprises"' })
  .regex(/^[a-z][A-Za-z0-9]*$/u, { error: '应为字段名（小写英文字母开头，仅字母和数字），如 "supportingEnterprises"' });

export const findingCodeSchema = z
  .string({ error: '应为结论代码（大写字母、数字和下划线），如 "FILING_REQUIRED"' })
  .regex(/^[A-Z][A-Z0-9_]*$/u, { error: '应为结论代码（大写字母、数字和下划线），如 "FILING_REQUIRED"' });

export const sourceSchema = z
  .string({ error: '应注明出处（政策文件名与条款），如 "000_985b87a7ad46cc56.txt §五(三)2(1)"' })
  .min(1, { error: '出处不能为空，应注明政策文件名与条款，如 "000_985b87a7ad46cc56.txt §五(三)2(1)"' });

export const descriptionSchema = z.string({ error: '应为中文说明文字' }).min(1, { error: '说明不能为空，应写明本条规则的中文含义' });

export const labelSchema = z.string({ error: '应为中文名称' }).min(1, { error: '名称不能为空' });

export const dateSchema = z.string({ error: '应为日期字符串 YYYY-MM-DD，如 "2024-01-01"' }).regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u, {
  error: '应为日期字符串 YYYY-MM-DD，如 "2024-01-01"',
});
