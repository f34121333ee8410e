import { stemmer } from '@orama/stemmers/indonesian';
import { describe, expect, it } from 'vitest';
import { EXCEPTIONS, ROOTS, stem } from './stem.js';

/** Each line: words people write for one idea, which must share one stem. */
const FAMILIES: readonly (readonly [string, readonly string[]])[] = [
  ['layan', ['pelayanan', 'layanan', 'melayani', 'pelayan', 'dilayani']],
  ['duduk', ['kependudukan', 'penduduk', 'kependudukannya', 'penduduknya']],
  ['catat', ['pencatatan', 'catatan', 'mencatat', 'dicatat']],
  ['sehat', ['kesehatan', 'sehat']],
  ['didik', ['pendidikan', 'pendidik', 'didik']],
  ['perintah', ['pemerintah', 'pemerintahan', 'perintah']],
  ['desa', ['desa', 'pedesaan', 'perdesaan']],
  ['bangun', ['pembangunan', 'membangun', 'bangun']],
  ['lanjut', ['berkelanjutan', 'keberlanjutan', 'melanjutkan', 'lanjut']],
  ['tani', ['pertanian', 'petani', 'tani']],
  ['kelola', ['pengelolaan', 'mengelola', 'dikelola', 'pengelola', 'kelola']],
  ['tanam', ['penanaman', 'menanam', 'tanaman']],
  ['rencana', ['perencanaan', 'merencanakan', 'rencana']],
  ['rumah', ['perumahan', 'rumah']],
  ['pegawai', ['pegawai', 'kepegawaian']],
  ['nilai', ['penilaian', 'nilai', 'menilai', 'dinilai']],
  ['mudah', ['mempermudah', 'kemudahan', 'memudahkan', 'mudah']],
  ['kerja', ['ketenagakerjaan', 'pekerjaan', 'bekerja', 'pekerja']],
  ['manfaat', ['pemanfaatan', 'memanfaatkan', 'manfaat']],
  ['menang', ['pemenang', 'kemenangan', 'menang']],
  ['kembang', ['pengembangan', 'berkembang', 'perkembangan']],
  ['adu', ['pengaduan', 'aduan', 'mengadu']],
  ['awas', ['pengawasan', 'pengawas', 'mengawasi']],
  ['tingkat', ['peningkatan', 'meningkatkan', 'tingkat']],
  ['periksa', ['pemeriksaan', 'memeriksa', 'periksa']],
  ['terima', ['penerimaan', 'menerima', 'terima']],
  ['antre', ['antrean', 'antrian', 'mengantre', 'antre']],
  ['nikah', ['pernikahan', 'menikah', 'nikah']],
  ['kendara', ['kendaraan', 'berkendara']],
  ['keluarga', ['keluarga', 'berkeluarga']],
  ['digital', ['digital', 'digitalisasi']],
];

describe('stem', () => {
  it.each(FAMILIES)('the words of "%s" share that stem', (root, words) => {
    expect(words.map(stem)).toEqual(words.map(() => root));
  });

  it('fixes what the Snowball rules alone get wrong (the reason for the tables)', () => {
    expect(stemmer('kependudukan')).toBe('nduduk');
    expect(stemmer('penduduk')).toBe('duduk');
    expect(stemmer('pengelolaan')).toBe('elola');
    expect(stemmer('nilai')).toBe('nila');
    expect(stemmer('perempuan')).toBe('empu');
    expect([stem('kependudukan'), stem('pengelolaan'), stem('nilai'), stem('perempuan')]).toEqual([
      'duduk',
      'kelola',
      'nilai',
      'perempuan',
    ]);
  });

  it('keeps names, loan words, numbers and other scripts as they are', () => {
    expect(['tangerang', 'inovasi', 'posyandu', 'stunting', '2024', 'ktp', 'مرحبا'].map(stem)).toEqual([
      'tangerang',
      'inovasi',
      'posyandu',
      'stunting',
      '2024',
      'ktp',
      'مرحبا',
    ]);
  });

  it('keeps every root whole, and maps every exception to a root or a stem the rules agree with', () => {
    for (const root of ROOTS) expect(stem(root)).toBe(root);
    for (const [word, target] of Object.entries(EXCEPTIONS)) expect(stem(word)).toBe(target);
  });

  it('reads words named like object properties as words', () => {
    for (const word of ['constructor', 'tostring', 'hasownproperty', 'valueof'])
      expect(stem(word)).toBe(stemmer(word));
  });
});
