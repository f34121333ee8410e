import type { institution as idInstitution } from '../id/institution.js';

export const institution: typeof idInstitution = {
  title: 'Units & Users',
  actions: 'Actions',
  units: {
    title: 'Units',
    intro:
      'The regional apparatus / work units (PD) and public service units (UPP) of your institution. Every proposer account belongs to one unit.',
    add: 'Add unit',
    addTitle: 'Add a unit',
    editTitle: 'Edit the unit',
    created: 'Unit {{name}} added.',
    updated: 'Unit {{name}} updated.',
    empty: 'No units yet. Add a unit before creating proposer accounts.',
    name: 'Unit name',
    nameHint: 'e.g. "Dinas Kesehatan" or "RSUD Abdul Wahab Sjahranie".',
    kind: 'Kind of unit',
    parent: 'Parent unit',
    parentHint: 'Optional: the PD this UPP belongs to.',
    noParent: 'No parent unit',
    userCount: 'Proposer accounts',
    rename: 'Edit',
  },
  users: {
    title: 'People of the institution',
    intro: 'The local admins and proposer (UPP) accounts of your institution.',
    empty: 'No users yet.',
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    position: 'Position',
    role: 'Role',
    unit: 'Unit',
    status: 'Status',
    lastLogin: 'Last login',
    never: 'Never',
    resend: 'Resend invitation',
    resent: 'A new set-password link was sent to {{email}}.',
  },
  createUpp: {
    title: 'Create a UPP account',
    intro:
      'Create a proposer account for a member of staff of a unit. The account holder gets an e-mail with a link to set their own password.',
    needUnit: 'Add a unit first; every proposer account belongs to one unit.',
    chooseUnit: 'Choose a unit',
    phoneHint: 'Optional. An Indonesian number, spaces or dashes allowed, e.g. 0812 3456 7890.',
    language: 'Language of the invitation e-mail',
    submit: 'Create the account and send the invitation',
    successTitle: 'Account created',
    success:
      'The account for {{name}} was created. An e-mail with a link to set the password was sent to {{email}}.',
  },
};
