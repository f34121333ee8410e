/** Who may take part in a competition (secretariat settings). */
export const participation = {
  title: 'Peserta kompetisi',
  intro:
    'Siapa yang boleh mengikuti kompetisi ini. Instansi lain tidak ditawari kompetisi ini dan tidak dapat membuat atau meneruskan proposal di dalamnya.',
  allTypes: 'Semua jenis instansi',
  types: 'Jenis instansi yang boleh ikut',
  regions: 'Wilayah (kode wilayah)',
  regionsHint:
    'Kosongkan untuk seluruh Indonesia. Kode provinsi (mis. 36 untuk Banten) mencakup semua kabupaten/kotanya; kode kabupaten/kota ditulis seperti 36.03. Tekan Enter setelah setiap kode.',
  save: 'Simpan peserta',
  saved: 'Aturan peserta disimpan.',
  saveFailed: 'Aturan peserta belum disimpan',
};
