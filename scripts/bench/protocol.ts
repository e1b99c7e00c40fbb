// Messages between the benchmark runner (scripts/bench/run.ts) and the app it starts (scripts/bench/server.ts).

/** One statement as Kysely compiled it: the SQL with $n placeholders and the values bound to them. */
export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

export type RunnerMessage = { type: 'capture-start' } | { type: 'capture-stop' } | { type: 'stop' };

export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'capture-started' }
  | { type: 'captured'; statements: CapturedStatement[] };
