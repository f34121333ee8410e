/*
 * Proposal texts in Indonesian for the near-duplicate tests: a past winner and its renamed re-entry, two
 * proposals sharing one copied paragraph, two different innovations with a common title word and the same
 * boilerplate. Written by hand; every edit between the versions is deliberate and named in the tests.
 */

import type { ProposalText } from './prepare.js';

const BOILERPLATE_OPEN =
  'Inovasi ini bertujuan untuk meningkatkan kualitas pelayanan publik kepada masyarakat dalam rangka mewujudkan tata kelola pemerintahan yang baik.';
const BOILERPLATE_CLOSE =
  'Inovasi ini sejalan dengan visi daerah dan mendukung pencapaian tujuan pembangunan berkelanjutan.';

export const PAST_WINNER: ProposalText = {
  id: 101,
  title: 'Si Jempol: Jemput Bola Pelayanan Administrasi Kependudukan bagi Lansia',
  answers: [
    {
      key: 'ringkasan',
      text:
        'Banyak warga lanjut usia di kecamatan pesisir tidak pernah memiliki kartu tanda penduduk elektronik karena ' +
        'jarak ke kantor dinas terlalu jauh dan biaya perjalanan mahal. Petugas Disdukcapil kini datang langsung ke ' +
        'rumah warga dengan perangkat perekaman keliling. Data sidik jari, foto dan tanda tangan direkam di tempat, ' +
        'lalu kartu dicetak di kantor kecamatan dan diantar oleh kader desa dalam tiga hari kerja. Selama dua tahun ' +
        'pelaksanaan, lebih dari empat ribu warga lansia telah memiliki dokumen kependudukan yang sah.',
    },
    {
      key: 'kebaruan',
      text:
        'Sebelumnya pelayanan hanya tersedia di kantor dinas pada jam kerja. Jadwal kunjungan kini disusun bersama ' +
        'kepala desa berdasarkan daftar warga yang belum terekam, dan setiap kunjungan diumumkan melalui pengeras ' +
        'suara masjid serta grup pesan singkat warga. Keluarga dapat mendaftarkan orang tua mereka lewat formulir ' +
        'sederhana di kantor desa tanpa membawa fotokopi dokumen apa pun.',
    },
  ],
};

/**
 * The same innovation entered again: another title; in the summary the last two sentences swapped and a few
 * words changed ("pesisir" → "pantai", "tiga" → "dua", "empat ribu" → "lima ribu"); the novelty answer as it was
 * but for one word ("sederhana" → "singkat").
 */
export const RENAMED: ProposalText = {
  id: 201,
  title: 'Layanan Keliling Dokumen Kependudukan untuk Warga Lanjut Usia',
  answers: [
    {
      key: 'ringkasan',
      text:
        'Banyak warga lanjut usia di kecamatan pantai tidak pernah memiliki kartu tanda penduduk elektronik karena ' +
        'jarak ke kantor dinas terlalu jauh dan biaya perjalanan mahal. Petugas Disdukcapil kini datang langsung ke ' +
        'rumah warga dengan perangkat perekaman keliling. Selama dua tahun pelaksanaan, lebih dari lima ribu warga ' +
        'lansia telah memiliki dokumen kependudukan yang sah. Data sidik jari, foto dan tanda tangan direkam di ' +
        'tempat, lalu kartu dicetak di kantor kecamatan dan diantar oleh kader desa dalam dua hari kerja.',
    },
    {
      key: 'kebaruan',
      text:
        'Sebelumnya pelayanan hanya tersedia di kantor dinas pada jam kerja. Jadwal kunjungan kini disusun bersama ' +
        'kepala desa berdasarkan daftar warga yang belum terekam, dan setiap kunjungan diumumkan melalui pengeras ' +
        'suara masjid serta grup pesan singkat warga. Keluarga dapat mendaftarkan orang tua mereka lewat formulir ' +
        'singkat di kantor desa tanpa membawa fotokopi dokumen apa pun.',
    },
  ],
};

