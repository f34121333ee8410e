/** The demo clock (SINOVIK_CLOCK_CONTROL=1; system administrator). */
export const demoClock = {
  nav: 'Demo clock',
  title: 'Demo clock',
  lead: 'Move the server’s time forward to try stages that open days or weeks from now (e.g. the public review and its closing). Only on a demo installation.',
  now: 'Server time: {{at}}',
  plusHour: '+1 hour',
  plusDay: '+1 day',
  plusWeek: '+1 week',
  setLabel: 'Set to a date and time (WIB)',
  set: 'Set the time',
  reset: 'Back to real time',
  moved: 'The server time is now {{at}}.',
  badInstant: 'Enter a full date and time.',
  note: 'This time counts for every user and every deadline; each move is recorded in the audit log. Sessions that expire by it need a new sign-in.',
};
