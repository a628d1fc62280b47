/** What other modules may use of the 权责清单: the categories and the yearly case counts per power. */
export { POWER_CATEGORIES, type PowerCategory } from './categories.ts';
export { yearTotals } from './counts.ts';
export { powerFacts } from './facts.ts';
