import { describe, expect, it } from 'vitest';
import { kippTemplate } from './competition-template.js';
import { TEMPLATE_PRESET_IDS } from './competition-presets.js';
import { khususInviter, nameInviterIn, TEMPLATE_INVITER_PHRASE } from './khusus-inviter.js';

const khusus = () => {
  const g = kippTemplate({ year: 2026 }).groups.find((x) => x.key === 'khusus');
  if (!g) throw new Error('the template has no khusus group');
  return { id: g.descriptionId, en: g.descriptionEn };
};

describe('khususInviter', () => {
  it.each([
    ['none given', null, 'Menteri PANRB'],
    [
      'KemenPAN-RB',
      { name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi' },
      'Menteri PANRB',
    ],
    ['KemenPAN-RB by short name', { name: 'Kementerian X', shortName: 'KemenPAN-RB' }, 'Menteri PANRB'],
    ['a province', { name: 'Pemerintah Provinsi Banten', shortName: 'Banten' }, 'Pemerintah Provinsi Banten'],
    ['a city', { name: 'Pemerintah Kota Malang' }, 'Pemerintah Kota Malang'],
  ])('%s', (_n, organizer, expected) => {
    expect(khususInviter(organizer).id).toBe(expected);
  });
});

describe('nameInviterIn (the template khusus description)', () => {
  it('the template says the phrase that is replaced', () => {
    expect(khusus().id).toContain(TEMPLATE_INVITER_PHRASE.id);
    expect(khusus().en).toContain(TEMPLATE_INVITER_PHRASE.en);
  });

  it('names a province as the one who invites, and no longer the Minister', () => {
    const d = nameInviterIn(khusus(), { name: 'Pemerintah Provinsi Banten' });
    expect(d.id).toMatch(/^Hanya atas undangan Pemerintah Provinsi Banten\. Top Inovasi/);
    expect(d.en).toMatch(/^By invitation of Pemerintah Provinsi Banten only\. Outstanding/);
    expect(`${d.id} ${d.en}`).not.toMatch(/Menteri|Minister/);
  });

  it('keeps the Minister for KemenPAN-RB', () => {
    const d = nameInviterIn(khusus(), { name: 'Kementerian PANRB' });
    expect(d.id).toMatch(/^Hanya atas undangan Menteri PANRB\. /);
    expect(d.en).toMatch(/^By invitation of the Minister \(PANRB\) only\. /);
  });

  it('leaves a description the organizer wrote itself alone', () => {
    const own = { id: 'Undangan Gubernur.', en: null };
    expect(nameInviterIn(own, { name: 'Pemerintah Provinsi Banten' })).toEqual(own);
  });
});

describe('every template preset names its inviter', () => {
  it.each(TEMPLATE_PRESET_IDS.map((p) => [p]))(
    '%s: the khusus description carries the phrase replaced',
    (preset) => {
      const g = kippTemplate({ year: 2026, preset }).groups.find((x) => x.key === 'khusus');
      if (!g) return expect(preset).toBe('kipp-2025'); // 2025 has no khusus group (umum and replikasi)
      const named = nameInviterIn(
        { id: g.descriptionId, en: g.descriptionEn },
        { name: 'Pemerintah Provinsi Banten' },
      );
      expect(named.id).toContain('Hanya atas undangan Pemerintah Provinsi Banten.');
      expect(named.en).toContain('By invitation of Pemerintah Provinsi Banten only.');
    },
  );
});
