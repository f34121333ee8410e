/*
 * The gallery bench's innovations (issue 14 "Speed"): titles, acronyms and answers in Indonesian from word
 * lists of public-service vocabulary, varied by a seeded generator (the same corpus on every run). A title
 * joins an approach, a service and a place ("Jemput Bola Pelayanan Kependudukan Desa"); the answers are
 * sentences on the problem, the way it works and its results, with the offices and abbreviations people
 * write (Disdukcapil, RSUD, Puskesmas, e-KTP, UMKM).
 */

const APPROACHES = [
  'Jemput Bola',
  'Gerakan',
  'Sistem Informasi',
  'Aplikasi',
  'Layanan Terpadu',
  'Inovasi',
  'Program',
  'Klinik',
  'Pojok',
  'Rumah',
  'Mobil Keliling',
  'Kampung',
  'Sekolah',
  'Gerai',
  'Satu Data',
  'Desa Digital',
  'Kolaborasi',
  'Pendampingan',
  'Percepatan',
  'Sahabat',
  'Laju',
  'Saung',
  'Sentra',
  'Lapak',
  'Teras',
];
const SERVICES = [
  'Pelayanan Kependudukan',
  'Pencatatan Sipil',
  'Akta Kelahiran',
  'KTP Elektronik',
  'Kartu Identitas Anak',
  'Perizinan Usaha',
  'Pelayanan Kesehatan Ibu dan Anak',
  'Imunisasi Balita',
  'Pencegahan Stunting',
  'Pengelolaan Sampah',
  'Bank Sampah',
  'Air Bersih',
  'Sanitasi',
  'Pendidikan Anak Usia Dini',
  'Literasi Sekolah',
  'Bantuan Sosial',
  'Pemberdayaan UMKM',
  'Pelayanan Pajak Daerah',
  'Samsat Keliling',
  'Pengaduan Masyarakat',
  'Perlindungan Anak',
  'Ketahanan Pangan',
  'Pertanian Organik',
  'Rujukan Pasien',
  'Rekam Medis Elektronik',
  'Pelayanan Lansia',
  'Penanganan Bencana',
  'Transportasi Umum',
  'Pelayanan Disabilitas',
  'Kesehatan Jiwa',
  'Pemadam Kebakaran',
  'Penerangan Jalan',
  'Pasar Rakyat',
];
const PLACES = [
  'Desa',
  'Kelurahan',
  'Kecamatan',
  'Kota',
  'Kabupaten',
  'Nagari',
  'Gampong',
  'Pesisir',
  'Pedalaman',
  'Perbatasan',
  'Pulau Terluar',
  'Pegunungan',
  'Perkotaan',
  'Sekolah',
  'Puskesmas',
  'RSUD',
  'Pasar',
];
const OFFICES = [
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Disdukcapil',
  'Dinas Kesehatan',
  'Dinkes',
  'RSUD',
  'Puskesmas',
  'Dinas Pendidikan',
  'Dinas Sosial',
  'Dinas Lingkungan Hidup',
  'DPMPTSP',
  'Mal Pelayanan Publik',
  'Bappeda',
  'Badan Pendapatan Daerah',
  'Dinas Perhubungan',
  'Kecamatan',
  'Pemerintah Desa',
  'Posyandu',
  'UPTD',
  'Samsat',
  'BPBD',
  'Dinas Koperasi dan UMKM',
  'Dinas Pertanian',
  'Kantor Kelurahan',
];
const PEOPLE = [
  'warga',
  'masyarakat',
  'ibu hamil',
  'balita',
  'lansia',
  'penyandang disabilitas',
  'pelajar',
  'petani',
  'nelayan',
  'pelaku UMKM',
  'keluarga miskin',
  'pasien',
  'anak sekolah',
  'perempuan kepala keluarga',
  'pemuda',
  'kader posyandu',
  'perangkat desa',
  'pedagang pasar',
  'tenaga kesehatan',
  'guru',
];
const PROBLEMS = [
  'harus menempuh perjalanan jauh ke kantor kabupaten',
  'menunggu berhari-hari untuk satu dokumen',
  'tidak mengetahui syarat pelayanan',
  'kesulitan mengakses layanan kesehatan',
  'tidak memiliki dokumen kependudukan',
  'membayar biaya perjalanan yang mahal',
  'mengantre sejak subuh',
  'tidak terjangkau sinyal internet',
  'kehilangan data karena arsip kertas',
  'terlambat menerima bantuan sosial',
  'sulit mendapatkan izin usaha',
  'kurang mendapat informasi gizi',
  'membuang sampah ke sungai',
  'tidak terdata dalam program pemerintah',
];
const ACTIONS = [
  'mendatangi',
  'melayani',
  'mendampingi',
  'mencatat',
  'memeriksa',
  'menerbitkan dokumen untuk',
  'mengedukasi',
  'menjemput',
  'memverifikasi data',
  'mengirim pesan singkat kepada',
  'melatih',
  'menghubungkan',
  'memantau',
  'mengunjungi rumah',
  'membuka konsultasi daring bagi',
];
const MEANS = [
  'aplikasi daring',
  'mobil keliling',
  'layanan satu pintu',
  'pesan WhatsApp',
  'kode QR',
  'kartu digital',
  'sistem antrean elektronik',
  'posko terpadu',
  'kunjungan rumah',
  'data terpadu',
  'tanda tangan elektronik',
  'balai desa',
  'loket malam',
  'call center',
  'peta digital',
  'dasbor kinerja',
  'gerai di pasar',
];
const RESULTS = [
  'waktu pelayanan turun dari tujuh hari menjadi satu hari',
  'cakupan akta kelahiran naik menjadi 98 persen',
  'angka stunting turun 12 persen',
  'pengaduan selesai dalam tiga hari',
  'biaya perjalanan warga dihemat',
  'kepuasan masyarakat naik menjadi 4,6 dari 5',
  'pendapatan asli daerah meningkat',
  'antrean hilang',
  'sampah plastik berkurang 30 persen',
  'ribuan warga terlayani setiap bulan',
  'data penduduk menjadi akurat',
  'kunjungan posyandu meningkat',
  'izin usaha terbit dalam satu jam',
  'inovasi direplikasi daerah lain',
];
const PARTNERS = [
  'puskesmas',
  'kecamatan',
  'perguruan tinggi',
  'BUMDes',
  'karang taruna',
  'PKK',
  'Baznas',
  'bank daerah',
  'kantor pos',
  'tokoh agama',
  'relawan desa',
  'swasta melalui CSR',
  'Kementerian Dalam Negeri',
];

