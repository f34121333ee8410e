/** The signed-in person's own home (/beranda): what each of their roles does, and when a judge's work starts. */
export const home = {
  title: 'Beranda saya',
  welcome: 'Selamat datang, {{name}}.',
  rolesTitle: 'Peran dan tugas Anda',
  pagesTitle: 'Halaman kerja Anda',
  work: {
    upp: 'Menyusun proposal inovasi unit Anda dan mengirimkannya kepada admin lokal instansi.',
    local_admin:
      'Mengelola unit dan akun UPP instansi Anda, memeriksa proposal yang dikirim UPP, lalu meneruskannya kepada penyelenggara.',
    secretariat:
      'Menyiapkan kompetisi dan jadwalnya, memantau pengajuan proposal, dan memproses permohonan akun admin lokal.',
    evaluator:
      'Tim Evaluasi menilai proposal dan dokumen pendukung yang lolos seleksi administrasi, lalu mengusulkan nominasi kepada Tim Panel Independen.',
    panelist:
      'Tim Panel Independen menetapkan finalis, mendengarkan presentasi dan wawancara, melakukan verifikasi lapangan, dan menetapkan Top Inovasi Pelayanan Publik Terpuji.',
    data_steward: 'Memelihara data rujukan bersama: daftar instansi dan daftar penghargaan terdahulu.',
    system_admin: 'Mengelola akun pengguna dan peran mereka.',
  },
  scope: {
    institution: 'Instansi: {{name}}',
    unit: 'Unit: {{name}}',
  },
  judging: {
    title: 'Kompetisi yang ditugaskan kepada Anda',
    none: 'Anda belum ditugaskan pada kompetisi mana pun. Penugasan diberikan oleh sekretariat penyelenggara.',
    competition: '{{name}} ({{year}})',
    draft: 'Kompetisi ini masih disiapkan penyelenggara; jadwalnya dapat berubah.',
    upcoming: {
      evaluator: 'Penilaian oleh Tim Evaluasi dimulai {{time}}.',
      panelist: 'Penilaian oleh Tim Panel Independen dimulai {{time}}.',
    },
    upcomingNote: 'Sebelum tanggal itu tidak ada yang perlu Anda kerjakan di Sinovik.',
    open: {
      evaluator: 'Penilaian oleh Tim Evaluasi sedang berlangsung sejak {{time}}.',
      panelist: 'Penilaian oleh Tim Panel Independen sedang berlangsung sejak {{time}}.',
    },
    finished: 'Tahapan penilaian Anda telah berakhir {{time}}.',
    notScheduled: 'Penyelenggara belum menetapkan jadwal tahapan penilaian Anda.',
    stagesTitle: 'Tahapan Anda',
    stageDates: '{{opens}} – {{closes}}',
    stageOpens: 'mulai {{opens}}',
    stageUndated: 'jadwal belum ditetapkan',
    publicPage: 'Halaman publik kompetisi',
    loadFailed: 'Penugasan Anda tidak dapat dimuat. Muat ulang halaman ini.',
  },
};
