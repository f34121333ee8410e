import { getProvinces, getRegencies } from 'idn-area-data';
import type { Db } from '../db/connect.js';
import type { InstitutionType } from '../db/schema.js';
import { nameKey, regionKey, regionalInstitutions } from '../domain/institutions.js';

/** Institutions the demo (and tests) refer to by name. */
export const KEMENPAN_RB_NAME = 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi';
export const KALTIM_PROVINCE_NAME = 'Pemerintah Provinsi Kalimantan Timur';
export const TANGERANG_REGENCY_NAME = 'Pemerintah Kabupaten Tangerang';

interface Agency {
  type: InstitutionType;
  name: string;
  shortName: string | null;
  /** For a BUMD: the region code of the government that owns it (its parent). */
  ownerRegionCode?: string;
}

const k = (name: string, shortName: string): Agency => ({ type: 'kementerian', name, shortName });
const l = (name: string, shortName: string | null): Agency => ({ type: 'lembaga', name, shortName });
const n = (name: string, shortName: string): Agency => ({ type: 'bumn', name, shortName });
const d = (name: string, shortName: string, ownerRegionCode: string): Agency => ({
  type: 'bumd',
  name,
  shortName,
  ownerRegionCode,
});

/** The ministries of the current cabinet (Kabinet Merah Putih) with the short names people use. */
export const MINISTRIES: readonly Agency[] = [
  k('Kementerian Koordinator Bidang Politik dan Keamanan', 'Kemenko Polkam'),
  k(
    'Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan',
    'Kemenko Kumham Imipas',
  ),
  k('Kementerian Koordinator Bidang Perekonomian', 'Kemenko Perekonomian'),
  k('Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan', 'Kemenko PMK'),
  k('Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan', 'Kemenko IPK'),
  k('Kementerian Koordinator Bidang Pangan', 'Kemenko Pangan'),
  k('Kementerian Koordinator Bidang Pemberdayaan Masyarakat', 'Kemenko PM'),
  k('Kementerian Sekretariat Negara', 'Kemensetneg'),
  k('Kementerian Dalam Negeri', 'Kemendagri'),
  k('Kementerian Luar Negeri', 'Kemenlu'),
  k('Kementerian Pertahanan', 'Kemhan'),
  k('Kementerian Agama', 'Kemenag'),
  k('Kementerian Hukum', 'Kemenkum'),
  k('Kementerian Hak Asasi Manusia', 'KemenHAM'),
  k('Kementerian Imigrasi dan Pemasyarakatan', 'Kemenimipas'),
  k('Kementerian Keuangan', 'Kemenkeu'),
  k('Kementerian Pendidikan Dasar dan Menengah', 'Kemendikdasmen'),
  k('Kementerian Pendidikan Tinggi, Sains, dan Teknologi', 'Kemdiktisaintek'),
  k('Kementerian Kebudayaan', 'Kemenbud'),
  k('Kementerian Kesehatan', 'Kemenkes'),
  k('Kementerian Sosial', 'Kemensos'),
  k('Kementerian Ketenagakerjaan', 'Kemnaker'),
  k('Kementerian Perlindungan Pekerja Migran Indonesia', 'KemenP2MI'),
  k('Kementerian Perindustrian', 'Kemenperin'),
  k('Kementerian Perdagangan', 'Kemendag'),
  k('Kementerian Energi dan Sumber Daya Mineral', 'Kementerian ESDM'),
  k('Kementerian Pekerjaan Umum', 'Kementerian PU'),
  k('Kementerian Perumahan dan Kawasan Permukiman', 'Kementerian PKP'),
  k('Kementerian Desa dan Pembangunan Daerah Tertinggal', 'Kemendes PDT'),
  k('Kementerian Transmigrasi', 'Kementrans'),
  k('Kementerian Perhubungan', 'Kemenhub'),
  k('Kementerian Komunikasi dan Digital', 'Komdigi'),
  k('Kementerian Pertanian', 'Kementan'),
  k('Kementerian Kehutanan', 'Kemenhut'),
  k('Kementerian Kelautan dan Perikanan', 'KKP'),
  k('Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional', 'ATR/BPN'),
  k(
    'Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional',
    'Kementerian PPN/Bappenas',
  ),
  k(KEMENPAN_RB_NAME, 'KemenPAN-RB'),
  k(
    'Kementerian Kependudukan dan Pembangunan Keluarga/Badan Kependudukan dan Keluarga Berencana Nasional',
    'Kemendukbangga/BKKBN',
  ),
  k('Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup', 'KLH/BPLH'),
  k('Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal', 'Kementerian Investasi/BKPM'),
  k('Kementerian Koperasi', 'Kemenkop'),
  k('Kementerian Usaha Mikro, Kecil, dan Menengah', 'Kementerian UMKM'),
  k('Kementerian Pariwisata', 'Kemenpar'),
  k('Kementerian Ekonomi Kreatif/Badan Ekonomi Kreatif', 'Kemenekraf'),
  k('Kementerian Pemberdayaan Perempuan dan Perlindungan Anak', 'KemenPPPA'),
  k('Kementerian Pemuda dan Olahraga', 'Kemenpora'),
  k('Kementerian Haji dan Umrah', 'Kemenhaj'),
];

