import { z } from 'zod';

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  counts: z.object({
    batches: z.number().int(),
    projects: z.number().int(),
    invoices: z.number().int(),
  }),
});

export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  getAppInfo: { input: z.strictObject({}), output: appInfoSchema },
};