/** The same innovation again under its own name, spelled differently, answers unchanged. */
export const REPEAT: ProposalText = {
  ...PAST_WINNER,
  id: 202,
  title: 'SI JEMPOL — Jemput Bola Adminduk Lansia',
};

/** 60 words, copied whole into two proposals that are otherwise about different things. */
export const COPIED_PARAGRAPH =
  'Untuk menjamin keberlanjutan, pemerintah daerah menetapkan peraturan bupati yang mewajibkan setiap perangkat ' +
  'daerah menganggarkan biaya operasional inovasi, menunjuk penanggung jawab di setiap unit, dan melaporkan ' +
  'capaian kinerja setiap triwulan kepada bagian organisasi. Laporan tersebut dibahas dalam rapat evaluasi ' +
  'bersama inspektorat, sehingga kendala di lapangan segera ditindaklanjuti dan praktik baik dapat direplikasi ' +
  'oleh kecamatan lain tanpa harus menunggu tahun anggaran berikutnya';

const SAMPAH_BEFORE =
  'Warga membuang sampah rumah tangga ke sungai karena tidak ada tempat penampungan di permukiman padat. ' +
  'Bank sampah kelurahan menimbang sampah pilahan warga dan mencatat tabungannya dalam buku rekening.';
const SAMPAH_AFTER =
  'Hasil penjualan plastik dan kertas dibagikan kepada nasabah setiap akhir bulan, dan sungai di tiga rukun warga kini bersih.';

export const COPIER: ProposalText = {
  id: 301,
  title: 'Bank Sampah Berbasis Rukun Warga',
  answers: [
    { key: 'ringkasan', text: `${SAMPAH_BEFORE} ${COPIED_PARAGRAPH}. ${SAMPAH_AFTER}` },
    {
      key: 'kebaruan',
      text: 'Tabungan sampah dapat dipakai untuk membayar iuran kebersihan dan pajak bumi dan bangunan di kelurahan.',
    },
  ],
};

export const COPIED_FROM: ProposalText = {
  id: 302,
  title: 'Posyandu Digital untuk Tumbuh Kembang Balita',
  answers: [
    {
      key: 'ringkasan',
      text:
        'Kader posyandu mencatat berat dan tinggi badan balita di aplikasi ponsel, dan orang tua menerima pengingat ' +
        'imunisasi lewat pesan singkat. Puskesmas memantau grafik pertumbuhan setiap bulan dan mengunjungi balita ' +
        'yang berisiko tengkes.',
    },
    {
      key: 'keberlanjutan',
      text: `${COPIED_PARAGRAPH}. Pelatihan kader diulang setiap tahun dengan dana desa.`,
    },
  ],
};

/** Two different innovations: a common title word ("Sistem Informasi"), the same opening and closing lines. */
export const SISTEM_DESA: ProposalText = {
  id: 401,
  title: 'Sistem Informasi Pelayanan Terpadu Desa',
  answers: [
    {
      key: 'ringkasan',
      text:
        `${BOILERPLATE_OPEN} Warga desa mengurus surat keterangan usaha, domisili dan pengantar nikah melalui satu ` +
        'aplikasi di kantor desa, dan kepala desa menandatangani surat secara elektronik sehingga warga tidak perlu ' +
        `datang berkali-kali. Status permohonan dapat dilihat di papan informasi balai desa. ${BOILERPLATE_CLOSE}`,
    },
  ],
};

export const SISTEM_KIA: ProposalText = {
  id: 402,
  title: 'Sistem Informasi Kesehatan Ibu dan Anak',
  answers: [
    {
      key: 'ringkasan',
      text:
        `${BOILERPLATE_OPEN} Bidan desa mencatat pemeriksaan kehamilan di aplikasi, rumah sakit rujukan menerima ` +
        'ringkasan riwayat ibu sebelum persalinan, dan ibu hamil berisiko tinggi dijemput ambulans desa tanpa biaya. ' +
        `Angka kematian ibu di kabupaten turun selama tiga tahun berturut-turut. ${BOILERPLATE_CLOSE}`,
    },
  ],
};
