import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from './eligibility.js';
import {
  checkEligibility,
  sourceAwardRefusal,
  titleClaimsAhead,
  type EligibilityInput,
  type SourceAward,
} from './proposal-eligibility.js';

/*
 * The composed check, with the KIPP 2021 seed cases (closed 11 May 2021 23:59 WIB). The single rules are
 * tested one by one in eligibility.test.ts and proposal-rules.test.ts; here: that each is applied to the
 * right group, with the field the editor points at, the kind, and in form order.
 */

const CLOSES_AT = '2021-05-11T16:59:00.000Z';
const NOW = new Date('2021-04-20T03:00:00.000Z');
const INSTITUTION = { institutionId: 7, institutionName: 'Pemerintah Kabupaten Contoh' };
const YEARS_2014_2019 = [2014, 2015, 2016, 2017, 2018, 2019];

const content = {
  title: 'Layanan Jemput Bola',
  acronym: 'LJB',
  categoryId: 1,
  implementationStart: '2019-05-01',
  innovatorKind: 'team' as const,
  innovatorNames: 'Tim Dukcapil',
  contactName: 'Sari',
  contactPhone: '081234567890',
  contactEmail: 'sari@contoh.go.id',
  declarationAccepted: true,
};

const group = (key: string, over: Partial<EligibilityInput['group']> = {}): EligibilityInput['group'] => ({
  key,
  name: { id: key === 'umum' ? 'Umum' : key === 'replikasi' ? 'Replikasi' : 'Khusus', en: key },
  minImplementationMonths: key === 'replikasi' ? 12 : 24,
  invitationOnly: key === 'khusus',
  sourceYears: key === 'replikasi' ? YEARS_2014_2019 : null,
  ...over,
});

const input = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  content,
  sections: [{ key: 'ringkasan', labelId: 'Ringkasan', labelEn: 'Summary', wordLimit: 200, required: true }],
  answers: new Map([['ringkasan', 'Petugas datang ke desa.']]),
  group: group('umum'),
  closesAt: CLOSES_AT,
  timeZone: 'Asia/Jakarta',
  proposer: INSTITUTION,
  registry: [],
  sourceAwardId: null,
  sourceAward: null,
  attachmentKinds: ['evidence'],
  evidence: { rule: { minFiles: 1, sections: [] }, attached: [null] },
  otherTitles: [],
  invitations: [],
  now: NOW,
  ...over,
});

const mine = (year: number, level: RegistryEntry['level']): RegistryEntry => ({
  year,
  level,
  innovationTitle: content.title,
  institutionId: INSTITUTION.institutionId,
  institutionName: 'Kabupaten Contoh',
});

const source = (year: number, level: RegistryEntry['level'] = 'TOP99'): SourceAward => ({
  id: 40,
  year,
  level,
  innovationTitle: 'Rantang Kasih',
  institutionId: 3,
  institutionName: 'Kabupaten Banyuwangi',
});

const summary = (items: ReturnType<typeof checkEligibility>) =>
  items.map((i) => `${i.kind}:${i.code}@${i.field}`);

