import { z } from 'zod';

/*
 * A judging role's work (evaluator, panelist) on its home page: per competition it is assigned to
 * (role_grants.competition_id), the stages that are its work and when the work starts (domain/role-work.ts).
 */

const textSchema = z.object({ id: z.string(), en: z.string() });

export const workStageSchema = z.object({
  kind: z.string(),
  name: textSchema,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});

export const assignmentSchema = z.object({
  role: z.enum(['evaluator', 'panelist']),
  competition: z.object({
    id: z.number(),
    name: z.string(),
    year: z.number(),
    timeZone: z.string(),
    status: z.enum(['draft', 'published', 'archived']),
  }),
  stages: z.array(workStageSchema),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  state: z.enum(['not_scheduled', 'upcoming', 'open', 'finished']),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const myWorkResponse = z.object({ assignments: z.array(assignmentSchema) });
export type MyWork = z.infer<typeof myWorkResponse>;
