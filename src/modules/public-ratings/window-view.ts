import { ratingWindowState } from '../../domain/public-ratings.js';
import type { RatingCompetition } from './queries.js';

/** The window as every page shows it: its state now, the instants and the competition's zone. */
export const presentWindow = (c: RatingCompetition, now: Date) => ({
  state: ratingWindowState(c.window, now),
  enabled: c.window?.enabled ?? false,
  opensAt: c.window?.opensAt ?? null,
  closesAt: c.window?.closesAt ?? null,
  timeZone: c.timeZone,
});

export const presentCompetition = (c: RatingCompetition) => ({ id: c.id, name: c.name, year: c.year });
