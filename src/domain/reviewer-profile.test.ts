import { describe, expect, it } from 'vitest';
import { checkProfile, type ProfileFacts } from './reviewer-profile.js';

const facts: ProfileFacts = {
  categoryKeys: ['pelayanan_publik', 'tata_kelola'],
  institutions: new Map([
    [1, { regionCode: '32', name: 'Pemerintah Provinsi Jawa Barat' }],
    [2, { regionCode: null, name: 'Kementerian Uji' }],
  ]),
};

describe('a reviewer profile', () => {
  it('takes a registry affiliation with its name and region', () => {
    const r = checkProfile({ affiliationInstitutionId: 1, expertise: ['tata_kelola'], conflicts: [] }, facts);
    expect(r).toEqual({
      ok: true,
      profile: {
        affiliationInstitutionId: 1,
        affiliationName: 'Pemerintah Provinsi Jawa Barat',
        regionCode: '32',
        expertise: ['tata_kelola'],
        conflicts: [],
      },
    });
  });

  it('takes a free-text affiliation and the region given', () => {
    const r = checkProfile(
      {
        affiliationName: 'Universitas Padjadjaran',
        regionCode: '32.73',
        expertise: ['tata_kelola'],
        conflicts: [],
      },
      facts,
    );
    expect(r.ok && r.profile).toMatchObject({ affiliationInstitutionId: null, regionCode: '32.73' });
  });

  it('names every wrong field in both languages', () => {
    const r = checkProfile(
      {
        affiliationInstitutionId: 9,
        expertise: ['olahraga'],
        conflicts: [{ institutionId: 2 }, { institutionId: 7 }],
      },
      facts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v.code]))).toEqual({
      affiliationInstitutionId: 'unknown_institution',
      expertise: 'unknown_category',
      'conflicts.1.institutionId': 'unknown_institution',
    });
    expect(r.fields.expertise!.message).toEqual({
      id: 'Kategori tidak dikenal di kompetisi ini: olahraga.',
      en: 'Categories not in this competition: olahraga.',
    });
  });

  it('requires an affiliation and at least one category', () => {
    const r = checkProfile({ affiliationName: '  ', expertise: [], conflicts: [] }, facts);
    expect(r.ok ? null : Object.keys(r.fields)).toEqual(['affiliationName', 'expertise']);
  });

  it('keeps one conflict per institution, the first note', () => {
    const r = checkProfile(
      {
        affiliationName: 'Universitas X',
        expertise: ['tata_kelola', 'tata_kelola'],
        conflicts: [
          { institutionId: 2, note: 'pertama' },
          { institutionId: 2, note: 'kedua' },
        ],
      },
      facts,
    );
    expect(r.ok && r.profile).toMatchObject({
      expertise: ['tata_kelola'],
      conflicts: [{ institutionId: 2, note: 'pertama' }],
    });
  });
});
