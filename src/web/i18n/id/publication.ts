/** Publikasi hasil (issue 12 point 1): the secretariat's publication page, the public announcement, the result on a proposal. */
export const publication = {
  title: 'Publikasi hasil seleksi administrasi',
  intro: 'Keputusan seleksi administrasi disimpan sebagai draf sampai diumumkan bersama di sini.',
  backToDashboard: 'Kembali ke dasbor kompetisi',
  counts: {
    received: 'Proposal dalam tahap ini',
    passed: 'Lolos (draf)',
    disqualified: 'Didiskualifikasi (draf)',
    undecided: 'Belum diputuskan',
    awaitingCompletion: 'Menunggu kelengkapan',
    completionOverdue: 'Lewat batas kelengkapan',
  },
  blockersTitle: 'Belum dapat diumumkan',
  blockerCodes: 'Antara lain: {{codes}}',
  readyTitle: 'Siap diumumkan',
  readyText:
    '{{passed}} proposal lolos dan {{disqualified}} didiskualifikasi. Pemberitahuan akan dikirim ke {{recipients}} Admin Lokal dari {{institutions}} instansi.',
  nothingStaged: 'Belum ada keputusan yang dapat diumumkan.',
  publishedTitle: 'Sudah diumumkan',
  publishedText: 'Diumumkan dengan surat nomor {{letter}} pada {{at}}.',
  viewPublic: 'Lihat pengumuman publik',
  form: {
    title: 'Surat pengumuman',
    letterNumber: 'Nomor surat',
    letterHint: 'Contoh: B/187/PP.00.05/2022',
    titleId: 'Judul (Bahasa Indonesia)',
    titleEn: 'Judul (Bahasa Inggris)',
    bodyId: 'Isi pengumuman (Bahasa Indonesia)',
    bodyEn: 'Isi pengumuman (Bahasa Inggris)',
    publish: 'Umumkan hasil…',
  },
  preview: {
    title: 'Pratinjau daftar publik',
    note: 'Hanya proposal yang lolos yang dicantumkan di halaman publik. Proposal yang didiskualifikasi hanya diberitahukan kepada instansinya, beserta alasannya.',
    more: 'dan {{count}} proposal lainnya.',
  },
  confirm: {
    title: 'Umumkan hasil seleksi administrasi?',
    text: 'Pengumuman dengan nomor {{letter}} akan tampil di halaman publik kompetisi, tanpa perlu masuk akun. {{passed}} proposal berstatus "Lolos seleksi administrasi" dan {{disqualified}} berstatus "Didiskualifikasi".',
    mails:
      'E-mail dan notifikasi dikirim ke {{recipients}} Admin Lokal dari {{institutions}} instansi, masing-masing berisi hasil proposal instansinya.',
    irreversible: 'Tindakan ini tidak dapat dibatalkan.',
    button: 'Ya, umumkan',
  },
  done: 'Hasil diumumkan: {{passed}} lolos, {{disqualified}} didiskualifikasi, {{mails}} e-mail dikirim.',
  col: { no: 'No.', code: 'Kode', title: 'Judul inovasi', institution: 'Instansi', group: 'Kelompok' },
  public: {
    letter: 'Nomor surat',
    date: 'Tanggal',
    listTitle: 'Daftar proposal yang lolos',
    search: 'Cari kode, judul, atau instansi',
    matching: '{{count}} proposal',
    empty: 'Tidak ada proposal yang cocok dengan pencarian.',
    pdf: 'Unduh surat pengumuman (PDF)',
    back: 'Kembali ke halaman kompetisi',
    notFound: 'Pengumuman ini belum diterbitkan.',
  },
  result: {
    passedTitle: 'Lolos seleksi administrasi',
    passedText:
      'Proposal ini lolos seleksi administrasi (pengumuman nomor {{letter}}, {{at}}) dan mengikuti tahap evaluasi berikutnya.',
    disqualifiedTitle: 'Didiskualifikasi',
    disqualifiedText:
      'Proposal ini didiskualifikasi dalam seleksi administrasi (pengumuman nomor {{letter}}, {{at}}).',
    reason: 'Alasan: {{reason}}',
  },
};