/** A small deterministic generator (mulberry32): the same corpus for the same seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

export interface Innovation {
  title: string;
  acronym: string | null;
  /** By section key: ringkasan, latar_belakang_tujuan, hasil_manfaat. */
  answers: { key: string; text: string }[];
}

/** One innovation of the corpus; `n` makes titles distinct enough, `place` names its region. */
export function innovation(r: ReturnType<typeof seeded>, n: number, place: string): Innovation {
  const approach = r.pick(APPROACHES);
  const service = r.pick(SERVICES);
  const title = `${approach} ${service} ${r.pick(PLACES)}${n % 7 === 0 ? ` ${place}` : ''}`;
  const initials = `${approach} ${service}`
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
  const acronym = n % 3 === 0 ? null : `${initials.slice(0, 5)}${n % 97}`;
  const office = r.pick(OFFICES);
  const people = r.pick(PEOPLE);
  const sentence = () =>
    `${r.pick(OFFICES)} ${r.pick(ACTIONS)} ${r.pick(PEOPLE)} melalui ${r.pick(MEANS)} bersama ${r.pick(PARTNERS)}.`;
  return {
    title,
    acronym,
    answers: [
      {
        key: 'ringkasan',
        text:
          `${office} di ${place} ${r.pick(ACTIONS)} ${people} melalui ${r.pick(MEANS)} untuk ${service.toLowerCase()}. ` +
          sentence(),
      },
      {
        key: 'latar_belakang_tujuan',
        text:
          `Sebelumnya ${people} di ${r.pick(PLACES).toLowerCase()} ${r.pick(PROBLEMS)} dan ${r.pick(PROBLEMS)}. ` +
          `Tujuannya pelayanan ${service.toLowerCase()} yang dekat, cepat dan tanpa biaya. ${sentence()}`,
      },
      {
        key: 'hasil_manfaat',
        text: `Hasilnya ${r.pick(RESULTS)} dan ${r.pick(RESULTS)}. ${sentence()}`,
      },
    ],
  };
}

/** The search queries the readers type: whole phrases, abbreviations, typos, one word, rare words. */
export const GALLERY_QUERIES = [
  'pelayanan kependudukan desa',
  'Disdukcapil',
  'akta kelahiran',
  'RSUD rujukan pasien',
  'stunting balita posyandu',
  'e-KTP',
  'pelayanan kependudukn',
  'bank sampah',
  'perizinan usaha UMKM',
  'Pemkab jemput bola',
  'imunisasi',
  'kesehatan jiwa pesisir',
  'aplikasi antrean puskesmas',
  'lansia',
  'pengaduan masyarakat',
  'sanitasi air bersih',
  'gampong',
  'pemadam kebakran',
];
