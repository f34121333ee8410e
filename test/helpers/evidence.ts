import type { FastifyInstance } from 'fastify';
import { minimalPdf, multipartForm } from './multipart.js';

/*
 * The supporting documents a proposal's group requires (seed 003: "wajib disertai dokumen pendukung"),
 * uploaded as the proposer's browser does: a PDF for what the checklist lists as missing (a file in all,
 * or a file tied to a section that needs its own), until nothing about evidence is listed. The test
 * helpers that complete or send a proposal call this, so what they send carries what send requires.
 */

interface MissingItem {
  code: string;
  sectionKey: string | null;
}

const EVIDENCE_CODES = ['evidence_required', 'section_evidence_required'];

/** Uploads what the proposal's checklist says is still missing; returns how many files were uploaded. */
export async function uploadRequiredEvidence(
  app: FastifyInstance,
  cookie: string,
  proposalId: number,
): Promise<number> {
  for (let uploaded = 0; uploaded < 25; uploaded++) {
    const detail = await app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}`,
      headers: { cookie },
    });
    if (detail.statusCode !== 200) throw new Error(`proposal ${proposalId}: ${detail.statusCode}`);
    const gap = (detail.json().completeness.missing as MissingItem[]).find((m) =>
      EVIDENCE_CODES.includes(m.code),
    );
    if (!gap) return uploaded;
    const form = multipartForm(
      { kind: 'evidence', ...(gap.sectionKey ? { sectionKey: gap.sectionKey } : {}) },
      [
        {
          field: 'file',
          name: `dokumen-pendukung-${uploaded + 1}.pdf`,
          content: minimalPdf(`Dokumen pendukung ${proposalId} ${uploaded + 1}`),
          type: 'application/pdf',
        },
      ],
    );
    const res = await app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie, ...form.headers },
      payload: form.payload,
    });
    if (res.statusCode !== 201) throw new Error(`evidence upload: ${res.statusCode} ${res.body}`);
  }
  throw new Error(`proposal ${proposalId}: evidence still missing after 25 files`);
}
