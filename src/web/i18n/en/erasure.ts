/** Personal-data erasure of a person and the retention settings (UU PDP 27/2022; system administrator). */
export const erasure = {
  action: 'Erase personal data',
  title: 'Erase the personal data of {{name}}',
  intro:
    'Do this only on this person’s formal request (Law No. 27 of 2022 on Personal Data Protection). It cannot be undone.',
  erasedTitle: 'What is erased',
  erased: [
    'The account’s name, e-mail address, phone number, position and password; the account is disabled for good and cannot be reactivated.',
    'All roles, sessions, sign-in/reset links, notifications, and failed sign-in records for this address.',
    'The bodies of e-mails sent to them; e-mails not yet sent are cancelled.',
    'Their name, e-mail and phone as the contact of proposals, gallery entries, replication requests, objections and account requests.',
  ],
  keptTitle: 'What is kept (the competition record)',
  kept: [
    'Proposals stay with their institution; their author shows as “Pengguna terhapus #{{id}}”.',
    'Scores, reviews and decisions stay recorded under the account number.',
    'The audit trail is not changed (the audit chain must stay verifiable); saved proposal versions are kept too.',
  ],
  notice: 'A short bilingual notice is sent once to the old address before the address is erased.',
  reference: 'Request reference or reason',
  referenceHint: 'E.g. the request letter’s number. Recorded in the audit trail: write no personal data.',
  confirmEmail: 'Type the e-mail address {{email}} to confirm',
  submit: 'Erase personal data permanently',
  done: 'The personal data was erased.',
  erasedBadge: 'Personal data erased',
  erasedOn: 'This account’s personal data was erased on',
  retention: {
    nav: 'Data retention',
    title: 'Personal data retention',
    intro:
      'How many days Sinovik keeps personal data that is not part of the competition record. Every day a scheduled task removes what is older than these settings.',
    auditNote:
      'The audit trail is the competition record and is not subject to retention: it is never deleted or changed.',
    loginFailureDays: 'Failed sign-in records',
    sessionDays: 'Expired sessions',
    mailBodyDays: 'Bodies of sent or failed e-mails (the envelope is kept)',
    notificationDays: 'Read notifications',
    tokenDays: 'Used or expired sign-in/reset links',
    days: 'days',
    defaultIs: 'Default: {{n}} days · bounds {{min}}–{{max}}',
    save: 'Save retention settings',
    saved: 'Retention settings saved.',
    updated: 'Last changed',
    never: 'Never changed (the defaults)',
  },
};
