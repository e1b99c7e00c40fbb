// A lint probe (see tests/lint-probes/infra/imports-a-module.ts): linted as web/.
import { osloDate } from '../../../common/dates.ts';
// eslint-disable-next-line boundaries/dependencies -- the browser bundle never imports the server
import type { Db } from '../../../server/infra/db/database.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the web takes the contracts as types only
import { STAGES } from '../../../common/contracts/cases.ts';

export const probe = [osloDate, STAGES];
export type Probe = Db;