/** Non-ministerial agencies, state institutions and other central bodies that take part. */
export const AGENCIES: readonly Agency[] = [
  l('Lembaga Administrasi Negara', 'LAN'),
  l('Badan Kepegawaian Negara', 'BKN'),
  l('Badan Pusat Statistik', 'BPS'),
  l('Badan Pengawas Obat dan Makanan', 'BPOM'),
  l('Badan Nasional Penanggulangan Bencana', 'BNPB'),
  l('Badan Meteorologi, Klimatologi, dan Geofisika', 'BMKG'),
  l('Badan Penyelenggara Jaminan Produk Halal', 'BPJPH'),
  l('Badan Riset dan Inovasi Nasional', 'BRIN'),
  l('Badan Siber dan Sandi Negara', 'BSSN'),
  l('Badan Narkotika Nasional', 'BNN'),
  l('Badan Nasional Penanggulangan Terorisme', 'BNPT'),
  l('Badan Informasi Geospasial', 'BIG'),
  l('Badan Standardisasi Nasional', 'BSN'),
  l('Badan Pengawasan Keuangan dan Pembangunan', 'BPKP'),
  l('Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', 'LKPP'),
  l('Arsip Nasional Republik Indonesia', 'ANRI'),
  l('Perpustakaan Nasional Republik Indonesia', 'Perpusnas'),
  l('Badan Pangan Nasional', 'Bapanas'),
  l('Badan Gizi Nasional', 'BGN'),
  l('Badan Keamanan Laut', 'Bakamla'),
  l('Badan Nasional Pencarian dan Pertolongan', 'Basarnas'),
  l('Badan Pengawas Tenaga Nuklir', 'Bapeten'),
  l('Badan Intelijen Negara', 'BIN'),
  l('Badan Nasional Pengelola Perbatasan', 'BNPP'),
  l('Badan Karantina Indonesia', 'Barantin'),
  l('Badan Pengusahaan Kawasan Perdagangan Bebas dan Pelabuhan Bebas Batam', 'BP Batam'),
  l('Otorita Ibu Kota Nusantara', 'OIKN'),
  l('Lembaga Ketahanan Nasional Republik Indonesia', 'Lemhannas'),
  l('Badan Pengaturan Badan Usaha Milik Negara', 'BP BUMN'),
  l('Badan Pengelola Investasi Daya Anagata Nusantara', 'Danantara'),
  l('Badan Pengelola Keuangan Haji', 'BPKH'),
  l('Badan Penyelenggara Jaminan Sosial Kesehatan', 'BPJS Kesehatan'),
  l('Badan Penyelenggara Jaminan Sosial Ketenagakerjaan', 'BPJS Ketenagakerjaan'),
  l('Sekretariat Kabinet', 'Setkab'),
  l('Kantor Staf Presiden', 'KSP'),
  l('Kepolisian Negara Republik Indonesia', 'Polri'),
  l('Tentara Nasional Indonesia', 'TNI'),
  l('Kejaksaan Agung Republik Indonesia', 'Kejaksaan Agung'),
  l('Mahkamah Agung Republik Indonesia', 'MA'),
  l('Mahkamah Konstitusi Republik Indonesia', 'MK'),
  l('Badan Pemeriksa Keuangan Republik Indonesia', 'BPK'),
  l('Komisi Pemberantasan Korupsi', 'KPK'),
  l('Komisi Pemilihan Umum', 'KPU'),
  l('Badan Pengawas Pemilihan Umum', 'Bawaslu'),
  l('Ombudsman Republik Indonesia', 'Ombudsman RI'),
];

