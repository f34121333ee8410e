/** Confirmations of what cannot be undone (publish, unpublish, forward, withdraw, extension) and amendments. */
export const guard = {
  publishedRules:
    'This competition is published. Texts (name, theme, descriptions, guidance) and attachment settings can be changed directly. Structural changes (groups and their rules, form sections, weights, word limits, categories, stage dates, time zone) are saved as an amendment announced to participants. The code, the year and the submission window cannot be changed here: the deadline is extended from the submission dashboard.',
  cancel: 'Cancel',
  loading: 'Working out the consequences…',
  publish: {
    title: 'Publish this competition?',
    public: 'The competition, its groups, categories, forms and calendar appear on the home page for anyone.',
    window: 'Proposal submission opens {{opens}} and closes {{closes}}.',
    reminders:
      'Reminders go out 7, 3 and 1 days before the closing; at the closing, proposals not forwarded are frozen.',
    locked:
      'Once published, the structure (groups, sections, weights, categories, calendar, time zone) changes only through an amendment announced to participants; the submission deadline only through the formal extension.',
    confirm: 'Yes, publish',
  },
  unpublish: {
    title: 'Take the competition back to draft?',
    counts:
      'Proposals in this competition: {{total}} ({{draft}} drafts, {{sent}} with the admin lokal, {{returned}} returned, {{forwarded}} forwarded).',
    hidden: 'The competition disappears from the home page and from every UPP’s and admin lokal’s list.',
    jobs: 'Reminders not yet sent ({{reminders}}) and the automatic closing do not run while it is a draft.',
    refused: 'Cannot be taken back',
    confirm: 'Yes, back to draft',
  },
  amendment: {
    title: 'These changes need an amendment',
    intro:
      'The competition is published. The changes below alter the rules for participants; they are recorded as an amendment, shown on the competition page and announced to the admin lokal of institutions that already have proposals.',
    number: 'Amendment number',
    numberHint: 'The number of the decree that decided the change.',
    reasonId: 'Reason (Indonesian)',
    reasonEn: 'Reason (English, optional)',
    confirm: 'Save as an amendment',
    listTitle: 'Amendments',
    listIntro: 'Changes of the rules after the competition was published.',
    reason: 'Reason: {{reason}}',
    decided: 'Decided {{at}}',
  },
  forward: {
    title: 'Forward the proposal to the organizer?',
    quotaAfter: 'Quota used after this: {{after}}/{{limit}} {{group}}',
    noQuota: 'The {{group}} group has no quota per institution.',
    locked:
      'Once forwarded, the unit can no longer edit this proposal; you can still withdraw it before submission closes.',
    confirm: 'Yes, forward',
  },
  withdraw: {
    quotaAfter: 'Quota used after the withdrawal: {{after}}/{{limit}} {{group}}',
    effect:
      'The organizer no longer has the proposal. Forward it again before submission closes, or it is frozen at the closing.',
  },
  extend: {
    checking: 'Checking…',
    moved: 'These stages move with it so the calendar does not overlap:',
    movedItem: '{{name}}: {{from}} → {{to}}',
    noneMoved: 'No other stage moves.',
    recipients: '{{count}} admin lokal and proposer accounts will be told in the app and by e-mail.',
  },
};
