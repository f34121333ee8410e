/*
 * The demo's proposals: a few dozen innovations in Indonesian across institutions of every kind, groups,
 * categories and states, so that every screen of the submission path has something to show. Everything
 * goes through the same commands the API uses (create, autosave, send, return, forward, withdraw), at
 * instants spread over the days before "now", so timelines and per-day charts look like a real window.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db/connect.js';
import type { InstitutionRow } from '../db/schema.js';
import { countWords } from '../domain/proposal-rules.js';
import { FileStorage } from '../platform/storage.js';
import { addAttachment } from '../modules/attachments/commands/add-attachment.js';
import { createProposal } from '../modules/proposals/commands/create-proposal.js';
import { forwardProposal } from '../modules/proposals/commands/forward-proposal.js';
import { returnProposal } from '../modules/proposals/commands/return-proposal.js';
import { autosaveProposal } from '../modules/proposals/commands/autosave-proposal.js';
import { sendProposal } from '../modules/proposals/commands/send-proposal.js';
import { withdrawProposal } from '../modules/proposals/commands/withdraw-proposal.js';
import { findSubmissionStage } from '../modules/proposals/queries.js';
import { createAccount } from '../modules/users/commands/create-account.js';
import { samplePdf } from './sample-pdf.js';

/** Where a demo proposal ends up. */
type DemoState = 'draft' | 'sent' | 'returned' | 'forwarded' | 'withdrawn';

interface Innovation {
  title: string;
  acronym: string;
  category: string;
  /** What was wrong before, in a phrase ("antrean panjang pendaftaran pasien"). */
  problem: string;
  /** What the innovation does, in a phrase. */
  solution: string;
  /** Who benefits. */
  beneficiaries: string;
  /** A measured result. */
  result: string;
  started: string;
  state: DemoState;
  group?: 'umum' | 'replikasi';
  /** How far the proposer got with a draft: the share of sections answered. */
  filled?: number;
}

interface Participant {
  institution: string;
  unit: string;
  /**
   * Names the hidden accounts: upp.<slug>@… for the unit, adminlokal.<part before the dot>@… for the
   * institution (so adminlokal.tangerang@… is the demo account; RSUD Tangerang writes as the demo UPP).
   */
  slug: string;
  innovations: Innovation[];
}

const i = (
  title: string,
  acronym: string,
  category: string,
  problem: string,
  solution: string,
  beneficiaries: string,
  result: string,
  started: string,
  state: DemoState,
  extra: Partial<Innovation> = {},
): Innovation => ({
  title,
  acronym,
  category,
  problem,
  solution,
  beneficiaries,
  result,
  started,
  state,
  ...extra,
});