/** State-owned enterprises that take part in public-service competitions. */
export const STATE_ENTERPRISES: readonly Agency[] = [
  n('PT Perusahaan Listrik Negara (Persero)', 'PLN'),
  n('PT Pertamina (Persero)', 'Pertamina'),
  n('PT Telkom Indonesia (Persero) Tbk', 'Telkom Indonesia'),
  n('PT Kereta Api Indonesia (Persero)', 'KAI'),
  n('PT Pos Indonesia (Persero)', 'Pos Indonesia'),
  n('PT Jasa Marga (Persero) Tbk', 'Jasa Marga'),
  n('PT Pelabuhan Indonesia (Persero)', 'Pelindo'),
  n('PT Bank Rakyat Indonesia (Persero) Tbk', 'BRI'),
  n('PT Bank Negara Indonesia (Persero) Tbk', 'BNI'),
  n('PT Bank Mandiri (Persero) Tbk', 'Bank Mandiri'),
  n('PT Bank Tabungan Negara (Persero) Tbk', 'BTN'),
  n('PT Bio Farma (Persero)', 'Bio Farma'),
  n('PT Kimia Farma Tbk', 'Kimia Farma'),
  n('PT Angkasa Pura Indonesia', 'InJourney Airports'),
  n('PT Garuda Indonesia (Persero) Tbk', 'Garuda Indonesia'),
  n('PT Pegadaian', 'Pegadaian'),
  n('Perum Badan Urusan Logistik', 'Bulog'),
  n('PT Pupuk Indonesia (Persero)', 'Pupuk Indonesia'),
  n('PT Semen Indonesia (Persero) Tbk', 'SIG'),
  n('PT Taspen (Persero)', 'Taspen'),
  n('PT Asabri (Persero)', 'Asabri'),
  n('PT Jasa Raharja', 'Jasa Raharja'),
  n('PT Hutama Karya (Persero)', 'Hutama Karya'),
  n('PT Angkutan Sungai, Danau dan Penyeberangan', 'ASDP Indonesia Ferry'),
  n('PT Pelayaran Nasional Indonesia (Persero)', 'Pelni'),
  n('Perum Damri', 'Damri'),
  n('Perum Perumnas', 'Perumnas'),
  n('Perum Percetakan Uang Republik Indonesia', 'Peruri'),
  n('Perum Lembaga Kantor Berita Nasional Antara', 'LKBN Antara'),
  n('PT Perkebunan Nusantara III (Persero)', 'PTPN III'),
  n('PT Len Industri (Persero)', 'Len'),
  n('PT Industri Kereta Api (Persero)', 'INKA'),
];

