/** What other modules may use of the hotline module. */
export { recordRating, type RatingInput, type Score } from './ratings.ts';
