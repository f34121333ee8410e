/** The gallery's statistics and open data pages (issue 14 point 6): /galeri/statistik and /galeri/data. */
export const galleryData = {
  links: { stats: 'Statistik galeri', data: 'Data terbuka (CSV, JSON)' },
  backToGallery: 'Kembali ke galeri inovasi',
  stats: {
    title: 'Statistik galeri inovasi',
    intro:
      'Jumlah inovasi di galeri menurut tahun, kategori, provinsi, jenis instansi, dan penghargaan. Saringan di bawah berlaku untuk semua grafik.',
    total_one: '{{count}} inovasi sesuai saringan',
    total_other: '{{count}} inovasi sesuai saringan',
    charts: {
      years: 'Menurut tahun',
      categories: 'Menurut kategori',
      provinces: 'Menurut provinsi',
      participantTypes: 'Menurut jenis instansi',
      awards: 'Menurut penghargaan',
    },
    chartLabel:
      '{{title}}: diagram batang. Nilai terbesar {{top}} ({{count}} inovasi). Tabel data tersedia di bawah.',
    empty: 'Belum ada inovasi untuk grafik ini.',
    withoutCategory: 'Tanpa kategori: {{count}} inovasi.',
    withoutProvince: 'Instansi pusat (tanpa provinsi): {{count}} inovasi.',
    awardsNote:
      'Satu inovasi dapat dihitung pada lebih dari satu penghargaan; setiap finalis termasuk Top 99.',
    showTable: 'Tampilkan tabel data',
    tableLabel: 'Tabel data: {{title}}',
    column: { label: 'Nilai', count: 'Jumlah inovasi', share: 'Persentase', open: 'Di galeri' },
    openInGallery: 'Lihat {{count}} inovasi',
    replication: {
      title: 'Replikasi',
      intro:
        'Replikasi yang tercatat di galeri: permohonan replikasi yang diterima pemilik inovasi dan inovasi replikasi di galeri yang menyebut inovasi asalnya. Angka ini untuk seluruh galeri; saringan di atas tidak berlaku.',
      total_one: '{{count}} replikasi tercatat',
      total_other: '{{count}} replikasi tercatat',
      none: 'Belum ada replikasi yang tercatat di galeri.',
      charts: {
        innovations: '10 inovasi paling banyak direplikasi',
        institutions: 'Menurut instansi pemilik inovasi (10 teratas)',
        provinces: 'Menurut provinsi instansi yang mereplikasi',
      },
      empty: 'Belum ada replikasi untuk grafik ini.',
      withoutProvince: 'Oleh instansi pusat (tanpa provinsi): {{count}} replikasi.',
      chartLabel:
        '{{title}}: diagram batang. Nilai terbesar {{top}} ({{count}} replikasi). Tabel data tersedia di bawah.',
      column: { count: 'Jumlah replikasi' },
      openColumn: 'Halaman inovasi',
      openInnovation: 'Buka {{title}}',
    },
  },
  data: {
    title: 'Data terbuka galeri inovasi',
    intro:
      'Semua data publik galeri dapat diunduh dan dipakai ulang: satu baris per inovasi, dengan alamat tetap halaman dan API-nya. Hanya inovasi yang tampil di galeri (finalis dari hasil yang sudah diumumkan, atau yang instansinya setuju) yang ada di berkas ini.',
    filtersHint: 'Saringan berlaku untuk kedua berkas (kosongkan untuk mengunduh semua).',
    downloadCsv: 'Unduh CSV',
    downloadJson: 'Unduh JSON',
    csvNote:
      'CSV: UTF-8 dengan BOM (langsung terbaca di Excel), baris judul kolom, pemisah koma, kutip ganda sesuai RFC 4180. Sel yang diawali = + - @ diberi tanda petik tunggal di depannya agar tidak dijalankan sebagai rumus.',
    jsonNote:
      'JSON: objek { generatedAt, items: [...] }; setiap item sama dengan jawaban GET /api/public/gallery/:slug ditambah url dan api.',
    fieldsTitle: 'Kolom data',
    fieldsTable: 'Tabel kolom data',
    column: { field: 'Kolom', type: 'Jenis', meaning: 'Arti', example: 'Contoh' },
    docsNote: 'Penjelasan lengkap ada di docs/open-data.md; API dapat dicoba di /api/docs.',
  },
};
