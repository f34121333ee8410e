import type { OpenDataColumn } from '../../../../contracts/gallery-data.js';

/*
 * The open data's columns as the page /galeri/data explains them (docs/open-data.md says the same): the
 * type, the meaning in Bahasa Indonesia and English, and an example. The JSON item carries the same facts
 * nested as GET /api/public/gallery/:slug answers them.
 */
export interface OpenDataField {
  field: OpenDataColumn;
  type: string;
  meaning: { id: string; en: string };
  example: string;
}

export const OPEN_DATA_FIELDS: readonly OpenDataField[] = [
  {
    field: 'slug',
    type: 'teks / text',
    meaning: { id: 'Alamat tetap inovasi di galeri.', en: "The innovation's stable address in the gallery." },
    example: 'kipp-2026-00042',
  },
  {
    field: 'url',
    type: 'URL',
    meaning: { id: 'Halaman inovasi.', en: "The innovation's page." },
    example: 'https://sinovik.example/galeri/kipp-2026-00042',
  },
  {
    field: 'api',
    type: 'URL',
    meaning: { id: 'Data inovasi dalam JSON.', en: "The innovation's data as JSON." },
    example: 'https://sinovik.example/api/public/gallery/kipp-2026-00042',
  },
  {
    field: 'title',
    type: 'teks / text',
    meaning: { id: 'Judul inovasi.', en: 'Title of the innovation.' },
    example: 'Jemput Bola Pelayanan Kependudukan Desa',
  },
  {
    field: 'acronym',
    type: 'teks, boleh kosong / text, may be empty',
    meaning: { id: 'Akronim atau nama singkat.', en: 'Acronym or short name.' },
    example: 'JEMPOL',
  },
  {
    field: 'summary',
    type: 'teks / text',
    meaning: { id: 'Ringkasan publik inovasi.', en: 'Public summary of the innovation.' },
    example: 'Disdukcapil mendatangi warga desa…',
  },
  {
    field: 'year',
    type: 'bilangan / integer',
    meaning: { id: 'Tahun kompetisi.', en: 'Year of the competition.' },
    example: '2026',
  },
  {
    field: 'competition_id',
    type: 'bilangan / integer',
    meaning: {
      id: 'Nomor kompetisi (saringan competitionId).',
      en: 'Competition number (the competitionId filter).',
    },
    example: '3',
  },
  {
    field: 'competition_code',
    type: 'teks / text',
    meaning: { id: 'Kode kompetisi.', en: 'Competition code.' },
    example: 'KIPP-2026',
  },
  {
    field: 'competition_name',
    type: 'teks / text',
    meaning: { id: 'Nama kompetisi.', en: 'Competition name.' },
    example: 'Kompetisi Inovasi Pelayanan Publik 2026',
  },
  {
    field: 'category_key',
    type: 'kode, boleh kosong / key, may be empty',
    meaning: { id: 'Kode kategori (saringan category).', en: 'Category key (the category filter).' },
    example: 'kesehatan',
  },
  {
    field: 'category_name_id',
    type: 'teks / text',
    meaning: { id: 'Nama kategori dalam Bahasa Indonesia.', en: 'Category name in Indonesian.' },
    example: 'Kesehatan',
  },
  {
    field: 'category_name_en',
    type: 'teks / text',
    meaning: { id: 'Nama kategori dalam bahasa Inggris.', en: 'Category name in English.' },
    example: 'Health',
  },
  {
    field: 'group_key',
    type: 'kode / key',
    meaning: { id: 'Kode kelompok (umum, replikasi, khusus).', en: 'Group key (umum, replikasi, khusus).' },
    example: 'umum',
  },
  {
    field: 'group_name_id',
    type: 'teks / text',
    meaning: { id: 'Nama kelompok dalam Bahasa Indonesia.', en: 'Group name in Indonesian.' },
    example: 'Kelompok Umum',
  },
  {
    field: 'group_name_en',
    type: 'teks / text',
    meaning: { id: 'Nama kelompok dalam bahasa Inggris.', en: 'Group name in English.' },
    example: 'General group',
  },
  {
    field: 'institution_name',
    type: 'teks / text',
    meaning: { id: 'Instansi pemilik inovasi.', en: 'Institution that owns the innovation.' },
    example: 'Pemerintah Kabupaten Tangerang',
  },
  {
    field: 'participant_type',
    type: 'kode / key',
    meaning: {
      id: 'Jenis instansi (kementerian, lembaga, pemerintah_provinsi, pemerintah_kabupaten, pemerintah_kota, bumn, bumd).',
      en: 'Type of institution (kementerian, lembaga, pemerintah_provinsi, pemerintah_kabupaten, pemerintah_kota, bumn, bumd).',
    },
    example: 'pemerintah_kabupaten',
  },
  {
    field: 'province_code',
    type: 'kode 2 angka, boleh kosong / 2-digit code, may be empty',
    meaning: {
      id: 'Kode provinsi Kemendagri; kosong untuk instansi pusat.',
      en: 'Province code (Kemendagri); empty for national institutions.',
    },
    example: '36',
  },
  {
    field: 'province_name',
    type: 'teks / text',
    meaning: { id: 'Nama provinsi.', en: 'Province name.' },
    example: 'Banten',
  },
  {
    field: 'regency_code',
    type: 'kode NN.NN, boleh kosong / NN.NN code, may be empty',
    meaning: { id: 'Kode kabupaten/kota Kemendagri.', en: 'Regency/city code (Kemendagri).' },
    example: '36.03',
  },
  {
    field: 'regency_name',
    type: 'teks / text',
    meaning: { id: 'Nama kabupaten/kota.', en: 'Regency/city name.' },
    example: 'Kabupaten Tangerang',
  },
  {
    field: 'awards',
    type: 'daftar kode dipisah ; / codes separated by ;',
    meaning: {
      id: 'Penghargaan, tertinggi lebih dulu (TOP99 = finalis).',
      en: 'Award levels, highest first (TOP99 = finalist).',
    },
    example: 'TOP45;TOP99',
  },
  {
    field: 'basis',
    type: 'finalist | consented',
    meaning: {
      id: 'Alasan tampil: finalis hasil yang diumumkan, atau persetujuan instansi.',
      en: 'Why it is public: finalist of published results, or consent of the institution.',
    },
    example: 'finalist',
  },
  {
    field: 'published_at',
    type: 'waktu ISO 8601 UTC / ISO 8601 UTC instant',
    meaning: { id: 'Pertama kali tampil di galeri.', en: 'First shown in the gallery.' },
    example: '2026-10-15T03:00:00.000Z',
  },
  {
    field: 'updated_at',
    type: 'waktu ISO 8601 UTC / ISO 8601 UTC instant',
    meaning: { id: 'Terakhir diperbarui.', en: 'Last updated.' },
    example: '2026-10-15T03:00:00.000Z',
  },
];
