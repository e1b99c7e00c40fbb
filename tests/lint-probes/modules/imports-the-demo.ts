// A lint probe (see tests/lint-probes/infra/imports-a-module.ts): linted as server/modules.
// eslint-disable-next-line boundaries/dependencies -- a module never imports the demo
import { createIdAllocator } from '../../../server/demo/population.ts';
// A module may import infra and common: no silencing comment, so a rule that refused them fails the lint.
import type { Db } from '../../../server/infra/db/database.ts';
import { osloDate } from '../../../common/dates.ts';

export const probe = [createIdAllocator, osloDate];
export type Probe = Db;