describe('checkEligibility', () => {
  it('passes a complete umum proposal started in May 2019 for KIPP 2021', () => {
    expect(checkEligibility(input())).toEqual([]);
  });

  it('refuses an innovation started at the end of 2020, at the start date, naming the minimum and the close', () => {
    expect(checkEligibility(input({ content: { ...content, implementationStart: '2020-12-31' } }))).toEqual([
      {
        kind: 'ineligible',
        code: 'implementation_too_recent',
        field: 'implementationStart',
        sectionKey: null,
        message: {
          id: 'Inovasi harus sudah berjalan minimal 24 bulan (2 tahun) saat pendaftaran ditutup (11 Mei 2021 23.59 WIB): tanggal mulai paling lambat 11 Mei 2019, sedangkan inovasi ini mulai 31 Desember 2020.',
          en: 'The innovation must have run for at least 24 months (2 years) when registration closes (11 May 2021 23:59 WIB): it must have started on or before 11 May 2019, and this one started on 31 December 2020.',
        },
      },
    ]);
  });

  it('lists what is missing first, then the rules; an unreadable start date is reported once', () => {
    const items = checkEligibility(
      input({
        content: { ...content, acronym: null, declarationAccepted: false, implementationStart: null },
        answers: new Map(),
        otherTitles: ['LAYANAN jemput-bola'],
      }),
    );
    expect(summary(items)).toEqual([
      'incomplete:field_required@acronym',
      'incomplete:field_required@implementationStart',
      'incomplete:section_empty@sections.ringkasan',
      'incomplete:declaration_required@declarationAccepted',
      'ineligible:duplicate_title@title',
    ]);
  });

  it('counts the awards of a past proposal confirmed as the same innovation, whatever its title and institution', () => {
    const renamedAway = (year: number, level: RegistryEntry['level']): RegistryEntry => ({
      year,
      level,
      innovationTitle: 'Si Jempol: Jemput Bola Adminduk',
      institutionId: 99,
      institutionName: 'Pemerintah Kabupaten Lain',
    });
    // In the registry only, another title of another institution is another innovation.
    expect(checkEligibility(input({ registry: [renamedAway(2020, 'TOP9')] }))).toEqual([]);
    // Confirmed as the same innovation (near-duplicate match), its Top Terpuji bars the umum group…
    expect(summary(checkEligibility(input({ sameInnovationAwards: [renamedAway(2020, 'TOP9')] })))).toEqual([
      'ineligible:umum_already_top_terpuji@title',
    ]);
    // …and two Top 99 years, one of them the confirmed proposal's, make "twice".
    expect(
      summary(
        checkEligibility(
          input({ registry: [mine(2018, 'TOP99')], sameInnovationAwards: [renamedAway(2020, 'TOP99')] }),
        ),
      ),
    ).toEqual(['ineligible:umum_top99_twice@title']);
    expect(summary(checkEligibility(input({ sameInnovationAwards: [renamedAway(2020, 'TOP99')] })))).toEqual(
      [],
    );
  });

  it('applies the umum registry rule to the title and institution: a past Top 45 is refused', () => {
    expect(summary(checkEligibility(input({ registry: [mine(2019, 'TOP45')] })))).toEqual([
      'ineligible:umum_already_top_terpuji@title',
    ]);
    expect(
      summary(checkEligibility(input({ registry: [mine(2017, 'TOP99'), mine(2019, 'TOP99')] }))),
    ).toEqual(['ineligible:umum_top99_twice@title']);
    // The same row for another institution is another innovation.
    expect(checkEligibility(input({ registry: [{ ...mine(2019, 'TOP45'), institutionId: 8 }] }))).toEqual([]);
  });

  describe('supporting documents (seed 003: "wajib disertai dokumen pendukung")', () => {
    const ringkasan = { key: 'ringkasan', labelId: 'Ringkasan', labelEn: 'Summary' };
    it('refuses a proposal without any supporting file, as a thing still to upload, before the rules', () => {
      const items = checkEligibility(
        input({
          evidence: { rule: { minFiles: 1, sections: [] }, attached: [] },
          otherTitles: ['Layanan Jemput Bola'],
        }),
      );
      expect(summary(items)).toEqual([
        'incomplete:evidence_required@attachments.evidence',
        'ineligible:duplicate_title@title',
      ]);
      expect(items[0].message).toEqual({
        id: 'Dokumen pendukung belum diunggah: wajib sekurang-kurangnya 1 berkas.',
        en: 'Supporting documents not uploaded yet: at least 1 file is required.',
      });
    });

    it('lists each section the organizer marked as needing its own document, until a file is tied to it', () => {
      const rule = { minFiles: 2, sections: [ringkasan] };
      expect(summary(checkEligibility(input({ evidence: { rule, attached: [null] } })))).toEqual([
        'incomplete:evidence_required@attachments.evidence',
        'incomplete:section_evidence_required@attachments.evidence.ringkasan',
      ]);
      expect(checkEligibility(input({ evidence: { rule, attached: [null, 'ringkasan'] } }))).toEqual([]);
    });

    it('asks nothing when the organizer set no minimum and no section', () => {
      expect(
        checkEligibility(input({ evidence: { rule: { minFiles: 0, sections: [] }, attached: [] } })),
      ).toEqual([]);
    });
  });

  describe('replikasi', () => {
    const replikasi = (over: Partial<EligibilityInput> = {}) =>
      input({
        group: group('replikasi'),
        content: { ...content, implementationStart: '2020-05-11' },
        sourceAwardId: 40,
        sourceAward: source(2019),
        attachmentKinds: ['evidence', 'replication_statement'],
        ...over,
      });

    it('passes with a Top 99 source of the configured years and the signed statement', () => {
      expect(checkEligibility(replikasi())).toEqual([]);
    });

    it('needs a source and the signed statement, both as things still to do', () => {
      expect(
        checkEligibility(
          replikasi({ sourceAwardId: null, sourceAward: null, attachmentKinds: ['evidence'] }),
        ),
      ).toEqual([
        {
          kind: 'incomplete',
          code: 'source_required',
          field: 'sourceAwardId',
          sectionKey: null,
          message: {
            id: 'Pilih inovasi Top 99 yang direplikasi dari daftar penghargaan.',
            en: 'Choose the Top 99 innovation being replicated from the award registry.',
          },
        },
        {
          kind: 'incomplete',
          code: 'attachment_required',
          field: 'attachments.replication_statement',
          sectionKey: null,
          message: {
            id: 'Lampirkan surat pernyataan replikasi yang ditandatangani (PDF).',
            en: 'Attach the signed replication statement (PDF).',
          },
        },
      ]);
      expect(summary(checkEligibility(replikasi({ sourceAward: null })))).toEqual([
        'incomplete:source_not_found@sourceAwardId',
      ]);
    });

    it('refuses a source outside the configured years at the source field; null years take any', () => {
      expect(summary(checkEligibility(replikasi({ sourceAward: source(2020) })))).toEqual([
        'ineligible:replikasi_source_not_top99@sourceAwardId',
      ]);
      expect(
        checkEligibility(
          replikasi({ sourceAward: source(2020), group: group('replikasi', { sourceYears: null }) }),
        ),
      ).toEqual([]);
    });

    it('refuses a proposer already awarded', () => {
      expect(summary(checkEligibility(replikasi({ registry: [mine(2020, 'TOP99')] })))).toEqual([
        'ineligible:replikasi_proposer_awarded@title',
      ]);
    });

    it('needs 12 months: started 11 May 2020 accepted, 12 May 2020 refused', () => {
      expect(
        summary(checkEligibility(replikasi({ content: { ...content, implementationStart: '2020-05-12' } }))),
      ).toEqual(['ineligible:implementation_too_recent@implementationStart']);
    });

    it('does not apply the umum registry rule', () => {
      expect(checkEligibility(replikasi({ registry: [source(2019)] }))).toEqual([]);
    });
  });

  describe('khusus and invitation-only groups', () => {
    const khusus = (over: Partial<EligibilityInput> = {}) =>
      input({ group: group('khusus'), registry: [mine(2019, 'TOP45')], ...over });

    it('refuses without an invitation, pointing at the group', () => {
      expect(summary(checkEligibility(khusus()))).toEqual(['ineligible:khusus_not_invited@group']);
    });

    it('accepts an invited Top Terpuji designated at least a year before', () => {
      expect(checkEligibility(khusus({ invitations: [{ award: null }] }))).toEqual([]);
      expect(summary(checkEligibility(khusus({ invitations: [{ award: null }], registry: [] })))).toEqual([
        'ineligible:khusus_not_top_terpuji@title',
      ]);
    });

    it('takes the award an invitation names as this innovation, whatever its title is now', () => {
      const named = { ...mine(2018, 'TOP40'), innovationTitle: 'Nama Lama Inovasi' };
      expect(checkEligibility(khusus({ registry: [], invitations: [{ award: named }] }))).toEqual([]);
    });

    it('needs no invitation when the organizer opened the khusus group', () => {
      expect(checkEligibility(khusus({ group: group('khusus', { invitationOnly: false }) }))).toEqual([]);
    });

    it('refuses another invitation-only group to an institution not invited', () => {
      const g = group('unggulan', { invitationOnly: true, name: { id: 'Unggulan', en: 'Flagship' } });
      expect(checkEligibility(input({ group: g }))).toEqual([
        {
          kind: 'ineligible',
          code: 'not_invited',
          field: 'group',
          sectionKey: null,
          message: {
            id: 'Kelompok Unggulan hanya untuk instansi yang diundang penyelenggara.',
            en: 'The Flagship group is only for institutions the organizer invited.',
          },
        },
      ]);
      expect(checkEligibility(input({ group: g, invitations: [{ award: null }] }))).toEqual([]);
    });
  });

  it('refuses a full quota when forwarding, and only then', () => {
    expect(checkEligibility(input({ quota: { used: 10, quota: 10 } }))).toEqual([
      {
        kind: 'ineligible',
        code: 'quota_full',
        field: 'group',
        sectionKey: null,
        message: {
          id: 'Kuota kelompok Umum untuk instansi ini sudah penuh (10/10).',
          en: "This institution's quota for the umum group is full (10/10).",
        },
      },
    ]);
    expect(checkEligibility(input({ quota: { used: 9, quota: 10 } }))).toEqual([]);
    expect(checkEligibility(input({ quota: { used: 30, quota: null } }))).toEqual([]);
  });
});

