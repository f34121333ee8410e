/** Personal-data erasure of a person and the retention settings (UU PDP 27/2022; system administrator). */
export const erasure = {
  action: 'Hapus data pribadi',
  title: 'Hapus data pribadi {{name}}',
  intro:
    'Lakukan hanya atas permintaan resmi orang ini (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi). Tindakan ini tidak dapat dibatalkan.',
  erasedTitle: 'Yang dihapus',
  erased: [
    'Nama, alamat e-mail, nomor telepon, jabatan dan kata sandi akun; akun dinonaktifkan untuk selamanya dan tidak dapat diaktifkan kembali.',
    'Semua peran, sesi masuk, tautan masuk/atur ulang sandi, notifikasi, dan catatan gagal masuk untuk alamat ini.',
    'Isi e-mail yang dikirim kepadanya; e-mail yang belum terkirim dibatalkan.',
    'Nama, e-mail dan teleponnya sebagai narahubung proposal, galeri, permintaan replikasi, sanggahan dan permohonan akun.',
  ],
  keptTitle: 'Yang tetap disimpan (catatan kompetisi)',
  kept: [
    'Proposal tetap milik instansinya; penulisnya tampil sebagai “Pengguna terhapus #{{id}}”.',
    'Nilai, ulasan dan keputusan tetap tercatat dengan nomor akun.',
    'Jejak audit tidak diubah (rantai audit harus tetap dapat diverifikasi); riwayat versi proposal yang sudah tersimpan juga tetap.',
  ],
  notice: 'Pemberitahuan singkat dwibahasa dikirim sekali ke alamat lama sebelum alamat itu dihapus.',
  reference: 'Nomor atau alasan permintaan',
  referenceHint: 'Mis. nomor surat permohonan. Dicatat di jejak audit: jangan tulis data pribadi.',
  confirmEmail: 'Ketik alamat e-mail {{email}} untuk mengonfirmasi',
  submit: 'Hapus data pribadi secara permanen',
  done: 'Data pribadi telah dihapus.',
  erasedBadge: 'Data pribadi dihapus',
  erasedOn: 'Data pribadi akun ini dihapus pada',
  retention: {
    nav: 'Retensi data',
    title: 'Retensi data pribadi',
    intro:
      'Berapa hari Sinovik menyimpan data pribadi yang bukan bagian dari catatan kompetisi. Setiap hari sebuah tugas terjadwal menghapus yang lebih lama dari pengaturan ini.',
    auditNote:
      'Jejak audit adalah catatan kompetisi dan tidak terkena retensi: tidak pernah dihapus atau diubah.',
    loginFailureDays: 'Catatan gagal masuk',
    sessionDays: 'Sesi masuk yang sudah kedaluwarsa',
    mailBodyDays: 'Isi e-mail yang terkirim atau gagal (amplop e-mail tetap disimpan)',
    notificationDays: 'Notifikasi yang sudah dibaca',
    tokenDays: 'Tautan masuk/atur ulang sandi yang terpakai atau kedaluwarsa',
    days: 'hari',
    defaultIs: 'Bawaan: {{n}} hari · batas {{min}}–{{max}}',
    save: 'Simpan pengaturan retensi',
    saved: 'Pengaturan retensi disimpan.',
    updated: 'Terakhir diubah',
    never: 'Belum pernah diubah (nilai bawaan)',
  },
};
