// A lint probe (tests/lint-probes, docs/architecture.md "Import boundaries"): eslint.config.js lints
// this file as server/infra. Each line below breaks a rule on purpose and silences exactly that rule;
// the lint refuses a silencing comment that silences nothing, so the lint fails the day the rule
// stops refusing the line.
// eslint-disable-next-line boundaries/dependencies -- infra never imports a module
import { CONSENT_PURPOSES } from '../../../server/modules/consent/rules.ts';
// eslint-disable-next-line boundaries/dependencies -- nor the demo
import { createIdAllocator } from '../../../server/demo/population.ts';

export const probe = [CONSENT_PURPOSES, createIdAllocator];
