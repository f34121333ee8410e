import type { publication as id } from '../id/publication.js';

/** Publishing results (issue 12 point 1). */
export const publication: typeof id = {
  title: 'Publish the administrative check results',
  intro: 'Administrative decisions stay staged until they are published together here.',
  backToDashboard: 'Back to the competition dashboard',
  counts: {
    received: 'Proposals in this stage',
    passed: 'Passed (staged)',
    disqualified: 'Disqualified (staged)',
    undecided: 'Not decided',
    awaitingCompletion: 'Awaiting completion',
    completionOverdue: 'Completion overdue',
  },
  blockersTitle: 'Cannot be published yet',
  blockerCodes: 'Among them: {{codes}}',
  readyTitle: 'Ready to publish',
  readyText:
    '{{passed}} passed and {{disqualified}} disqualified. Notices go to {{recipients}} local admins of {{institutions}} institutions.',
  nothingStaged: 'There is no decision to publish yet.',
  publishedTitle: 'Published',
  publishedText: 'Published with letter number {{letter}} on {{at}}.',
  viewPublic: 'View the public announcement',
  form: {
    title: 'Announcement letter',
    letterNumber: 'Letter number',
    letterHint: 'For example: B/187/PP.00.05/2022',
    titleId: 'Title (Indonesian)',
    titleEn: 'Title (English)',
    bodyId: 'Text (Indonesian)',
    bodyEn: 'Text (English)',
    publish: 'Publish the results…',
  },
  preview: {
    title: 'Preview of the public list',
    note: 'Only the proposals that passed are listed publicly. Disqualified proposals are told to their institutions only, with the reasons.',
    more: 'and {{count}} more proposals.',
  },
  confirm: {
    title: 'Publish the administrative check results?',
    text: 'The announcement numbered {{letter}} will appear on the competition\'s public page, open to anyone. {{passed}} proposals become "Passed the administrative check" and {{disqualified}} "Disqualified".',
    mails:
      "E-mails and notifications go to {{recipients}} local admins of {{institutions}} institutions, each with its own institution's results.",
    irreversible: 'This cannot be undone.',
    button: 'Yes, publish',
  },
  done: 'Results published: {{passed}} passed, {{disqualified}} disqualified, {{mails}} e-mails sent.',
  col: { no: 'No.', code: 'ID', title: 'Innovation title', institution: 'Institution', group: 'Group' },
  public: {
    letter: 'Letter number',
    date: 'Date',
    listTitle: 'Proposals that passed',
    search: 'Search by ID, title or institution',
    matching: '{{count}} proposals',
    empty: 'No proposal matches the search.',
    pdf: 'Download the announcement letter (PDF)',
    back: 'Back to the competition page',
    notFound: 'This announcement has not been published.',
  },
  result: {
    passedTitle: 'Passed the administrative check',
    passedText:
      'This proposal passed the administrative check (announcement {{letter}}, {{at}}) and goes on to the evaluation stage.',
    disqualifiedTitle: 'Disqualified',
    disqualifiedText:
      'This proposal was disqualified in the administrative check (announcement {{letter}}, {{at}}).',
    reason: 'Reason: {{reason}}',
  },
};
