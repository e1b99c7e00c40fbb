// What the web and the server share about individual plans, outside the contracts (the web may not
// import those as values): the kinds of request a family or professional can make.
import { AGE_OF_MAJORITY } from './consent.ts';

export const PLAN_REQUEST_KINDS = ['plan_and_coordinator', 'coordinator', 'child_coordinator'] as const;
export type PlanRequestKind = (typeof PLAN_REQUEST_KINDS)[number];

/**
 * Child welfare's after-care (ettervern, barnevernsloven § 8-1) runs from 18 and ends before the young
 * adult turns this age (25 since 1 January 2023; it was 23). The one place the law's limit is held.
 */
export const AFTER_CARE_AGE_LIMIT = 25;
/** After-care is for young adults: it starts at the earliest on the 18th birthday. */
export const AFTER_CARE_FROM_AGE = AGE_OF_MAJORITY;