describe('titleClaimsAhead', () => {
  const at = (
    state: 'draft' | 'sent_to_local_admin' | 'returned' | 'frozen',
    sentAt: string | null,
    id = 2,
  ) => ({
    id,
    state,
    sentAt,
  });

  it('lets a draft about to be sent yield to every sent proposal, never to drafts or returned ones', () => {
    const draft = at('draft', null, 1);
    expect(titleClaimsAhead(draft, at('sent_to_local_admin', '2021-04-01T00:00:00.000Z'))).toBe(true);
    expect(titleClaimsAhead(draft, at('draft', null))).toBe(false);
    expect(titleClaimsAhead(draft, at('returned', '2021-04-01T00:00:00.000Z'))).toBe(false);
    expect(titleClaimsAhead(draft, at('frozen', null))).toBe(false);
  });

  it('between two sent proposals keeps the title with the earlier send, then the lower id', () => {
    const sent = at('sent_to_local_admin', '2021-04-02T00:00:00.000Z', 5);
    expect(titleClaimsAhead(sent, at('sent_to_local_admin', '2021-04-01T00:00:00.000Z', 9))).toBe(true);
    expect(titleClaimsAhead(sent, at('sent_to_local_admin', '2021-04-03T00:00:00.000Z', 1))).toBe(false);
    expect(titleClaimsAhead(sent, at('sent_to_local_admin', '2021-04-02T00:00:00.000Z', 4))).toBe(true);
    expect(titleClaimsAhead(sent, at('sent_to_local_admin', '2021-04-02T00:00:00.000Z', 6))).toBe(false);
  });
});

describe('sourceAwardRefusal', () => {
  it('takes a Top 99 or higher of the source years', () => {
    expect(sourceAwardRefusal(source(2019), YEARS_2014_2019)).toBeNull();
    expect(sourceAwardRefusal(source(2016, 'TOP35'), YEARS_2014_2019)).toBeNull();
    expect(sourceAwardRefusal(source(2021), null)).toBeNull();
    expect(sourceAwardRefusal(source(2020), YEARS_2014_2019)).toEqual({
      id: 'Inovasi sumber (Top 99 2020) harus dari KIPP tahun 2014–2019.',
      en: 'The source (Top 99 2020) must be from KIPP 2014–2019.',
    });
  });
});
