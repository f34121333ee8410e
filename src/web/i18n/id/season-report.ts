/** The season report (issue 13 point 7): the funnel, its breakdowns and the years side by side. */
export const seasonReport = {
  title: 'Laporan musim kompetisi',
  link: 'Laporan musim',
  back: 'Kembali ke seleksi',
  intro:
    'Corong peserta dari proposal terdaftar sampai Top Inovasi Terpuji. Proposal yang sudah melewati suatu tahap tetap dihitung pada tahap itu walaupun kemudian berpindah status.',
  organizer: 'Penyelenggara: {{name}}',
  provisional:
    'Daftar finalis akhir belum ditetapkan: tahap Finalis menghitung finalis sementara (uji publik).',
  generated: 'Dihitung pada {{at}}',
  download: 'Unduh XLSX',
  province: 'Provinsi',
  allProvinces: 'Semua provinsi',
  provinceHelp: 'Batasi laporan pada satu provinsi: wilayah dirinci per kabupaten/kota.',
  tabs: { season: 'Kompetisi ini', years: 'Antar tahun' },
  funnel: {
    title: 'Corong peserta',
    step: 'Tahap',
    count: 'Jumlah',
    ofPrevious: '% dari tahap sebelumnya',
    ofRegistered: '% dari terdaftar',
    row: '{{label}}: {{count}} proposal ({{ofRegistered}} dari terdaftar, {{ofPrevious}} dari tahap sebelumnya).',
  },
  breakdown: {
    title: 'Rincian per {{name}}',
    choose: 'Rincian menurut',
    legend: 'Panjang batang: terdaftar; isian: lolos administrasi dan finalis.',
    row: '{{label}}: {{registered}} terdaftar, {{passedAdmin}} lolos administrasi, {{finalist}} finalis.',
    empty: 'Belum ada proposal.',
    names: {
      category: 'Kategori',
      group: 'Kelompok',
      participantType: 'Jenis peserta',
      region: 'Wilayah',
      regionProvince: 'Provinsi',
      regionRegency: 'Kabupaten/Kota',
    },
  },
  years: {
    title: 'Perbandingan antar tahun',
    intro: 'Kompetisi {{organizer}} per tahun: jumlah tiap tahap dan konversinya dari tahap sebelumnya.',
    year: 'Tahun',
    competition: 'Kompetisi',
    row: '{{year}}: {{count}} proposal.',
    stepTitle: '{{step}} per tahun',
    none: 'Belum ada kompetisi lain dari penyelenggara ini.',
  },
};
