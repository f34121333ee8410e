import type { Template } from './template-kit.js';

/**
 * The notice of a personal-data erasure (UU PDP 27/2022), sent to the old address before it is erased. It
 * names neither the person nor the address: the body is kept as the delivery record, and the address is
 * replaced once the mail is delivered or given up (the daily retention job).
 */
const paragraphs = (at: string) => ({
  id: [
    'Yth. Bapak/Ibu,',
    `Atas permintaan penghapusan data pribadi (UU No. 27 Tahun 2022), administrator sistem Sinovik telah menghapus data pribadi akun Sinovik yang terdaftar dengan alamat e-mail ini pada ${at}: nama, alamat e-mail, nomor telepon, jabatan, kata sandi, sesi masuk, notifikasi, dan isi e-mail yang dikirim kepada Anda. Akun ini tidak dapat dipakai lagi.`,
    'Catatan kompetisi tetap disimpan tanpa identitas Anda: proposal tetap milik instansinya, nilai dan keputusan tetap tercatat dengan nomor akun, dan jejak audit tidak diubah.',
  ],
  en: [
    'Dear Sir/Madam,',
    `Following a request to erase personal data (Law No. 27 of 2022), the Sinovik system administrator erased on ${at} the personal data of the Sinovik account registered with this e-mail address: name, e-mail address, phone number, position, password, sessions, notifications and the bodies of e-mails sent to you. The account can no longer be used.`,
    'The competition record is kept without your identity: proposals stay with their institution, scores and decisions stay recorded under the account number, and the audit trail is not changed.',
  ],
});

export const erasureTemplates = {
  user_erased: {
    subject: {
      id: () => 'Data pribadi Anda di Sinovik telah dihapus / Your personal data in Sinovik was erased',
      en: () => 'Your personal data in Sinovik was erased / Data pribadi Anda di Sinovik telah dihapus',
    },
    body: {
      // Both languages in either: the person may no longer be able to choose one.
      id: (v) => {
        const p = paragraphs(String(v.at));
        return [...p.id, '—', ...p.en];
      },
      en: (v) => {
        const p = paragraphs(String(v.at));
        return [...p.en, '—', ...p.id];
      },
    },
  },
} satisfies Record<string, Template>;
