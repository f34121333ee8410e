/*
 * An account is known by its e-mail address, compared as stored: without surrounding spaces, in lower
 * case. Every place that looks an account up or creates one (sign-in, password reset, sign-in link,
 * account requests, new accounts) normalizes with this one function.
 */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
