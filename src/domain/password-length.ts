/**
 * The length limits of a password, apart from the strength estimator (domain/password-policy.ts) so the
 * web app can check them without bundling zxcvbn's dictionaries.
 */
export const MIN_PASSWORD_LENGTH = 10;
/** Checked before the estimator runs: its matching grows with the length. */
export const MAX_PASSWORD_LENGTH = 128;
