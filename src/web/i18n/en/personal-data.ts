/** "Download my personal data" on the profile page (Law 27/2022 on Personal Data Protection). */
export const personalData = {
  title: 'Your personal data',
  intro:
    'Download a copy of the personal data Sinovik keeps about you (Law No. 27 of 2022 on Personal Data Protection): account, roles, proposals you created or edited, sign-in sessions, failed sign-in records, notifications, the audit trail of your actions, and the list of e-mails sent to you.',
  download: 'Download my personal data',
  note: 'A JSON file with your own data only; secret links and e-mail bodies are left out. At most 10 times an hour.',
};
