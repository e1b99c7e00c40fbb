import { defineRoute } from '../../infra/http/route.ts';
import { ConsentTextInResponse, GiveConsentResponse, PeopleConsentsResponse, SignConsentResponse, WithdrawConsentResponse } from '../../../common/contracts/consent.ts';
import { Created } from '../../../common/contracts/shared.ts';
import { renderConsentForm } from './pdf.ts';
import { MAX_DOCUMENT_BYTES, ConsentFormQuery, GiveConsentBody, ConsentParams, LegalBasisBody, PersonParams, RecordConsentBody, WithdrawConsentBody } from './schema.ts';
import * as consent from './service.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';

export const consentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/consent-text', summary: 'The current common consent text, in the request language', tags: ['consent'],
    audience: 'public', guarded: false, query: ConsentFormQuery,
    response: ConsentTextInResponse,
    handler: async (ctx, { query }) => consent.consentTextIn(ctx.services.db, query.lang ?? ctx.lang, query.version),
  }),
  defineRoute({
    method: 'GET', url: '/api/consent-form.pdf', summary: 'The common consent form as a printable PDF', tags: ['consent'],
    audience: 'public', guarded: false, query: ConsentFormQuery,
    produces: 'application/pdf',
    handler: async (ctx, { query }) => {
      const lang = query.lang ?? ctx.lang;
      const text = await consent.consentTextIn(ctx.services.db, lang, query.version);
      const pdf = await renderConsentForm(lang, text);
      return sendPdf(ctx.reply, pdf, `samtykke-v${text.version}-${lang}.pdf`, 'inline');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/consent-form.pdf', summary: 'The common consent form filled in for the person, to print and sign', tags: ['consent'],
    audience: 'staff', guarded: true, params: PersonParams, query: ConsentFormQuery,
    produces: 'application/pdf',
    handler: async (ctx, { params, query }) => {
      const lang = query.lang ?? ctx.lang;
      const { text, filled } = await consent.filledConsentForm(ctx, params.id, lang);
      const pdf = await renderConsentForm(lang, text, filled);
      return sendPdf(ctx.reply, pdf, `samtykke-v${text.version}-${lang}.pdf`, 'inline');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/consents', summary: 'The consents of a child, youth or pregnant woman', tags: ['consent'],
    audience: 'signed-in', guarded: true, params: PersonParams,
    response: PeopleConsentsResponse,
    handler: async (ctx, { params }) => ({ consents: await consent.listConsents(ctx, params.id) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/consents', summary: 'Record a consent given on paper or orally', tags: ['consent'],
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: RecordConsentBody, status: 201,
    // Room for the scan in base64 and a little more, so a too-large file gets its own clear message.
    bodyLimit: Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 1_000_000,
    response: Created,
    handler: async (ctx, { params, body }) => consent.recordConsent(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/consents/digital', summary: 'Give a consent on the citizen pages, signed by the signed-in citizen', tags: ['consent'],
    idempotent: true, audience: 'citizen', guarded: true, params: PersonParams, body: GiveConsentBody, status: 201,
    response: GiveConsentResponse,
    handler: async (ctx, { params, body }) => consent.giveConsent(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/consents/:consentId/sign', summary: 'Sign a digital consent that waits for your signature', tags: ['consent'],
    audience: 'citizen', guarded: true, params: ConsentParams,
    response: SignConsentResponse,
    handler: async (ctx, { params }) => consent.signConsent(ctx, params.consentId),
  }),
  defineRoute({
    method: 'POST', url: '/api/consents/:consentId/withdraw', summary: 'Withdraw a consent, wholly or partly (recipients, categories); takes effect at once', tags: ['consent'],
    audience: 'signed-in', guarded: true, params: ConsentParams, body: WithdrawConsentBody,
    response: WithdrawConsentResponse,
    handler: async (ctx, { params, body }) => consent.withdrawConsent(ctx, params.consentId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/consents/:consentId/document', summary: 'The scanned paper consent', tags: ['consent'],
    audience: 'staff', guarded: true, params: ConsentParams,
    produces: '*/*',
    handler: async (ctx, { params }) => {
      const doc = await consent.getConsentDocument(ctx, params.consentId);
      return ctx.reply.type(doc.type).header('content-disposition', 'attachment').send(doc.bytes);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/legal-basis', summary: 'Record that a legal duty was invoked without consent (opplysningsplikt, avvergeplikt)',
    // Signed-in rather than staff: a citizen's attempt is refused by the access module and audited.
    tags: ['consent'], idempotent: true, audience: 'signed-in', guarded: true, params: PersonParams, body: LegalBasisBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => consent.recordLegalBasis(ctx, params.id, body.basis, body.note),
  }),
];
