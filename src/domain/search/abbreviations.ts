/*
 * The abbreviations people type when they search public services, and what they stand for. Keys are
 * normalized words (lower case, no dots: "Kab." is read as "kab", "e-KTP" as "ektp").
 *
 * Two kinds:
 * - ALIASES: another way to write one word ("Kab." = "Kabupaten"). The alias is read as that word: both
 *   give the same term, nothing else.
 * - ABBREVIATIONS: a name of several words ("RSUD" = "Rumah Sakit Umum Daerah"). Read both ways by
 *   analyze.ts: the abbreviation gives its own term and the terms of its name; the name written in full
 *   gives the abbreviation's term too. So "RSUD" finds "rumah sakit umum daerah" and the reverse.
 * A name may use another abbreviation ("ektp" → "ktp elektronik").
 */

export const ALIASES: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kec: 'kecamatan',
  kel: 'kelurahan',
  ds: 'desa',
  prov: 'provinsi',
  propinsi: 'provinsi',
  kemen: 'kementerian',
  puskes: 'puskesmas',
};

export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // Governments.
  pemkab: 'pemerintah kabupaten',
  pemkot: 'pemerintah kota',
  pemprov: 'pemerintah provinsi',
  pemdes: 'pemerintah desa',
  pemda: 'pemerintah daerah',
  opd: 'organisasi perangkat daerah',
  skpd: 'satuan kerja perangkat daerah',
  kemenpanrb: 'kementerian pendayagunaan aparatur negara dan reformasi birokrasi',
  // Offices.
  disdukcapil: 'dinas kependudukan dan pencatatan sipil',
  dukcapil: 'kependudukan dan pencatatan sipil',
  dinkes: 'dinas kesehatan',
  disdik: 'dinas pendidikan',
  dinsos: 'dinas sosial',
  dishub: 'dinas perhubungan',
  bappeda: 'badan perencanaan pembangunan daerah',
  upt: 'unit pelaksana teknis',
  uptd: 'unit pelaksana teknis daerah',
  ptsp: 'pelayanan terpadu satu pintu',
  dpmptsp: 'dinas penanaman modal dan pelayanan terpadu satu pintu',
  mpp: 'mal pelayanan publik',
  samsat: 'sistem administrasi manunggal satu atap',
  // Health.
  rsud: 'rumah sakit umum daerah',
  rs: 'rumah sakit',
  puskesmas: 'pusat kesehatan masyarakat',
  posyandu: 'pos pelayanan terpadu',
  bpjs: 'badan penyelenggara jaminan sosial',
  // Documents.
  ktp: 'kartu tanda penduduk',
  ektp: 'ktp elektronik',
  kk: 'kartu keluarga',
  kia: 'kartu identitas anak',
  // People and enterprises.
  asn: 'aparatur sipil negara',
  pns: 'pegawai negeri sipil',
  umkm: 'usaha mikro kecil dan menengah',
  bumdes: 'badan usaha milik desa',
  pdam: 'perusahaan daerah air minum',
  // The competition itself.
  kipp: 'kompetisi inovasi pelayanan publik',
};

/** Whether a word written with a hyphen is one abbreviation when joined ("e-KTP" → "ektp"). */
export function isAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word) || Object.hasOwn(ALIASES, word);
}
