/** "Unduh data pribadi saya" on the profile page (UU PDP 27/2022). */
export const personalData = {
  title: 'Data pribadi Anda',
  intro:
    'Unduh salinan data pribadi yang disimpan Sinovik tentang Anda (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi): akun, peran, proposal yang Anda buat atau ubah, sesi masuk, catatan gagal masuk, notifikasi, jejak audit tindakan Anda, dan daftar e-mail yang dikirim kepada Anda.',
  download: 'Unduh data pribadi saya',
  note: 'Berkas JSON, hanya berisi data Anda sendiri; tautan rahasia dan isi e-mail tidak disertakan. Paling banyak 10 kali per jam.',
};
