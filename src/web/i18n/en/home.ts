import type { home as idHome } from '../id/home.js';

export const home: typeof idHome = {
  title: 'My home',
  welcome: 'Welcome, {{name}}.',
  rolesTitle: 'Your roles and work',
  pagesTitle: 'Your work pages',
  work: {
    upp: 'Write your unit’s innovation proposals and send them to your institution’s local admin.',
    local_admin:
      'Manage your institution’s units and UPP accounts, review the proposals UPPs send, and forward them to the organizer.',
    secretariat:
      'Prepare competitions and their calendar, follow the submissions, and handle local admin account requests.',
    evaluator:
      'The evaluation team scores the proposals and evidence that passed the administrative selection and nominates them to the independent panel.',
    panelist:
      'The independent panel selects the finalists, hears the presentations and interviews, verifies in the field and decides the outstanding Top innovations.',
    data_steward: 'Maintain the shared reference data: the institutions and the past awards.',
    system_admin: 'Manage user accounts and their roles.',
  },
  scope: {
    institution: 'Institution: {{name}}',
    unit: 'Unit: {{name}}',
  },
  judging: {
    title: 'Competitions assigned to you',
    none: 'You are not assigned to any competition yet. The organizer’s secretariat makes the assignments.',
    competition: '{{name}} ({{year}})',
    draft: 'The organizer is still preparing this competition; its calendar may change.',
    upcoming: {
      evaluator: 'Assessment by the evaluation team starts {{time}}.',
      panelist: 'Assessment by the independent panel starts {{time}}.',
    },
    upcomingNote: 'Until then there is nothing for you to do in Sinovik.',
    open: {
      evaluator: 'Assessment by the evaluation team has been under way since {{time}}.',
      panelist: 'Assessment by the independent panel has been under way since {{time}}.',
    },
    finished: 'Your assessment stages ended {{time}}.',
    notScheduled: 'The organizer has not set the dates of your assessment stages yet.',
    stagesTitle: 'Your stages',
    stageDates: '{{opens}} – {{closes}}',
    stageOpens: 'from {{opens}}',
    stageUndated: 'dates not set yet',
    publicPage: 'Public page of the competition',
    loadFailed: 'Your assignments could not be loaded. Reload this page.',
  },
};
