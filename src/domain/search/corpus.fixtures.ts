/*
 * A fixed corpus of six innovations for the ranking tests (rank.test.ts, and the same order on SQLite and
 * PostgreSQL in test/search-parity.test.ts), with the order each query must give.
 */
import type { FieldTexts } from './fields.js';

/** A fixed corpus of six innovations (id → title, acronym, answers). */
export const CORPUS: Readonly<Record<string, FieldTexts>> = {
  'inv-1': {
    title: 'Layanan Kependudukan Keliling ke Desa',
    acronym: 'LAKUDESA',
    answers: 'Petugas Disdukcapil datang ke balai desa untuk perekaman e-KTP dan akta kelahiran.',
  },
  'inv-2': {
    title: 'Pelayanan Terpadu di Kecamatan',
    acronym: 'PATEN',
    answers: 'Warga mengurus perizinan dan surat keterangan kependudukan di kantor kecamatan tanpa antre.',
  },
  'inv-3': {
    title: 'Desa Wisata Cerdas',
    acronym: 'DEWI',
    answers:
      'Pelayanan informasi wisata desa dikelola badan usaha milik desa; pemandu dari warga desa dilatih setiap bulan.',
  },
  'inv-4': {
    title: 'Posyandu Digital',
    acronym: 'SIPANDU',
    answers: 'Kader posyandu di desa mencatat tumbuh kembang balita dan mengirim pengingat imunisasi.',
  },
  'inv-5': {
    title: 'Antrean Daring Rumah Sakit',
    acronym: 'ANDARING',
    answers: 'Pasien RSUD mendaftar dari rumah dan datang pada jam yang ditentukan.',
  },
  'inv-6': {
    title: 'Akta Kelahiran Langsung Jadi',
    acronym: 'SI-PENDUDUK',
    answers: 'Bayi yang lahir di rumah sakit pulang membawa akta kelahiran dan kartu keluarga baru.',
  },
};

/** Queries and the exact order of the innovations they find in CORPUS. */
export const EXPECTED_ORDERS: readonly (readonly [string, readonly string[]])[] = [
  ['pelayanan kependudukan desa', ['inv-1', 'inv-3', 'inv-2', 'inv-4', 'inv-6']],
  ['akta kelahiran', ['inv-6', 'inv-1']],
  // "RSUD" is that hospital, not any "rumah sakit"; "rumah sakit" finds both.
  ['RSUD', ['inv-5']],
  ['rumah sakit', ['inv-5', 'inv-6']],
  // The title, then the short acronym (weight 2), then the long answers.
  ['kependudukan', ['inv-1', 'inv-6', 'inv-2']],
  ['Disdukcapil', ['inv-1']],
  ['dinas kependudukan dan pencatatan sipil', ['inv-1', 'inv-4', 'inv-6', 'inv-2']],
];