/** The demo UPP account writes for RSUD Kabupaten Tangerang; the others write through hidden accounts. */
const PARTICIPANTS: Participant[] = [
  {
    institution: 'Pemerintah Kabupaten Tangerang',
    unit: 'RSUD Kabupaten Tangerang',
    slug: 'tangerang',
    innovations: [
      i(
        'Antrean Pasien Terintegrasi Berbasis Aplikasi',
        'ANTAR PASIEN',
        'kesehatan',
        'antrean pendaftaran pasien rawat jalan yang mencapai tiga jam',
        'pendaftaran daring dengan nomor antrean dan estimasi waktu layanan yang dikirim lewat pesan singkat',
        'pasien rawat jalan dan keluarganya',
        'waktu tunggu turun dari rata-rata 180 menit menjadi 35 menit',
        '2022-03-14',
        'forwarded',
      ),
      i(
        'Layanan Obat Antar ke Rumah bagi Pasien Kronis',
        'LOKER',
        'kesehatan',
        'pasien penyakit kronis yang harus datang setiap bulan hanya untuk mengambil obat',
        'pengantaran obat rutin bekerja sama dengan kantor pos dan kader kesehatan desa',
        'pasien hipertensi, diabetes dan lansia',
        'kunjungan ulang khusus obat berkurang 62 persen',
        '2022-08-01',
        'returned',
      ),
      i(
        'Rujukan Balik Terpantau untuk Ibu Hamil Risiko Tinggi',
        'RUBI',
        'kesehatan',
        'ibu hamil risiko tinggi yang tidak kembali kontrol setelah dirujuk',
        'pemantauan rujukan balik bersama puskesmas dengan pengingat jadwal kontrol',
        'ibu hamil risiko tinggi di 29 kecamatan',
        'kepatuhan kontrol naik dari 48 persen menjadi 91 persen',
        '2021-11-20',
        'sent',
      ),
      i(
        'Rekam Medis Elektronik Terpadu Puskesmas dan Rumah Sakit',
        'REMEDI',
        'tata_kelola_pemerintahan',
        'rekam medis kertas yang tidak terbawa saat pasien dirujuk',
        'rekam medis elektronik bersama antara puskesmas dan rumah sakit daerah',
        'pasien rujukan dan tenaga kesehatan',
        'waktu penyiapan berkas rujukan turun dari 40 menit menjadi 5 menit',
        '2023-01-09',
        'draft',
        { filled: 0.5 },
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Tangerang',
    unit: 'Kecamatan Tigaraksa',
    slug: 'tangerang.tigaraksa',
    innovations: [
      i(
        'Kecamatan Siaga Administrasi Kependudukan Keliling',
        'SIAK KELILING',
        'tata_kelola_pemerintahan',
        'warga desa terpencil yang harus menempuh dua jam untuk mengurus dokumen kependudukan',
        'mobil layanan adminduk yang berkeliling desa sesuai jadwal dengan pencetakan dokumen di tempat',
        'warga 14 desa di Kecamatan Tigaraksa',
        '4.870 dokumen diterbitkan di desa dalam satu tahun',
        '2021-06-07',
        'forwarded',
      ),
      i(
        'Bank Sampah Digital Kecamatan',
        'BASDIG',
        'energi_lingkungan_hidup',
        'sampah rumah tangga yang dibuang ke sungai',
        'pencatatan tabungan sampah dengan kartu digital yang dapat ditukar untuk membayar iuran',
        'rumah tangga dan pengelola bank sampah',
        'sampah terkelola naik 37 ton per bulan',
        '2022-02-21',
        'withdrawn',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Tangerang',
    unit: 'Dinas Kependudukan dan Pencatatan Sipil',
    slug: 'tangerang.dukcapil',
    innovations: [
      i(
        'Akta Kelahiran Langsung Terbit di Fasilitas Persalinan',
        'AKTA LAHIR CEPAT',
        'tata_kelola_pemerintahan',
        'bayi yang belum memiliki akta kelahiran hingga usia sekolah',
        'penerbitan akta kelahiran dan kartu identitas anak langsung dari fasilitas persalinan',
        'bayi baru lahir dan orang tuanya',
        'cakupan akta kelahiran bayi naik dari 71 persen menjadi 98 persen',
        '2021-09-13',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Tangerang',
    unit: 'Badan Perencanaan Pembangunan Daerah',
    slug: 'tangerang.bappeda',
    innovations: [
      i(
        'Musyawarah Perencanaan Pembangunan Daring Warga',
        'MUSRENBANG WARGA',
        'tata_kelola_pemerintahan',
        'usulan warga dalam musyawarah perencanaan yang hilang atau tidak ditindaklanjuti',
        'pengusulan, pemantauan dan umpan balik usulan pembangunan secara daring sampai tingkat desa',
        'warga, pemerintah desa dan perangkat daerah',
        'usulan warga yang masuk anggaran naik dari 18 persen menjadi 44 persen',
        '2021-03-01',
        'forwarded',
      ),
      i(
        'Peta Rawan Stunting Berbasis Desa',
        'PETA STUNTING',
        'kesehatan',
        'intervensi stunting yang tersebar tanpa data desa prioritas',
        'peta desa prioritas dari data posyandu, sanitasi dan kemiskinan yang diperbarui setiap bulan',
        'balita dan ibu hamil di desa prioritas',
        'anggaran intervensi di desa prioritas naik tiga kali lipat',
        '2022-07-04',
        'draft',
        { filled: 0.25 },
      ),
    ],
  },
  {
    institution: 'Pemerintah Kota Surabaya',
    unit: 'Dinas Kesehatan',
    slug: 'surabaya',
    innovations: [
      i(
        'Pemantauan Tumbuh Kembang Balita di Kampung',
        'PANTAU BALITA',
        'kesehatan',
        'balita dengan gizi kurang yang terlambat ditemukan',
        'penimbangan rutin oleh kader kampung yang tercatat langsung pada dasbor kelurahan',
        'balita dan ibu di 154 kelurahan',
        'prevalensi stunting turun dari 12,7 persen menjadi 6,2 persen',
        '2021-04-05',
        'forwarded',
      ),
      i(
        'Sekolah Ramah Anak Berkebutuhan Khusus',
        'SERASI',
        'pendidikan',
        'anak berkebutuhan khusus yang tidak tertampung di sekolah umum',
        'guru pendamping khusus yang bergilir di sekolah reguler dengan modul pembelajaran adaptif',
        'anak berkebutuhan khusus usia sekolah dasar',
        '612 anak berkebutuhan khusus bersekolah di sekolah reguler terdekat',
        '2022-01-17',
        'forwarded',
      ),
      i(
        'Replikasi Layanan Kesehatan Jiwa Berbasis Puskesmas',
        'JIWA SEHAT',
        'kesehatan',
        'orang dengan gangguan jiwa yang dipasung atau tidak terlayani',
        'layanan kesehatan jiwa di puskesmas mengadaptasi inovasi yang pernah masuk Top 99',
        'orang dengan gangguan jiwa dan keluarganya',
        'kasus pemasungan turun dari 23 menjadi 2 kasus',
        '2024-05-02',
        'forwarded',
        { group: 'replikasi' },
      ),
    ],
  },
  {
    institution: 'Pemerintah Provinsi Jawa Tengah',
    unit: 'Badan Pendapatan Daerah',
    slug: 'jateng',
    innovations: [
      i(
        'Pembayaran Pajak Kendaraan di Desa',
        'SAMSAT DESA',
        'tata_kelola_pemerintahan',
        'wajib pajak di desa yang harus ke kantor samsat di kota kabupaten',
        'pembayaran pajak kendaraan melalui badan usaha milik desa yang terhubung dengan sistem samsat',
        'wajib pajak kendaraan di perdesaan',
        'kepatuhan pembayaran pajak naik 8,4 persen',
        '2021-02-15',
        'forwarded',
      ),
      i(
        'Bantuan Modal Usaha Mikro Berbasis Data Kemiskinan',
        'MODAL BERDAYA',
        'pengentasan_kemiskinan',
        'bantuan modal yang tidak tepat sasaran',
        'seleksi penerima bantuan modal dengan data terpadu kesejahteraan sosial dan pendampingan usaha',
        'rumah tangga miskin yang memiliki usaha mikro',
        '3.215 usaha mikro naik kelas dalam dua tahun',
        '2021-08-30',
        'forwarded',
      ),
      i(
        'Layanan Pengaduan Jalan Rusak Satu Pintu',
        'JALAN MULUS',
        'tata_kelola_pemerintahan',
        'laporan jalan rusak yang tidak jelas ditangani oleh siapa',
        'aplikasi pengaduan dengan pembagian otomatis ke pengelola jalan provinsi, kabupaten atau desa',
        'pengguna jalan di 35 kabupaten dan kota',
        'waktu penanganan laporan turun dari 30 hari menjadi 7 hari',
        '2022-06-06',
        'sent',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Banyuwangi',
    unit: 'Dinas Pertanian dan Pangan',
    slug: 'banyuwangi',
    innovations: [
      i(
        'Petani Muda Terhubung Pasar Digital',
        'PETANI GO DIGITAL',
        'ketahanan_pangan',
        'harga gabah yang jatuh karena petani bergantung pada tengkulak',
        'lapak daring hasil tani dengan pendampingan petani muda dan gudang penyimpanan bersama',
        'petani padi dan hortikultura',
        'pendapatan petani dampingan naik rata-rata 27 persen',
        '2021-03-22',
        'forwarded',
      ),
      i(
        'Lumbung Pangan Desa Tangguh Bencana',
        'LUMBUNG TANGGUH',
        'ketahanan_bencana',
        'desa rawan banjir yang kekurangan pangan saat terisolasi',
        'lumbung pangan desa dengan cadangan beras dan pencatatan stok bersama BPBD',
        'warga 42 desa rawan bencana',
        'cadangan pangan cukup untuk 14 hari di setiap desa rawan',
        '2022-04-11',
        'draft',
        { filled: 0.8 },
      ),
    ],
  },
  {
    institution: 'Pemerintah Kota Makassar',
    unit: 'Dinas Sosial',
    slug: 'makassar',
    innovations: [
      i(
        'Rumah Singgah Lansia Terlantar',
        'RUMAH TEDUH',
        'inklusi_sosial',
        'lansia terlantar yang hidup di jalan tanpa layanan kesehatan',
        'rumah singgah dengan layanan kesehatan dan penelusuran keluarga bersama kelurahan',
        'lansia terlantar',
        '286 lansia kembali ke keluarga atau panti dalam dua tahun',
        '2021-07-19',
        'forwarded',
      ),
      i(
        'Kartu Disabilitas Terpadu',
        'KARISMA',
        'inklusi_sosial',
        'penyandang disabilitas yang harus mengurus bantuan di banyak kantor',
        'satu kartu dan satu basis data untuk layanan bantuan, kesehatan dan pelatihan kerja',
        'penyandang disabilitas',
        '9.140 penyandang disabilitas terdata dan terlayani dengan satu kartu',
        '2022-10-03',
        'sent',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kota Jayapura',
    unit: 'Dinas Pendidikan',
    slug: 'jayapura',
    innovations: [
      i(
        'Guru Kunjung Kampung Pesisir',
        'GURU KUNJUNG',
        'pendidikan',
        'anak di kampung pesisir yang putus sekolah karena jarak',
        'guru yang berkunjung terjadwal dengan perahu dan kelas jarak jauh di balai kampung',
        'anak usia sekolah di kampung pesisir',
        'angka putus sekolah turun dari 14 persen menjadi 4 persen',
        '2021-05-10',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'Kementerian Kesehatan',
    unit: 'Direktorat Jenderal Pelayanan Kesehatan',
    slug: 'kemenkes',
    innovations: [
      i(
        'Telekonsultasi Dokter Spesialis untuk Rumah Sakit Daerah Terpencil',
        'TELESPESIALIS',
        'kesehatan',
        'rumah sakit daerah terpencil tanpa dokter spesialis',
        'konsultasi spesialis jarak jauh terjadwal dari rumah sakit rujukan nasional',
        'pasien di 118 rumah sakit daerah terpencil',
        'rujukan keluar daerah berkurang 41 persen',
        '2021-01-18',
        'forwarded',
      ),
      i(
        'Pelaporan Stok Vaksin Waktu Nyata',
        'STOK VAKSIN',
        'kesehatan',
        'vaksin yang kedaluwarsa di satu daerah sementara daerah lain kekurangan',
        'pelaporan stok vaksin harian dari setiap gudang dengan peringatan kedaluwarsa',
        'pengelola vaksin di seluruh provinsi',
        'vaksin kedaluwarsa berkurang 73 persen',
        '2022-09-05',
        'draft',
        { filled: 0.3 },
      ),
    ],
  },
  {
    institution: 'Badan Pusat Statistik',
    unit: 'Direktorat Diseminasi Statistik',
    slug: 'bps',
    innovations: [
      i(
        'Layanan Konsultasi Data Statistik Tanpa Antre',
        'KONSTAN',
        'tata_kelola_pemerintahan',
        'pengguna data yang harus datang ke kantor untuk konsultasi statistik',
        'konsultasi daring terjadwal dengan petugas statistik dan perpustakaan data terbuka',
        'mahasiswa, peneliti dan pemerintah daerah',
        'kepuasan pengguna layanan naik menjadi 4,6 dari 5',
        '2021-10-11',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'PT Perusahaan Listrik Negara (Persero)',
    unit: 'Unit Induk Distribusi Jawa Barat',
    slug: 'pln',
    innovations: [
      i(
        'Sambung Listrik Rumah Tangga Miskin Sehari Jadi',
        'LISTRIK SEHARI',
        'pengentasan_kemiskinan',
        'rumah tangga miskin yang belum tersambung listrik karena biaya dan prosedur',
        'penyambungan listrik bersubsidi dengan survei, instalasi dan penyalaan dalam satu hari',
        'rumah tangga miskin di perdesaan',
        '21.400 rumah tangga tersambung listrik dalam satu tahun',
        '2021-12-06',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Banyuwangi',
    unit: 'Dinas Kependudukan dan Pencatatan Sipil',
    slug: 'banyuwangi.dukcapil',
    innovations: [
      i(
        'Layanan Kependudukan di Kantor Desa',
        'SMART KAMPUNG ADMINDUK',
        'tata_kelola_pemerintahan',
        'warga yang menempuh puluhan kilometer ke kantor kabupaten untuk dokumen kependudukan',
        'pencetakan dokumen kependudukan di kantor desa yang terhubung dengan dinas',
        'warga 189 desa',
        '92 persen dokumen kependudukan selesai di desa',
        '2021-05-24',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kota Makassar',
    unit: 'Dinas Perhubungan',
    slug: 'makassar.dishub',
    innovations: [
      i(
        'Angkutan Sekolah Gratis Terjadwal',
        'PETE-PETE SEKOLAH',
        'pendidikan',
        'siswa dari keluarga miskin yang terlambat atau tidak bersekolah karena ongkos angkutan',
        'angkutan kota gratis pada jam sekolah dengan rute yang disusun bersama sekolah',
        'siswa sekolah dasar dan menengah dari keluarga miskin',
        'keterlambatan siswa turun 58 persen pada sekolah yang dilayani',
        '2022-01-10',
        'forwarded',
      ),
      i(
        'Lorong Garden Ketahanan Pangan Kota',
        'LONGGAR',
        'ketahanan_pangan',
        'lorong padat penduduk yang kumuh dan warga yang membeli seluruh sayur dari pasar',
        'kebun sayur dan apotek hidup di lorong yang dikelola kelompok warga',
        'warga lorong padat penduduk',
        '312 lorong menghasilkan sayur untuk kebutuhan warganya',
        '2022-11-07',
        'draft',
        { filled: 0.6 },
      ),
    ],
  },
  {
    institution: 'Pemerintah Provinsi Jawa Tengah',
    unit: 'Dinas Kesehatan',
    slug: 'jateng.dinkes',
    innovations: [
      i(
        'Jaga Ibu Hamil dari Kehamilan hingga Nifas',
        'JATENG GAYENG NGINCENG WONG METENG',
        'kesehatan',
        'kematian ibu yang tinggi karena ibu hamil risiko tinggi tidak terpantau',
        'pendampingan setiap ibu hamil oleh kader dan bidan dengan pencatatan di aplikasi',
        'ibu hamil dan ibu nifas',
        'angka kematian ibu turun dari 109 menjadi 76 per 100.000 kelahiran hidup',
        '2021-02-01',
        'forwarded',
      ),
    ],
  },
  {
    institution: 'Kementerian Kesehatan',
    unit: 'Direktorat Jenderal Kesehatan Masyarakat',
    slug: 'kemenkes.kesmas',
    innovations: [
      i(
        'Posyandu Digital Terhubung Puskesmas',
        'POSYANDU PINTAR',
        'kesehatan',
        'pencatatan posyandu di buku yang terlambat sampai ke puskesmas',
        'pencatatan penimbangan dan imunisasi di aplikasi yang langsung terbaca puskesmas',
        'kader posyandu, balita dan ibu',
        'laporan posyandu tepat waktu naik dari 54 persen menjadi 96 persen',
        '2021-06-14',
        'sent',
      ),
    ],
  },
  {
    institution: 'Pemerintah Kabupaten Sleman',
    unit: 'Dinas Pariwisata',
    slug: 'sleman',
    innovations: [
      i(
        'Desa Wisata Ramah Difabel',
        'WISATA INKLUSI',
        'pertumbuhan_ekonomi',
        'desa wisata yang tidak dapat dinikmati wisatawan difabel',
        'standar aksesibilitas desa wisata dan pelatihan pemandu wisata inklusif',
        'wisatawan difabel dan pelaku usaha desa wisata',
        'kunjungan wisatawan naik 19 persen dan pendapatan desa naik 23 persen',
        '2022-05-16',
        'returned',
      ),
      i(
        'Pendampingan Hukum Gratis bagi Warga Miskin',
        'POSBAKUM DESA',
        'penegakan_hukum',
        'warga miskin yang tidak mendapat bantuan hukum',
        'pos bantuan hukum di balai desa bekerja sama dengan fakultas hukum',
        'warga miskin yang berhadapan dengan hukum',
        '1.024 warga mendapat pendampingan hukum gratis',
        '2021-09-27',
        'forwarded',
      ),
    ],
  },
];

const RETURN_NOTES = [
  'Mohon lengkapi data signifikansi dengan angka sebelum dan sesudah inovasi, serta lampirkan laporan evaluasinya.',
  'Ringkasan masih terlalu umum; jelaskan dampak yang terukur dan unggah foto kegiatan sebagai bukti.',
];

/** One paragraph per section, written from the innovation's facts and trimmed to the section's limit. */
function answerFor(key: string, inv: Innovation, unit: string, limit: number | null): string {
  const p = inv.problem;
  const s = inv.solution;
  const b = inv.beneficiaries;
  const r = inv.result;
  const texts: Record<string, string> = {
    ringkasan: `${inv.title} (${inv.acronym}) adalah inovasi ${unit} untuk mengatasi ${p}. Inovasi ini menghadirkan ${s}. Penerima manfaatnya adalah ${b}. Sejak diterapkan, ${r}. Inovasi dijalankan dengan anggaran rutin, diatur dalam keputusan kepala daerah, dan sudah dipelajari oleh instansi lain.`,
    latar_belakang_tujuan: `Sebelum inovasi, masalah utama adalah ${p}. Kelompok yang paling terdampak adalah ${b}. Tujuan inovasi adalah menghadirkan ${s}, dengan target terukur yang ditetapkan bersama pemangku kepentingan dan dipantau setiap triwulan.`,
    kebaruan: `Kebaruan ${inv.acronym} terletak pada ${s}. Cara ini belum pernah diterapkan di wilayah kami dan memadukan layanan yang sebelumnya berjalan terpisah.`,
    implementasi: `Inovasi dimulai pada ${inv.started} dengan uji coba terbatas, lalu diperluas bertahap. Tahapan: penyusunan prosedur, pelatihan petugas, sosialisasi kepada ${b}, dan evaluasi bulanan.`,
    signifikansi: `Dampak yang terukur: ${r}. Pengukuran memakai data layanan sebelum dan sesudah inovasi serta survei kepuasan; evaluasi internal dilakukan oleh inspektorat dan evaluasi eksternal oleh perguruan tinggi mitra.`,
    adaptabilitas: `${inv.acronym} dapat direplikasi oleh daerah dengan masalah serupa, yaitu ${p}. Prosedur, modul pelatihan dan aplikasi dapat dibagikan tanpa biaya lisensi.`,
    sumber_daya: `Sumber daya: anggaran rutin ${unit}, petugas layanan yang dilatih, prosedur operasional baku, serta perangkat yang sudah dimiliki instansi.`,
    strategi_keberlanjutan: `Keberlanjutan dijamin melalui peraturan kepala daerah, masuknya kegiatan dalam rencana kerja tahunan, penanggung jawab yang ditetapkan dengan surat keputusan, dan keterlibatan ${b} dalam pemantauan.`,
    inspirasi: `Inovasi ini mereplikasi layanan sejenis yang pernah masuk Top 99 KIPP karena masalah yang dihadapi sama, yaitu ${p}.`,
    proses_replikasi: `Kami mempelajari prosedur inovasi asal melalui kunjungan kerja, menyesuaikannya dengan kondisi setempat, lalu menerapkan ${s}.`,
    faktor_pembeda: `Pembeda utama adalah keterlibatan kader setempat dan pencatatan digital sehingga ${r}.`,
  };
  const text =
    texts[key] ??
    `Bagian ini menjelaskan ${inv.title}: ${s}, untuk ${b}. Hasil yang dicapai: ${r}. Data pendukung tersedia pada lampiran.`;
  if (!limit || countWords(text) <= limit) return text;
  return text.split(/\s+/).slice(0, limit).join(' ');
}

async function institutionNamed(db: Db, name: string): Promise<InstitutionRow> {
  const row = await db.selectFrom('institutions').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`reference data is missing "${name}"`);
  return row;
}

async function unitNamed(db: Db, institutionId: number, name: string, now: Date): Promise<number> {
  const found = await db
    .selectFrom('units')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('units')
    .values({
      institution_id: institutionId,
      name,
      kind: 'pd',
      parent_unit_id: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An account of the demo by e-mail, or a new one without a password (it cannot log in). */
async function accountFor(
  db: Db,
  input: {
    email: string;
    name: string;
    role: 'upp' | 'local_admin';
    institutionId: number;
    unitId: number | null;
    now: Date;
  },
): Promise<number> {
  const found = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (found) return found.id;
  const user = await createAccount(db, {
    email: input.email,
    name: input.name,
    role: input.role,
    institutionId: input.institutionId,
    unitId: input.unitId,
    competitionId: null,
    password: null,
    mustCompleteProfile: true,
    createdBy: null,
    now: input.now,
  });
  return user.id;
}

/** Uploads a sample PDF to the proposal as evidence (or as the replication statement), as the API does. */
async function attachSample(
  db: Db,
  storage: FileStorage,
  input: {
    proposalId: number;
    kind: 'evidence' | 'replication_statement';
    name: string;
    title: string;
    uploadedBy: number;
    now: Date;
  },
) {
  const staged = await storage.stage(Readable.from(samplePdf(input.title)), {
    maxBytes: 10 * 1024 * 1024,
    allowedMimes: ['application/pdf'],
  });
  await addAttachment(db, storage, {
    proposalId: input.proposalId,
    staged,
    name: input.name,
    kind: input.kind,
    sectionKey: null,
    actorUserId: input.uploadedBy,
    ip: null,
    now: input.now,
  });
}

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Writes the demo proposals into the competition (its submission window must be open at `now`). Each
 * proposal's steps happen at its own instant in the past days, never before the window opened.
 * Returns how many proposals it wrote.
 */
export async function seedDemoProposals(
  db: Db,
  input: { competitionId: number; dataDir: string; baseUrl: string; now: Date },
): Promise<number> {
  const storage = new FileStorage(path.join(input.dataDir, 'files'));
  const stage = await findSubmissionStage(db, input.competitionId);
  const opensAt = stage?.opens_at ? Date.parse(stage.opens_at) : input.now.getTime() - 30 * 86_400_000;
  const sourceAward = await db
    .selectFrom('awards')
    .select(['id', 'innovation_title', 'year'])
    .where('level', '=', 'TOP99')
    .orderBy('year', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  let written = 0;
  let step = 0;
  const total = PARTICIPANTS.reduce((n, p) => n + p.innovations.length, 0);
  // Spread the proposals' starts over the last 12 days (or since the window opened), oldest first.
  const span = Math.min(12 * 86_400_000, input.now.getTime() - opensAt - 3_600_000);
  const at = (k: number, minutes: number) =>
    new Date(input.now.getTime() - span + Math.round((span * k) / total) + minutes * 60_000);

  for (const part of PARTICIPANTS) {
    const inst = await institutionNamed(db, part.institution);
    const unitId = await unitNamed(db, inst.id, part.unit, input.now);
    const uppId = await accountFor(db, {
      email:
        part.unit === 'RSUD Kabupaten Tangerang'
          ? 'upp.tangerang@demo.sinovik.id'
          : `upp.${part.slug}@demo.sinovik.id`,
      name: `Pengusul ${part.unit}`,
      role: 'upp',
      institutionId: inst.id,
      unitId,
      now: input.now,
    });
    const adminId = await accountFor(db, {
      email: `adminlokal.${part.slug.split('.')[0]}@demo.sinovik.id`,
      name: `Admin Lokal ${inst.short_name ?? inst.name}`,
      role: 'local_admin',
      institutionId: inst.id,
      unitId: null,
      now: input.now,
    });

    for (const inv of part.innovations) {
      const k = step++;
      const t0 = at(k, 0);
      const common = { actorUserId: uppId, ip: null };
      const created = await createProposal(db, {
        competitionId: input.competitionId,
        groupKey: inv.group ?? 'umum',
        title: inv.title,
        institutionId: inst.id,
        unitId,
        ...common,
        now: t0,
      });
      const sections = await db
        .selectFrom('form_sections')
        .select(['key', 'word_limit'])
        .where('group_id', '=', created.group_id)
        .orderBy('position')
        .execute();
      const answered = Math.ceil(sections.length * (inv.state === 'draft' ? (inv.filled ?? 0.5) : 1));
      const complete = inv.state !== 'draft';
      const saved = await autosaveProposal(db, {
        id: created.id,
        body: {
          version: created.version,
          acronym: inv.acronym,
          categoryKey: inv.category,
          implementationStart: inv.started,
          innovatorKind: 'team',
          innovatorNames: `Tim Inovasi ${part.unit}`,
          contactName: `Pengusul ${part.unit}`,
          contactPhone: '081200000000',
          contactEmail: complete ? `inovasi.${part.slug}@demo.sinovik.id` : null,
          links: [
            {
              label: 'Standar pelayanan',
              url: `https://${slugOf(part.institution)}.go.id/standar-pelayanan`,
            },
          ],
          declarationAccepted: complete,
          answers: sections.slice(0, answered).map((s) => ({
            sectionKey: s.key,
            text: answerFor(s.key, inv, part.unit, s.word_limit),
          })),
        },
        ...common,
        now: at(k, 20),
      });
      if (complete)
        await attachSample(db, storage, {
          proposalId: created.id,
          kind: 'evidence',
          name: `laporan-evaluasi-${slugOf(inv.acronym)}.pdf`,
          title: `Laporan Evaluasi ${inv.title}`,
          uploadedBy: uppId,
          now: at(k, 25),
        });
      if (inv.group === 'replikasi' && sourceAward) {
        await db
          .updateTable('proposals')
          .set((eb) => ({ source_award_id: sourceAward.id, version: eb('version', '+', 1) }))
          .where('id', '=', created.id)
          .execute();
        await attachSample(db, storage, {
          proposalId: created.id,
          kind: 'replication_statement',
          name: 'surat-pernyataan-replikasi.pdf',
          title: `Surat Pernyataan Replikasi: ${sourceAward.innovation_title} (Top 99 ${sourceAward.year})`,
          uploadedBy: uppId,
          now: at(k, 26),
        });
      }
      written++;
      if (!saved || inv.state === 'draft') continue;
      const send = () =>
        sendProposal(db, { id: created.id, ...common, baseUrl: input.baseUrl, now: at(k, 30) });
      await send();
      if (inv.state === 'sent') continue;
      const admin = { actorUserId: adminId, ip: null };
      if (inv.state === 'returned') {
        await returnProposal(db, {
          id: created.id,
          note: RETURN_NOTES[k % RETURN_NOTES.length],
          ...admin,
          baseUrl: input.baseUrl,
          now: at(k, 240),
        });
        continue;
      }
      await forwardProposal(db, { id: created.id, ...admin, now: at(k, 300) });
      if (inv.state === 'withdrawn')
        await withdrawProposal(db, { id: created.id, ...admin, now: at(k, 420) });
    }
  }
  return written;
}
