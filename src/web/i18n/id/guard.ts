/** Confirmations of what cannot be undone (publish, unpublish, forward, withdraw, extension) and amendments. */
export const guard = {
  publishedRules:
    'Kompetisi ini sudah terbit. Teks (nama, tema, uraian, petunjuk) dan berkas lampiran dapat diubah langsung. Perubahan struktur (kelompok dan aturannya, bagian formulir, bobot, batas kata, kategori, jadwal tahapan, zona waktu) disimpan sebagai adendum yang diumumkan kepada peserta. Kode, tahun, dan jadwal pengajuan tidak dapat diubah di sini: batas pengajuan diperpanjang melalui Dasbor pengajuan.',
  cancel: 'Batal',
  loading: 'Menghitung dampaknya…',
  publish: {
    title: 'Terbitkan kompetisi ini?',
    public:
      'Kompetisi, kelompok, kategori, formulir, dan jadwalnya tampil di beranda dan dapat dilihat siapa pun.',
    window: 'Pengajuan proposal dibuka {{opens}} dan ditutup {{closes}}.',
    reminders:
      'Pengingat dikirim 7, 3, dan 1 hari sebelum penutupan; saat penutupan, proposal yang belum diteruskan dibekukan.',
    locked:
      'Setelah terbit, struktur kompetisi (kelompok, bagian, bobot, kategori, jadwal, zona waktu) hanya dapat diubah melalui adendum yang diumumkan kepada peserta; batas pengajuan hanya melalui perpanjangan resmi.',
    confirm: 'Ya, terbitkan',
  },
  unpublish: {
    title: 'Tarik kembali kompetisi ke draf?',
    counts:
      'Proposal dalam kompetisi ini: {{total}} ({{draft}} draf, {{sent}} di Admin Lokal, {{returned}} dikembalikan, {{forwarded}} diteruskan).',
    hidden: 'Kompetisi hilang dari beranda dan dari daftar setiap UPP dan Admin Lokal.',
    jobs: 'Pengingat yang belum terkirim ({{reminders}}) dan penutupan otomatis tidak dijalankan selama kompetisi berstatus draf.',
    refused: 'Tidak dapat ditarik kembali',
    confirm: 'Ya, tarik ke draf',
  },
  amendment: {
    title: 'Perubahan ini memerlukan adendum',
    intro:
      'Kompetisi sudah terbit. Perubahan berikut mengubah ketentuan bagi peserta; perubahan ini dicatat sebagai adendum, ditampilkan di halaman kompetisi, dan diumumkan kepada Admin Lokal instansi yang sudah memiliki proposal.',
    number: 'Nomor adendum',
    numberHint: 'Nomor surat keputusan yang menetapkan perubahan.',
    reasonId: 'Alasan (Bahasa Indonesia)',
    reasonEn: 'Alasan (bahasa Inggris, opsional)',
    confirm: 'Simpan sebagai adendum',
    listTitle: 'Adendum',
    listIntro: 'Perubahan ketentuan sesudah kompetisi diterbitkan.',
    reason: 'Alasan: {{reason}}',
    decided: 'Ditetapkan {{at}}',
  },
  forward: {
    title: 'Teruskan proposal ke penyelenggara?',
    quotaAfter: 'Kuota terpakai setelah ini: {{after}}/{{limit}} {{group}}',
    noQuota: 'Kelompok {{group}} tidak memiliki kuota per instansi.',
    locked:
      'Setelah diteruskan, unit tidak dapat lagi mengubah proposal ini; Anda masih dapat menariknya kembali sebelum pengajuan ditutup.',
    confirm: 'Ya, teruskan',
  },
  withdraw: {
    quotaAfter: 'Kuota terpakai setelah ditarik: {{after}}/{{limit}} {{group}}',
    effect:
      'Proposal tidak lagi ada di tangan penyelenggara. Teruskan lagi sebelum pengajuan ditutup, atau proposal akan dibekukan saat penutupan.',
  },
  extend: {
    checking: 'Memeriksa…',
    moved: 'Tahapan berikut ikut bergeser agar jadwal tidak bertumpuk:',
    movedItem: '{{name}}: {{from}} → {{to}}',
    noneMoved: 'Tidak ada tahapan lain yang bergeser.',
    recipients: '{{count}} akun Admin Lokal dan pengusul akan diberi tahu lewat notifikasi dan e-mail.',
  },
};
