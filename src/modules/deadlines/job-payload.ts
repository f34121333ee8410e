import type { JobRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';

/** What a closing or reminder job carries: its competition and the closing instant it was armed for. */
export const payloadOf = (job: JobRow) => {
  const p = parseSettings(job.payload);
  return {
    competitionId: Number(p.competitionId),
    closesAt: typeof p.closesAt === 'string' ? p.closesAt : null,
  };
};
