// A report in the national channel's own format for reports from public services: KS Fiks IO
// protocol no.ks.fiks.bekymringsmelding.offentlig.v2 (the schema is vendored in fiks/, unchanged).
// Every exported report is validated against that schema before it leaves Sammen.
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { translate } from '../../../common/i18n/index.ts';
import type { ReportContent } from './schema.ts';

export const FIKS_PROTOCOL = 'no.ks.fiks.bekymringsmelding.offentlig.v2';

const load = (name: string) => JSON.parse(readFileSync(new URL(`./fiks/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

// ajv-formats is CommonJS: its function is the module or its default export, depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => Ajv2019;

let compiled: ReturnType<Ajv2019['compile']> | null = null;

function validator() {
  if (compiled) return compiled;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  // The schema refers to "../adresse.json" relative to its $id (https://fiks.ks.no/...).
  ajv.addSchema(load('adresse.json'), 'https://fiks.ks.no/adresse.json');
  compiled = ajv.compile(load('offentlig.bekymringsmelding.v2.json'));
  return compiled;
}

/** The schema's complaints about a document, or an empty list when it is valid. */
export function fiksProblems(document: unknown): string[] {
  const validate = validator();
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

export interface FiksSource {
  municipality: { code: string; name: string };
  reporterRole: string;
  reporterPhone: string;
  content: ReportContent;
  nationalId: string | null;
  observedOn: string;
  familyTold: boolean;
  notToldReason: string | null;
  receivedAt: Date;
}

export function toFiks(s: FiksSource) {
  const c = s.content;
  const told = { orientert: s.familyTold, orientertGrunn: s.notToldReason ?? '' };
  // The form asks for one or two guardians; a child with none known to the reporter says so.
  const guardians = c.guardians.slice(0, 2).map((g) => ({ personnavn: g.name, ...(g.phone ? { telefonnummer: g.phone } : {}), ...told }));
  const lines = (...parts: (string | null)[]) => parts.filter((p): p is string => Boolean(p)).join('\n\n');
  return {
    kommunenummer: s.municipality.code,
    kommunenavn: s.municipality.name,
    // A municipality without city districts has none; "00" is the form's "no district".
    bydelsnummer: '00',
    bydelsnavn: '',
    offentligMelder: {
      personnavn: c.reporter.name,
      rolle: s.reporterRole,
      telefonnummer: s.reporterPhone,
      epost: c.reporter.email,
      virksomhet: { navn: c.reporter.unitName ?? s.municipality.name, adresse: { adresselinje1: c.reporter.unitName ?? s.municipality.name, poststed: s.municipality.name } },
    },
    offentligBarn: [{
      fnr: s.nationalId ?? '', ufoedt: c.child.unborn, personnavn: c.child.name, adresse: { adresselinje1: c.child.address ?? '' }, ...told,
    }],
    foresatte: guardians.length ? guardians : [{ personnavn: translate('nb', 'reports.fiks.noGuardianKnown'), ...told }],
    ...(c.interpreter ? { behovForTolk: c.interpreter } : {}),
    ...(c.otherServices ? { andreHjelpeinstanser: c.otherServices } : {}),
    melding: {
      melding: lines(translate('nb', 'reports.fiks.observedOn', { date: s.observedOn }), c.description),
      historie: lines(c.history, c.tried ? translate('nb', 'reports.fiks.tried', { text: c.tried }) : null),
      ...(c.childWords ? { andreSynspunkter: translate('nb', 'reports.fiks.childWords', { text: c.childWords }) } : {}),
    },
    sendingstidspunkt: s.receivedAt.toISOString(),
    leveringskanal: 'Fagsystem',
  };
}
