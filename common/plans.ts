// What the web and the server share about individual plans, outside the contracts (the web may not
// import those as values): the kinds of request a family or professional can make.
export const PLAN_REQUEST_KINDS = ['plan_and_coordinator', 'coordinator', 'child_coordinator'] as const;
export type PlanRequestKind = (typeof PLAN_REQUEST_KINDS)[number];
