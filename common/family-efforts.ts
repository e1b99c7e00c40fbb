// What a level-2 whole-family effort can be and end as: one list each, for the server's schema, the
// API's answers and the web's forms.
export const EFFORT_STATUSES = ['requested', 'offered', 'active', 'closed'] as const;
export type EffortStatus = (typeof EFFORT_STATUSES)[number];
export const EFFORT_OUTCOMES = ['goals_reached', 'partly_reached', 'not_reached'] as const;
export type EffortOutcome = (typeof EFFORT_OUTCOMES)[number];
