import { link, type Template } from './template-kit.js';

/** The mails of accounts and of admin lokal account requests (sign-in, roles, requests and their outcome). */
export const accountTemplates = {
  password_reset: {
    subject: {
      id: () => 'Atur ulang kata sandi Sinovik',
      en: () => 'Reset your Sinovik password',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        'Kami menerima permintaan untuk mengatur ulang kata sandi akun Sinovik Anda. Buka tautan berikut untuk membuat kata sandi baru:',
        link(v.link),
        `Tautan ini hanya dapat dipakai satu kali dan berlaku sampai ${v.expires}.`,
        'Jika Anda tidak meminta ini, abaikan e-mail ini; kata sandi Anda tidak berubah.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        'We received a request to reset the password of your Sinovik account. Open this link to choose a new password:',
        link(v.link),
        `The link works once and is valid until ${v.expires}.`,
        'If you did not ask for this, ignore this e-mail; your password is unchanged.',
      ],
    },
  },
  sign_in_link: {
    subject: {
      id: () => 'Tautan masuk Sinovik',
      en: () => 'Your Sinovik sign-in link',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        'Kami menerima permintaan tautan masuk untuk akun Sinovik Anda. Buka tautan berikut untuk masuk tanpa kata sandi:',
        `LINK:${v.link}`,
        `Tautan ini hanya dapat dipakai satu kali dan berlaku sampai ${v.expires}.`,
        'Jika Anda tidak meminta ini, abaikan e-mail ini. Bila Anda menerima e-mail ini berulang kali tanpa memintanya, seseorang mungkin sedang mencoba masuk ke akun Anda: sebaiknya ganti kata sandi Anda.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        'We received a request for a sign-in link for your Sinovik account. Open this link to sign in without your password:',
        `LINK:${v.link}`,
        `The link works once and is valid until ${v.expires}.`,
        'If you did not ask for this, ignore this e-mail. If you keep receiving it without asking, someone may be trying to get into your account: consider changing your password.',
      ],
    },
  },
  account_created: {
    subject: {
      id: () => 'Akun Sinovik Anda telah dibuat',
      en: () => 'Your Sinovik account has been created',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.createdBy} telah membuatkan akun Sinovik untuk Anda sebagai ${v.roleLabel} (${v.scope}).`,
        'Buka tautan berikut untuk membuat kata sandi dan melengkapi profil Anda:',
        link(v.link),
        `Tautan ini hanya dapat dipakai satu kali dan berlaku sampai ${v.expires}. Nama pengguna Anda: ${v.email}.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.createdBy} has created a Sinovik account for you as ${v.roleLabel} (${v.scope}).`,
        'Open this link to set your password and complete your profile:',
        link(v.link),
        `The link works once and is valid until ${v.expires}. Your user name: ${v.email}.`,
      ],
    },
  },
  // The system administrator's user management (modules/user-admin): the person affected is told.
  user_role_granted: {
    subject: {
      id: (v) => `Peran baru di Sinovik: ${v.roleLabel}`,
      en: (v) => `New role in Sinovik: ${v.roleLabel}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.by} memberi akun Sinovik Anda (${v.email}) peran ${v.roleLabel} untuk ${v.scope}.`,
        'Peran ini berlaku sejak sekarang; masuk ke Sinovik untuk memakainya.',
        'Jika menurut Anda ini keliru, hubungi administrator sistem.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.by} gave your Sinovik account (${v.email}) the role ${v.roleLabel} for ${v.scope}.`,
        'The role applies from now on; log in to Sinovik to use it.',
        'If you think this is a mistake, contact the system administrator.',
      ],
    },
  },
  user_role_revoked: {
    subject: {
      id: (v) => `Peran Anda di Sinovik dicabut: ${v.roleLabel}`,
      en: (v) => `Your Sinovik role was revoked: ${v.roleLabel}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.by} mencabut peran ${v.roleLabel} untuk ${v.scope} dari akun Sinovik Anda (${v.email}) pada ${v.at}.`,
        'Sejak saat itu Anda tidak lagi memiliki akses peran tersebut.',
        'Jika menurut Anda ini keliru, hubungi administrator sistem.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.by} revoked the role ${v.roleLabel} for ${v.scope} from your Sinovik account (${v.email}) on ${v.at}.`,
        'From then on you no longer have the access of that role.',
        'If you think this is a mistake, contact the system administrator.',
      ],
    },
  },
  user_deactivated: {
    subject: {
      id: () => 'Akun Sinovik Anda dinonaktifkan',
      en: () => 'Your Sinovik account has been deactivated',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.by} menonaktifkan akun Sinovik Anda (${v.email}) pada ${v.at}.`,
        'Anda tidak dapat masuk lagi, dan setiap sesi yang masih terbuka telah diakhiri.',
        v.byRole === 'local_admin'
          ? `Jika menurut Anda ini keliru, hubungi Admin Lokal instansi Anda, ${v.by}.`
          : 'Jika menurut Anda ini keliru, hubungi administrator sistem.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.by} deactivated your Sinovik account (${v.email}) on ${v.at}.`,
        'You can no longer log in, and every session still open has been ended.',
        v.byRole === 'local_admin'
          ? `If you think this is a mistake, contact your institution's admin lokal, ${v.by}.`
          : 'If you think this is a mistake, contact the system administrator.',
      ],
    },
  },
  user_reactivated: {
    subject: {
      id: () => 'Akun Sinovik Anda diaktifkan kembali',
      en: () => 'Your Sinovik account is active again',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.by} mengaktifkan kembali akun Sinovik Anda (${v.email}) pada ${v.at}.`,
        'Anda dapat masuk lagi dengan kata sandi Anda.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.by} reactivated your Sinovik account (${v.email}) on ${v.at}.`,
        'You can log in again with your password.',
      ],
    },
  },
  admin_request_received: {
    subject: {
      id: (v) => `Permohonan akun Admin Lokal ${v.institution} telah diterima`,
      en: (v) => `Local admin account request for ${v.institution} received`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Permohonan akun Admin Lokal untuk ${v.institution} telah kami terima pada ${v.receivedAt} dengan nomor permohonan ${v.requestId}.`,
        'Tim Sekretariat akan memeriksa surat permohonan Anda. Anda akan menerima e-mail berisi hasilnya.',
        'Status permohonan dapat Anda periksa kapan saja dengan nomor ini dan alamat e-mail ini:',
        link(v.statusLink),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `We received the local admin account request for ${v.institution} on ${v.receivedAt}, request number ${v.requestId}.`,
        'The secretariat will check your request letter. You will receive an e-mail with the outcome.',
        'You can check the status of the request at any time with this number and this e-mail address:',
        link(v.statusLink),
      ],
    },
  },
  admin_request_account_exists: {
    subject: {
      id: () => 'Permohonan akun Admin Lokal dengan alamat e-mail Anda',
      en: () => 'A local admin account request with your e-mail address',
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Seseorang mengirim permohonan akun Admin Lokal untuk ${v.institution} dengan alamat e-mail ini. Alamat ini sudah memiliki akun Sinovik, jadi permohonan itu tidak dicatat.`,
        'Jika itu Anda, masuk dengan akun yang ada:',
        `LINK:${v.loginLink}`,
        'Lupa kata sandi? Minta tautan atur ulang di sini:',
        `LINK:${v.resetLink}`,
        'Jika bukan Anda, abaikan e-mail ini; akun Anda tidak berubah.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `Someone sent a local admin account request for ${v.institution} with this e-mail address. The address already has a Sinovik account, so the request was not recorded.`,
        'If that was you, sign in with your existing account:',
        `LINK:${v.loginLink}`,
        'Forgot your password? Ask for a reset link here:',
        `LINK:${v.resetLink}`,
        'If it was not you, ignore this e-mail; your account is unchanged.',
      ],
    },
  },
  admin_request_duplicate: {
    subject: {
      id: (v) => `Permohonan akun Admin Lokal ${v.institution} masih diperiksa`,
      en: (v) => `Local admin account request for ${v.institution} still under review`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Permohonan akun Admin Lokal dengan alamat e-mail ini (nomor permohonan ${v.requestId}) masih diperiksa oleh Tim Sekretariat, sehingga permohonan yang baru tidak dicatat.`,
        'Anda akan menerima e-mail berisi hasil pemeriksaan permohonan yang pertama. Statusnya dapat Anda periksa di sini:',
        link(v.statusLink),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `A local admin account request with this e-mail address (request number ${v.requestId}) is still being reviewed by the secretariat, so the new request was not recorded.`,
        'You will receive an e-mail with the outcome of the first request. You can check its status here:',
        link(v.statusLink),
      ],
    },
  },
  admin_request_new: {
    subject: {
      id: (v) => `Permohonan Akun Sinovik Admin Lokal ${v.institution}`,
      en: (v) => `Local admin account request: ${v.institution}`,
    },
    body: {
      id: (v) => [
        `Permohonan akun Admin Lokal baru dari ${v.institution}: ${v.name} (${v.position}), ${v.email}.`,
        'Periksa surat permohonan dan setujui atau tolak permohonan ini:',
        link(v.link),
      ],
      en: (v) => [
        `A new local admin account request from ${v.institution}: ${v.name} (${v.position}), ${v.email}.`,
        'Check the request letter, then approve or reject the request:',
        link(v.link),
      ],
    },
  },
  admin_request_approved: {
    subject: {
      id: (v) => `Akun Admin Lokal ${v.institution} telah disetujui`,
      en: (v) => `Local admin account for ${v.institution} approved`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Permohonan akun Admin Lokal untuk ${v.institution} telah disetujui. Nama pengguna Anda: ${v.email}.`,
        'Buka tautan berikut untuk membuat kata sandi dan melengkapi profil Anda:',
        link(v.link),
        `Tautan ini hanya dapat dipakai satu kali dan berlaku sampai ${v.expires}.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The local admin account request for ${v.institution} has been approved. Your user name: ${v.email}.`,
        'Open this link to set your password and complete your profile:',
        link(v.link),
        `The link works once and is valid until ${v.expires}.`,
      ],
    },
  },
  admin_request_rejected: {
    subject: {
      id: (v) => `Permohonan akun Admin Lokal ${v.institution} ditolak`,
      en: (v) => `Local admin account request for ${v.institution} rejected`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Permohonan akun Admin Lokal untuk ${v.institution} tidak dapat kami setujui dengan alasan:`,
        `“${v.reason}”`,
        'Anda dapat mengajukan permohonan baru setelah memperbaikinya.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The local admin account request for ${v.institution} could not be approved, for this reason:`,
        `“${v.reason}”`,
        'You may submit a new request once it is corrected.',
      ],
    },
  },
} satisfies Record<string, Template>;
