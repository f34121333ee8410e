import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/connect.js';
import { renderCertificates, type RenderDeps } from './render.js';

/**
 * Makes the PDFs of a competition's certificates in the background after issuing (one run per
 * competition at a time; a certificate downloaded before its turn is made on the spot).
 */
export function certificateRendering(db: Db, deps: RenderDeps, log: FastifyBaseLogger) {
  const running = new Map<number, Promise<unknown>>();
  return (competitionId: number) => {
    const before = running.get(competitionId) ?? Promise.resolve();
    const run = before
      .then(async () => {
        const ids = (
          await db
            .selectFrom('certificates')
            .select('id')
            .where('competition_id', '=', competitionId)
            .where('file_id', 'is', null)
            .orderBy('seq')
            .execute()
        ).map((r) => r.id);
        return renderCertificates(db, deps, ids, (id, err) =>
          log.error({ err, certificateId: id }, 'certificate PDF failed'),
        );
      })
      .catch((err: unknown) => log.error({ err }, 'certificate rendering failed'))
      .finally(() => {
        if (running.get(competitionId) === run) running.delete(competitionId);
      });
    running.set(competitionId, run);
    return run;
  };
}
