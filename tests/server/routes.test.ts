// Every API route is either guarded (runs in a transaction and must ask the access module, which
// audits) or on this short list of routes that hold no personal data. A new route that is not
// guarded fails here until someone decides it belongs on the list.
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/app.ts';

const UNGUARDED = new Set([
  'GET /api/auth/me', // the caller's own session
  'GET /api/auth/dev-users', // demo log-ins, development only
  'POST /api/auth/dev-login',
  'POST /api/auth/logout',
  'POST /api/auth/role',
  'PUT /api/auth/language',
  'GET /api/auth/oidc/:audience/start',
  'GET /api/auth/oidc/:audience/callback',
  'GET /api/municipality',
  'GET /api/service-unit-types',
  'GET /api/service-units',
  'GET /api/teams',
  'GET /api/consent-text', // the blank common form
  'GET /api/consent-form.pdf',
  'GET /api/worries/discussants', // names and units of colleagues and teams, as in the municipality's staff directory
  'GET /api/action-guide', // the municipality's action guide: steps and links, no personal data
  // The public service catalogue: published service descriptions for everyone; suggestions are
  // computed from an age and situations that are neither stored nor tied to a person.
  'GET /api/catalogue',
  'GET /api/catalogue/services',
  'GET /api/catalogue/services/:slug',
  'GET /api/catalogue/guide',
  'POST /api/catalogue/guide/suggestions',
  'GET /api/catalogue/youth',
  'GET /api/catalogue/suggestions', // staff: the same rules for a case page, given only age and situations
  // The family's rating from the link in the e-mail, without signing in: the random token is the only
  // key (only its hash is stored); GET shows the team and date, POST writes the rating once and audits
  // it in its own transaction (teams/ratings.ts).
  'GET /api/ratings/:token',
  'POST /api/ratings/:token',
  // The digital handbook and the public model: published municipal guidance (staff-only pages only
  // for the municipality's staff, decided by the handbook policy), its images, and the model drawn
  // from the published guide and the team configuration. No personal data.
  'GET /api/handbook/pages',
  'GET /api/handbook/pages/:slug',
  'GET /api/handbook/images/:id',
  'GET /api/model',
]);

describe('route guard inventory', () => {
  it('every route that is not guarded is known to hold no personal data', () => {
    const unguarded = apiRoutes.filter((r) => !r.guarded).map((r) => `${r.method} ${r.url}`);
    expect(unguarded.filter((r) => !UNGUARDED.has(r))).toEqual([]);
  });

  it('every route under /api/people, /api/admin and /api/audit is guarded', () => {
    const sensitive = apiRoutes.filter((r) => /^\/api\/(people|admin|audit|consents)/.test(r.url));
    expect(sensitive.length).toBeGreaterThan(5);
    expect(sensitive.filter((r) => !r.guarded).map((r) => r.url)).toEqual([]);
  });

  it('no route takes a national identity number in its path', () => {
    expect(apiRoutes.filter((r) => /national|fnr|nin/i.test(r.url))).toEqual([]);
  });
});