/** A few regionally owned enterprises, each under the government that owns it. */
export const REGIONAL_ENTERPRISES: readonly Agency[] = [
  d('PT Bank DKI', 'Bank DKI', '31'),
  d('Perumda Air Minum Jaya', 'PAM Jaya', '31'),
  d('PT MRT Jakarta (Perseroda)', 'MRT Jakarta', '31'),
  d('PT Transportasi Jakarta', 'Transjakarta', '31'),
  d('Perumda Air Minum Tirta Pakuan Kota Bogor', 'PDAM Tirta Pakuan Kota Bogor', '32.71'),
  d('PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk', 'bank bjb', '32'),
  d('PT Bank Pembangunan Daerah Jawa Tengah', 'Bank Jateng', '33'),
  d('PT Bank Pembangunan Daerah Jawa Timur Tbk', 'Bank Jatim', '35'),
  d('Perumda Air Minum Surya Sembada Kota Surabaya', 'PDAM Surya Sembada', '35.78'),
  d('Perumda Air Minum Tirta Kerta Raharja Kabupaten Tangerang', 'Perumdam TKR', '36.03'),
  d('PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara', 'Bankaltimtara', '64'),
  d('PT Bank Pembangunan Daerah Sumatera Utara', 'Bank Sumut', '12'),
];

const BATCH = 200;

interface NewRow {
  type: InstitutionType;
  name: string;
  shortName: string | null;
  regionCode: string | null;
  parentRegionCode: string | null;
}

/**
 * Loads the reference institutions: the 38 provincial and 514 regency/city governments (official codes
 * from idn-area-data; regencies under their province), the ministries, agencies, BUMN and some BUMD.
 * Idempotent: a row whose name, or whose type and region code, is already stored is skipped, so a second
 * run inserts nothing. One transaction, batched inserts. Returns how many institutions were added.
 */
export async function seedRegionsAndAgencies(db: Db, now: Date = new Date()): Promise<{ created: number }> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies({ transform: true })]);
  const regional = regionalInstitutions(provinces, regencies);
  const toRow = (a: Agency): NewRow => ({
    type: a.type,
    name: a.name,
    shortName: a.shortName,
    regionCode: null,
    parentRegionCode: a.ownerRegionCode ?? null,
  });
  // Parents first: provinces, then regencies/cities and everything a region owns.
  const stages: NewRow[][] = [
    regional.filter((r) => r.parentRegionCode === null),
    regional.filter((r) => r.parentRegionCode !== null),
    [...MINISTRIES, ...AGENCIES, ...STATE_ENTERPRISES, ...REGIONAL_ENTERPRISES].map(toRow),
  ];
  const stamp = now.toISOString();

  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('institutions')
      .select(['id', 'type', 'name', 'region_code'])
      .execute();
    const names = new Set(existing.map((r) => nameKey(r.name)));
    const regions = new Set(
      existing.filter((r) => r.region_code).map((r) => regionKey(r.type, r.region_code!)),
    );
    const governmentId = new Map<string, number>();
    const remember = (r: { id: number; type: string; region_code: string | null }) => {
      if (r.region_code && r.type.startsWith('pemerintah_')) governmentId.set(r.region_code, r.id);
    };
    existing.forEach(remember);

    let created = 0;
    for (const stage of stages) {
      const fresh = stage.filter(
        (r) => !names.has(nameKey(r.name)) && !(r.regionCode && regions.has(regionKey(r.type, r.regionCode))),
      );
      for (let i = 0; i < fresh.length; i += BATCH) {
        const inserted = await tx
          .insertInto('institutions')
          .values(
            fresh.slice(i, i + BATCH).map((r) => ({
              type: r.type,
              name: r.name,
              short_name: r.shortName,
              region_code: r.regionCode,
              parent_id: r.parentRegionCode ? (governmentId.get(r.parentRegionCode) ?? null) : null,
              created_at: stamp,
              updated_at: stamp,
            })),
          )
          .returning(['id', 'type', 'region_code'])
          .execute();
        inserted.forEach(remember);
        created += inserted.length;
      }
      for (const r of fresh) {
        names.add(nameKey(r.name));
        if (r.regionCode) regions.add(regionKey(r.type, r.regionCode));
      }
    }
    return { created };
  });
}
