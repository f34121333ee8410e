import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../src/contracts/competitions.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { minimalPdf, multipartForm } from './helpers/multipart.js';

/*
 * Seed 003: "wajib disertai dokumen pendukung yang relevan". A proposal carries at least one supporting
 * file (the default of every group) and one per section the organizer marks; send and forward refuse with
 * the missing items listed, and the editor's checklist shows them.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('required supporting documents', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const { secretariat, ...kipp } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Dokumen',
      now: NOW,
    });
    competitionId = kipp.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Dokumen' });
    const unit = await makeUnit(ctx.db, a.id, 'Dinas Dokumen');
    const made = {
      secretariat,
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unit.id }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id }),
    };
    for (const [k, u] of Object.entries(made)) cookie[k] = await sessionCookie(ctx, u.id);
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });

  const upload = async (proposalId: number, sectionKey?: string) => {
    const form = multipartForm({ kind: 'evidence', ...(sectionKey ? { sectionKey } : {}) }, [
      { field: 'file', name: 'sk-inovasi.pdf', content: minimalPdf('SK Inovasi'), type: 'application/pdf' },
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: cookie.upp, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(201);
  };

  /** A proposal with every field and section filled, and no file. */
  const filledDraft = async (title: string): Promise<ProposalDetail> => {
    const created = await call('upp', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(created.statusCode).toBe(201);
    const p: ProposalDetail = created.json();
    const saved = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'DOKU',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Dokumen',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@dokumen.go.id',
      declarationAccepted: true,
      answers: p.form.map((s) => ({ sectionKey: s.key, text: `Jawaban ${s.key}: petugas melayani warga.` })),
    });
    expect(saved.statusCode).toBe(200);
    return { ...p, ...(saved.json() as Partial<ProposalDetail>) };
  };

  const NO_FILE = {
    kind: 'incomplete',
    code: 'evidence_required',
    field: 'attachments.evidence',
    sectionKey: null,
    message: {
      id: 'Dokumen pendukung belum diunggah: wajib sekurang-kurangnya 1 berkas.',
      en: 'Supporting documents not uploaded yet: at least 1 file is required.',
    },
  };

  it('lists the missing supporting document in the checklist and refuses the send with it; one file lets it go', async () => {
    const p = await filledDraft('Layanan Tanpa Berkas');
    expect(p.completeness).toEqual({ complete: false, missing: [NO_FILE] });

    const refused = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.code).toBe('proposal_incomplete');
    expect(refused.json().error.missing).toEqual([NO_FILE]);
    expect((await call('upp', 'GET', `/proposals/${p.id}`)).json().state).toBe('draft');

    await upload(p.id);
    expect((await call('upp', 'GET', `/proposals/${p.id}`)).json().completeness).toEqual({
      complete: true,
      missing: [],
    });
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
  });

  it('lets the organizer require a document for a section (by amendment); forward then refuses until one is tied to it', async () => {
    const p = await filledDraft('Layanan Berkas Per Bagian');
    await upload(p.id);
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);

    const d: CompetitionDetail = (await call('secretariat', 'GET', `/competitions/${competitionId}`)).json();
    const umum = d.groups.findIndex((g) => g.key === 'umum');
    expect(d.groups[umum].evidenceMin).toBe(1);
    const section = d.groups[umum].sections.find((s) => s.key === 'implementasi')!;
    expect(section.evidenceRequired).toBe(false);
    const body = {
      code: d.code,
      name: d.name,
      year: d.year,
      theme: d.theme,
      description: d.description,
      timeZone: d.timeZone,
      settings: d.settings,
      categories: d.categories.map(({ id: _id, ...c }) => c),
      groups: d.groups.map(({ id: _id, sections, ...g }) => ({
        ...g,
        sections: sections.map(({ id: _sid, ...s }) => ({
          ...s,
          evidenceRequired: g.key === 'umum' && s.key === 'implementasi',
        })),
      })),
      stages: d.stages.map(({ id: _id, ...s }) => s),
    };
    // A rule participants are judged by: refused without an amendment, then recorded with one.
    const bare = await call('secretariat', 'PUT', `/competitions/${competitionId}`, body);
    expect(bare.statusCode).toBe(409);
    expect(bare.json().error.code).toBe('amendment_required');
    const amended = await call('secretariat', 'PUT', `/competitions/${competitionId}`, {
      ...body,
      amendment: { number: 'B/12/2026', reasonId: 'Bukti implementasi wajib dilampirkan.' },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const after: CompetitionDetail = amended.json();
    expect(after.groups[umum].sections.find((s) => s.key === 'implementasi')!.evidenceRequired).toBe(true);
    expect(after.amendments[0].changes).toEqual([
      {
        id: 'Kelompok “Umum”, bagian “Implementasi Inovasi”: kini wajib disertai dokumen pendukung',
        en: 'Group “General”, section “Implementation”: now needs a supporting document',
      },
    ]);

    const SECTION_MISSING = {
      kind: 'incomplete',
      code: 'section_evidence_required',
      field: 'attachments.evidence.implementasi',
      sectionKey: 'implementasi',
      message: {
        id: 'Dokumen pendukung belum diunggah untuk bagian "Implementasi Inovasi".',
        en: 'Supporting document not uploaded yet for the section "Implementation".',
      },
    };
    const forward = await call('admin', 'POST', `/proposals/${p.id}/forward`);
    expect(forward.statusCode).toBe(422);
    expect(forward.json().error.missing).toEqual([SECTION_MISSING]);
    expect((await call('admin', 'GET', `/proposals/${p.id}`)).json().state).toBe('sent_to_local_admin');

    // Returned, the proposer ties a file to the section and sends again; now it goes on.
    const back = await call('admin', 'POST', `/proposals/${p.id}/return`, {
      note: 'Lampirkan bukti implementasi.',
    });
    expect(back.statusCode).toBe(200);
    expect((await call('upp', 'GET', `/proposals/${p.id}`)).json().completeness.missing).toEqual([
      SECTION_MISSING,
    ]);
    await upload(p.id, 'implementasi');
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    expect((await call('admin', 'POST', `/proposals/${p.id}/forward`)).statusCode).toBe(200);
  });

  it('refuses a minimum of files that is not a whole number from 0 to 20, at the field', async () => {
    const d: CompetitionDetail = (await call('secretariat', 'GET', `/competitions/${competitionId}`)).json();
    const body = {
      code: d.code,
      name: d.name,
      year: d.year,
      theme: d.theme,
      description: d.description,
      timeZone: d.timeZone,
      settings: d.settings,
      categories: d.categories.map(({ id: _id, ...c }) => c),
      groups: d.groups.map(({ id: _id, sections, ...g }, i) => ({
        ...g,
        evidenceMin: i === 0 ? -1 : g.evidenceMin,
        sections: sections.map(({ id: _sid, ...s }) => s),
      })),
      stages: d.stages.map(({ id: _id, ...s }) => s),
      amendment: { number: 'B/13/2026', reasonId: 'Uji.' },
    };
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['groups.0.evidenceMin'].message).toEqual({
      id: 'Jumlah dokumen pendukung wajib berupa bilangan bulat 0 sampai 20.',
      en: 'The number of required supporting documents is a whole number from 0 to 20.',
    });
  });
});
