import { z } from 'zod';

/** Money crosses every boundary as a yuan decimal string with exactly two decimals, never a float. */
export const yuanString = z.string().regex(/^-?\d{1,15}\.\d{2}$/, { message: '金额应为两位小数的字符串，如 "12345.67"' });
