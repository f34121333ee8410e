import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * Replication between institutions (issue 14 point 3). Two institutions, two people who may read either
 * language: every mail is in Bahasa Indonesia first, then in English.
 */

const both = (id: Paragraph[], en: Paragraph[]): Paragraph[] => [...id, '— English —', ...en];
const phone = (v: unknown) => (v ? ` · ${String(v)}` : '');

const requestedId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `${v.requester} mengajukan permohonan untuk mereplikasi inovasi instansi Anda "${v.title}" (${v.program}).`,
  'Pesan pemohon:',
  `“${v.message}”`,
  `Kontak pemohon: ${v.contactName} · ${v.contactEmail}${phone(v.contactPhone)}`,
  'Terima permohonan (kontak replikasi instansi Anda akan dibagikan kepada pemohon) atau tolak dengan alasan:',
  link(v.link),
];
const requestedEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `${v.requester} asks to replicate your institution's innovation "${v.title}" (${v.program}).`,
  'Their message:',
  `“${v.message}”`,
  `Their contact: ${v.contactName} · ${v.contactEmail}${phone(v.contactPhone)}`,
  "Accept the request (your institution's replication contact is then shared with them) or decline it with a reason:",
  link(v.link),
];

const acceptedId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `${v.owner} menerima permohonan replikasi inovasi "${v.title}" dari ${v.requester}.`,
  `Kontak replikasi: ${v.ownerName} · ${v.ownerEmail}${phone(v.ownerPhone)}`,
  ...(v.note ? ['Pesan:', `“${v.note}”`] : []),
  link(v.link),
];
const acceptedEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `${v.owner} accepted the request of ${v.requester} to replicate the innovation "${v.title}".`,
  `Replication contact: ${v.ownerName} · ${v.ownerEmail}${phone(v.ownerPhone)}`,
  ...(v.note ? ['Message:', `“${v.note}”`] : []),
  link(v.link),
];

const declinedId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `${v.owner} menolak permohonan replikasi inovasi "${v.title}" dari ${v.requester}.`,
  'Alasan:',
  `“${v.reason}”`,
  'Jawaban ini final; Anda dapat menjelajahi inovasi lain di galeri.',
  link(v.link),
];
const declinedEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `${v.owner} declined the request of ${v.requester} to replicate the innovation "${v.title}".`,
  'Reason:',
  `“${v.reason}”`,
  'This answer is final; you may explore other innovations in the gallery.',
  link(v.link),
];

const withdrawnId = (v: Vars): Paragraph[] => [
  `Yth. ${v.name},`,
  `${v.requester} menarik kembali permohonan replikasi inovasi instansi Anda "${v.title}". Tidak ada yang perlu Anda jawab.`,
  link(v.link),
];
const withdrawnEn = (v: Vars): Paragraph[] => [
  `Dear ${v.name},`,
  `${v.requester} withdrew its request to replicate your institution's innovation "${v.title}". Nothing needs your answer.`,
  link(v.link),
];

const bilingual = (
  subjectId: (v: Vars) => string,
  subjectEn: (v: Vars) => string,
  id: (v: Vars) => Paragraph[],
  en: (v: Vars) => Paragraph[],
): Template => {
  const subject = (v: Vars) => `${subjectId(v)} / ${subjectEn(v)}`;
  const body = (v: Vars) => both(id(v), en(v));
  return { subject: { id: subject, en: subject }, body: { id: body, en: body } };
};

export const replicationTemplates = {
  replication_requested: bilingual(
    (v) => `Permohonan replikasi "${v.title}"`,
    () => 'Replication request',
    requestedId,
    requestedEn,
  ),
  replication_accepted: bilingual(
    (v) => `Permohonan replikasi "${v.title}" diterima`,
    () => 'Replication request accepted',
    acceptedId,
    acceptedEn,
  ),
  replication_declined: bilingual(
    (v) => `Permohonan replikasi "${v.title}" ditolak`,
    () => 'Replication request declined',
    declinedId,
    declinedEn,
  ),
  replication_withdrawn: bilingual(
    (v) => `Permohonan replikasi "${v.title}" ditarik`,
    () => 'Replication request withdrawn',
    withdrawnId,
    withdrawnEn,
  ),
} satisfies Record<string, Template>;
