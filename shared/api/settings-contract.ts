import { z } from 'zod';

/** Who is working on this laptop: recorded with every decision and signature. */
export const settingsSchema = z.object({
  reviewerName: z.string().max(50),
  reviewerOrganization: z.string().max(100),
  reviewerRole: z.enum(['expert', 'chair']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { reviewerName: '', reviewerOrganization: '', reviewerRole: 'expert' };

export const settingsContract = {
  getSettings: { input: z.strictObject({}), output: settingsSchema },
  updateSettings: {
    input: z.strictObject({
      reviewerName: z.string().trim().max(50, { message: '姓名最多 50 个字' }).optional(),
      reviewerOrganization: z.string().trim().max(100, { message: '单位最多 100 个字' }).optional(),
      reviewerRole: z.enum(['expert', 'chair']).optional(),
    }),
    output: settingsSchema,
  },
};
