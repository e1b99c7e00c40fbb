// The response contracts (common/contracts): every API route declares the JSON it answers with, or
// that it sends a file or a redirect itself; the OpenAPI document carries those schemas; and under
// tests every answer is checked against its schema, so the whole suite checks every contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../server/app.ts';
import { defineRoute, type AnyRoute } from '../../server/infra/http/route.ts';
import { RESPONSES } from '../../common/contracts/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const where = (route: AnyRoute) => `${route.method} ${route.url}`;

describe('every route declares its answer', () => {
  it('has a response schema, or sends a file or redirect itself — never both, never neither', () => {
    const undeclared = apiRoutes.filter((r) => (r.response === undefined) === (r.produces === undefined)).map(where);
    expect(undeclared).toEqual([]);
  });

  it('is listed with the same schema in the table the web checks answers with', () => {
    const declared = Object.fromEntries(apiRoutes.filter((r) => r.response).map((r) => [where(r), r.response]));
    expect(Object.keys(RESPONSES).sort()).toEqual(Object.keys(declared).sort());
    for (const [key, schema] of Object.entries(RESPONSES)) expect(schema, key).toBe(declared[key]);
  });

  it('sends a file or redirect itself only where the handler has no JSON to give', () => {
    expect(apiRoutes.filter((r) => r.produces).map(where).sort()).toEqual([
      'GET /api/auth/oidc/:audience/callback',
      'GET /api/auth/oidc/:audience/start',
      'GET /api/child-welfare/reports/:reportId/pdf',
      'GET /api/consent-form.pdf',
      'GET /api/consents/:consentId/document',
      'GET /api/dev/mailbox/:id/attachments/:position',
      'GET /api/handbook/images/:id', // a handbook page's image, as its checked type
      'GET /api/indicators/report.csv',
      'GET /api/indicators/report.pdf',
      'GET /api/individual-plans/:planId/pdf',
      'GET /api/meetings/:meetingId/minutes.pdf',
      'GET /api/people/:id/consent-form.pdf',
      'GET /api/people/:id/relay-log.pdf',
      'GET /api/system-meetings/:meetingId/report.pdf',
    ]);
  });
});

// Routes registered into this file's app only, answering outside their declared schemas.
const Answer = z.object({ id: z.string(), count: z.number() });
const wrongType = defineRoute({
  method: 'GET', url: '/api/test-only/contract/wrong-type', summary: 'test only', tags: ['test'], audience: 'public', guarded: false, response: Answer,
  handler: async () => JSON.parse('{"id":"a","count":"three"}') as z.input<typeof Answer>,
});
const extraField = defineRoute({
  method: 'GET', url: '/api/test-only/contract/extra-field', summary: 'test only', tags: ['test'], audience: 'public', guarded: false, response: Answer,
  handler: async () => {
    const answer = { id: 'a', count: 3, nationalIdHint: 'x' };
    return answer;
  },
});
const matching = defineRoute({
  method: 'GET', url: '/api/test-only/contract/matching', summary: 'test only', tags: ['test'], audience: 'public', guarded: false, response: Answer,
  handler: async () => ({ id: 'a', count: 3 }),
});

let t: TestApp;
beforeAll(async () => {
  apiRoutes.push(wrongType, extraField, matching);
  try {
    t = await startTestApp();
  } finally {
    apiRoutes.splice(apiRoutes.indexOf(wrongType), 3);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('the answer is checked against its schema under tests', () => {
  it('answers 500 and logs the route and the problem when a field has the wrong type', async () => {
    const res = await t.app.inject({ method: 'GET', url: wrongType.url });
    expect(res.statusCode).toBe(500);
    expect(t.logs.join('')).toMatch(/GET \/api\/test-only\/contract\/wrong-type answered outside its response schema: count: /);
  });

  it('answers 500 when the answer carries a field the schema does not declare', async () => {
    const res = await t.app.inject({ method: 'GET', url: extraField.url });
    expect(res.statusCode).toBe(500);
    expect(t.logs.join('')).toContain('.nationalIdHint: not in the response schema');
  });

  it('passes an answer that matches', async () => {
    const res = await t.app.inject({ method: 'GET', url: matching.url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'a', count: 3 });
  });
});

describe('the OpenAPI document', () => {
  it('describes each JSON answer with its schema and each file by its type', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const caseAnswer = doc.paths['/api/people/{id}/case'].get.responses['200'].content['application/json'].schema;
    expect(caseAnswer.properties.entries.type).toBe('array');
    expect(caseAnswer.required).toContain('hasMore');
    expect(Object.keys(doc.paths['/api/meetings/{meetingId}/minutes.pdf'].get.responses['200'].content)).toEqual(['application/pdf']);
  });
});
