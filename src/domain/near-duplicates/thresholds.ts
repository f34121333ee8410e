import { SHINGLE_WORDS } from './shingles.js';
import { GUARANTEED_RUN_WORDS } from './winnow.js';

/*
 * The thresholds of near-duplicate detection, in one place with their reasons (issue 14 point 5).
 * Scores are exact (computed on the shingle sets, not estimated). Pure: no I/O.
 */

/**
 * Answers with a Jaccard of 5-word shingles ≥ 0.5 are one text edited, not two texts: lightly editing a
 * past proposal (sentences moved, one word in twenty changed) keeps 0.6–0.8, while two independent
 * answers on the same theme, with the same boilerplate, stay below 0.1.
 */
export const SIMILAR_JACCARD = 0.5;

/**
 * …or the smaller answers lie ≥ 80 % inside the larger (a past proposal re-submitted with new sections
 * added), provided the smaller is at least half the size of the larger — a short text wholly inside a long
 * one is a copied passage, not the same proposal.
 */
export const SIMILAR_CONTAINMENT = 0.8;
export const SIMILAR_MIN_SIZE_RATIO = 0.5;

/**
 * Titles with a trigram similarity (title.ts) ≥ 0.6 carry the same name ("Si Jempol" ~ "SI JEMPOL Plus");
 * titles sharing one common word ("Sistem Informasi Pelayanan Terpadu Desa" / "Sistem Informasi Kesehatan
 * Ibu dan Anak", 0.49) stay below.
 * The title only names the verdict: similar answers with a similar title are `same`, with another title
 * `renamed`. A similar title with different answers is not flagged: common titles are common.
 */
export const SAME_TITLE = 0.6;

/**
 * A shared passage of ≥ 30 words is copied: boilerplate phrases ("dalam rangka meningkatkan kualitas
 * pelayanan publik kepada masyarakat") run 5–15 words, a copied paragraph 40 and more. The index is sure to
 * find every run this long (winnow.ts) — the check below keeps that promise.
 */
export const COPIED_PASSAGE_WORDS = 30;
if (GUARANTEED_RUN_WORDS > COPIED_PASSAGE_WORDS) throw new Error('winnowing would miss copied passages');

/** Passages shorter than this are not shown: a run of 1–3 shingles (5–7 words) is a common phrase. */
export const SHOWN_PASSAGE_WORDS = SHINGLE_WORDS + 3;

/**
 * Runs of shared shingles separated by at most 3 words in both texts are one passage: one changed word
 * breaks a run of shingles for 5 shingles but leaves a gap of 1 word between the runs.
 */
export const MERGE_GAP_WORDS = 3;

/** Index candidates whose estimated Jaccard is below this (and that share no passage) are not compared. */
export const ESTIMATE_FLOOR = 0.3;

/**
 * A winnowing mark found in more than max(50, 0.2 % of the index) proposals is boilerplate (a paragraph of
 * the guidelines, a template line), not a copy between two proposals: it makes no candidate.
 */
export const BOILERPLATE_MIN_DOCUMENTS = 50;
export const BOILERPLATE_SHARE = 0.002;
