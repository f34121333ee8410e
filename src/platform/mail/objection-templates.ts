import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * The uji publik's mails (issue 12 point 8). The filer has no account and chose no language but the
 * form's, so every mail to a filer is bilingual: the form's language first, the other after it. The admin
 * lokal of a finalist removed by an upheld objection hears it in its account's language.
 */

const both = (first: Paragraph[], second: Paragraph[], heading: string): Paragraph[] => [
  ...first,
  heading,
  ...second,
];

const receivedId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `Keberatan Anda terhadap finalis "${v.title}" (${v.code}) pada ${v.program} telah kami terima pada ${v.receivedAt} dengan nomor ${v.number}.`,
  'Sekretariat akan memeriksa keberatan ini; bila dapat diterima, keberatan diteruskan kepada Tim Panel Independen untuk diputuskan. Anda akan menerima e-mail berisi hasilnya.',
  'Status keberatan dapat Anda periksa kapan saja dengan nomor ini dan alamat e-mail ini:',
  link(v.statusLink),
];
const receivedEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `We received your objection to the finalist "${v.title}" (${v.code}) of ${v.program} on ${v.receivedAtEn}, number ${v.number}.`,
  'The secretariat will examine it; if it is admissible it goes to the Independent Panel for a decision. You will receive an e-mail with the outcome.',
  'You can check its status at any time with this number and this e-mail address:',
  link(v.statusLink),
];

const OUTCOME_ID: Record<string, string> = {
  dismissed: 'tidak dapat diterima oleh Sekretariat',
  upheld: 'diterima oleh Tim Panel Independen; finalis tersebut dikeluarkan dari daftar finalis',
  rejected: 'ditolak oleh Tim Panel Independen; finalis tersebut tetap dalam daftar finalis',
};
const OUTCOME_EN: Record<string, string> = {
  dismissed: 'was dismissed by the secretariat as inadmissible',
  upheld: 'was upheld by the Independent Panel; the finalist is removed from the finalists',
  rejected: 'was rejected by the Independent Panel; the finalist stays among the finalists',
};

const outcomeId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `Keberatan Anda nomor ${v.number} terhadap finalis "${v.title}" (${v.code}) pada ${v.program} ${OUTCOME_ID[String(v.outcome)] ?? ''}.`,
  'Alasan:',
  `“${v.reason}”`,
  'Keputusan ini final.',
  link(v.statusLink),
];
const outcomeEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `Your objection ${v.number} to the finalist "${v.title}" (${v.code}) of ${v.program} ${OUTCOME_EN[String(v.outcome)] ?? ''}.`,
  'Reason:',
  `“${v.reason}”`,
  'This decision is final.',
  link(v.statusLink),
];

export const objectionTemplates = {
  objection_received: {
    subject: {
      id: (v) => `Keberatan ${v.number} telah diterima / Objection received`,
      en: (v) => `Objection ${v.number} received / Keberatan telah diterima`,
    },
    body: {
      id: (v) => both(receivedId(v), receivedEn(v), '— English —'),
      en: (v) => both(receivedEn(v), receivedId(v), '— Bahasa Indonesia —'),
    },
  },
  objection_outcome: {
    subject: {
      id: (v) => `Hasil keberatan ${v.number} / Outcome of objection ${v.number}`,
      en: (v) => `Outcome of objection ${v.number} / Hasil keberatan ${v.number}`,
    },
    body: {
      id: (v) => both(outcomeId(v), outcomeEn(v), '— English —'),
      en: (v) => both(outcomeEn(v), outcomeId(v), '— Bahasa Indonesia —'),
    },
  },
  objection_upheld_finalist: {
    subject: {
      id: (v) => `Proposal ${v.code} dikeluarkan dari daftar finalis`,
      en: (v) => `Proposal ${v.code} removed from the finalists`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Dalam uji publik ${v.program}, Tim Panel Independen menerima keberatan ${v.number} terhadap proposal "${v.title}" (${v.code}) dari instansi Anda. Proposal tersebut dikeluarkan dari daftar finalis.`,
        'Alasan keputusan:',
        `“${v.reason}”`,
        'Keputusan ini final.',
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `In the public review of ${v.program}, the Independent Panel upheld objection ${v.number} to your institution's proposal "${v.title}" (${v.code}). The proposal is removed from the finalists.`,
        'Reason for the decision:',
        `“${v.reason}”`,
        'This decision is final.',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
