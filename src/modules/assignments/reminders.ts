/*
 * A review stage's reminders are planned by every assignment written (write.ts) and by "Siapkan rubrik";
 * the scheduling itself lives in the competitions module, which also re-plans them when a stage's closing
 * moves in the settings.
 */
export { scheduleReviewReminders } from '../competitions/review-reminder-jobs.js';
