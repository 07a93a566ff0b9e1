import { z } from 'zod';

export const packageProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});
