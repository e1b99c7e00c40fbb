// A lint probe (see tests/lint-probes/infra/imports-a-module.ts): linted as common/.
// eslint-disable-next-line boundaries/dependencies -- common/ is shared by server and browser
import type { Config } from '../../../server/config.ts';

export type Probe = Config;
