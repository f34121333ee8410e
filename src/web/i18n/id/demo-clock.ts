/** The demo clock (SINOVIK_CLOCK_CONTROL=1; system administrator). */
export const demoClock = {
  nav: 'Jam demo',
  title: 'Jam demo',
  lead: 'Majukan waktu server untuk mencoba tahapan yang baru dibuka beberapa hari atau minggu lagi (mis. uji publik dan penutupannya). Hanya tersedia pada instalasi demo.',
  now: 'Waktu server: {{at}}',
  plusHour: '+1 jam',
  plusDay: '+1 hari',
  plusWeek: '+1 minggu',
  setLabel: 'Setel ke tanggal dan jam (WIB)',
  set: 'Setel waktu',
  reset: 'Kembali ke waktu nyata',
  moved: 'Waktu server sekarang {{at}}.',
  badInstant: 'Isi tanggal dan jam lengkap.',
  note: 'Waktu ini berlaku untuk semua pengguna dan semua batas waktu; setiap perubahan dicatat di log audit. Sesi yang lewat masa berlakunya perlu masuk kembali.',
};
