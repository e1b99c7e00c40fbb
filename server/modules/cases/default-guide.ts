// The action guide (handlingsveileder) a municipality starts with: the steps of each level from
// seeds 002 and 004. It is municipal content, not interface text, so it lives here in three
// languages and is copied into the database as version 1; the municipality edits it from there.
import type { GuideLink } from '../../infra/db/column-types.ts';

export interface GuideStepContent {
  level: number;
  stepKey: string;
  title: { nb: string; nn: string; en: string };
  body: { nb: string; nn: string; en: string };
  links: GuideLink[];
}

const CONSENT_FORM: GuideLink = {
  label: { nb: 'Felles samtykkeskjema (PDF)', nn: 'Felles samtykkeskjema (PDF)', en: 'Common consent form (PDF)' },
  url: '/api/consent-form.pdf',
};
const DUTY_TO_REPORT: GuideLink = {
  label: { nb: 'Opplysningsplikten til barnevernet (barnevernsloven § 13-2)', nn: 'Opplysningsplikta til barnevernet (barnevernslova § 13-2)', en: 'Duty to inform child welfare (Child Welfare Act § 13-2)' },
  url: 'https://lovdata.no/lov/2021-06-18-97/§13-2',
};
const INDIVIDUAL_PLAN: GuideLink = {
  label: { nb: 'Individuell plan og koordinator (helse- og omsorgstjenesteloven § 7-1)', nn: 'Individuell plan og koordinator (helse- og omsorgstenestelova § 7-1)', en: 'Individual plan and coordinator (Health and Care Services Act § 7-1)' },
  url: 'https://lovdata.no/lov/2011-06-24-30/§7-1',
};

export const DEFAULT_GUIDE: readonly GuideStepContent[] = [
  {
    level: 0, stepKey: 'note_observations',
    title: { nb: 'Noter det du ser', nn: 'Noter det du ser', en: 'Note what you see' },
    body: { nb: 'Skriv ned konkrete observasjoner: hva, når og hvor ofte.', nn: 'Skriv ned konkrete observasjonar: kva, når og kor ofte.', en: 'Write down concrete observations: what, when and how often.' },
    links: [],
  },
  {
    level: 0, stepKey: 'talk_with_child',
    title: { nb: 'Snakk med barnet', nn: 'Snakk med barnet', en: 'Talk with the child' },
    body: { nb: 'Spør barnet hvordan det har det, tilpasset alder og modenhet.', nn: 'Spør barnet korleis det har det, tilpassa alder og modnad.', en: 'Ask the child how they are, in a way that suits their age and maturity.' },
    links: [],
  },
  {
    level: 0, stepKey: 'talk_with_parents',
    title: { nb: 'Snakk med foreldrene', nn: 'Snakk med foreldra', en: 'Talk with the parents' },
    body: { nb: 'Del undringen med foreldrene og hør hva de ser hjemme.', nn: 'Del undringa med foreldra og høyr kva dei ser heime.', en: 'Share the worry with the parents and hear what they see at home.' },
    links: [],
  },
  {
    level: 0, stepKey: 'consult',
    title: { nb: 'Drøft anonymt med en kollega eller teamet', nn: 'Drøft anonymt med ein kollega eller teamet', en: 'Discuss anonymously with a colleague or the team' },
    body: { nb: 'En anonym drøfting lagrer ingen identitet.', nn: 'Ei anonym drøfting lagrar ingen identitet.', en: 'An anonymous discussion stores no identity.' },
    links: [],
  },
  {
    level: 0, stepKey: 'consider_child_welfare',
    title: { nb: 'Vurder opplysningsplikten', nn: 'Vurder opplysningsplikta', en: 'Consider the duty to inform child welfare' },
    body: { nb: 'Ved mistanke om alvorlig omsorgssvikt skal du melde til barnevernet uten samtykke.', nn: 'Ved mistanke om alvorleg omsorgssvikt skal du melde til barnevernet utan samtykke.', en: 'If you suspect serious neglect, report to child welfare; no consent is needed.' },
    links: [DUTY_TO_REPORT],
  },
  {
    level: 1, stepKey: 'get_consent',
    title: { nb: 'Innhent samtykke', nn: 'Innhent samtykke', en: 'Obtain consent' },
    body: { nb: 'Bruk det felles samtykkeskjemaet. Barnets mening skal spørres fra 7 år.', nn: 'Bruk det felles samtykkeskjemaet. Meininga til barnet skal spørjast frå 7 år.', en: 'Use the common consent form. Ask for the child\'s view from age 7.' },
    links: [CONSENT_FORM],
  },
  {
    level: 1, stepKey: 'open_relay_log',
    title: { nb: 'Opprett stafettlogg og avtal mål', nn: 'Opprett stafettlogg og avtal mål', en: 'Open the relay log and agree on goals' },
    body: { nb: 'Skriv utviklingsområder og mål sammen med familien.', nn: 'Skriv utviklingsområde og mål saman med familien.', en: 'Write development areas and goals together with the family.' },
    links: [],
  },
  {
    level: 1, stepKey: 'start_measures',
    title: { nb: 'Sett i gang tiltak i egen tjeneste', nn: 'Set i gang tiltak i eiga teneste', en: 'Start measures in your own service' },
    body: { nb: 'Hvert tiltak har en ansvarlig, en startdato og en evalueringsdato.', nn: 'Kvart tiltak har ein ansvarleg, ein startdato og ein evalueringsdato.', en: 'Each measure has a responsible person, a start date and an evaluation date.' },
    links: [],
  },
  {
    level: 1, stepKey: 'evaluate_measures',
    title: { nb: 'Evaluer tiltakene', nn: 'Evaluer tiltaka', en: 'Evaluate the measures' },
    body: { nb: 'Evaluer på avtalt dato, med familiens og barnets syn.', nn: 'Evaluer på avtalt dato, med synet til familien og barnet.', en: 'Evaluate on the agreed date, with the family\'s and the child\'s view.' },
    links: [],
  },
  {
    level: 2, stepKey: 'involve_services',
    title: { nb: 'Involver andre tjenester', nn: 'Involver andre tenester', en: 'Involve other services' },
    body: { nb: 'Bare tjenester samtykket dekker, kan involveres.', nn: 'Berre tenester samtykket dekkjer, kan involverast.', en: 'Only services the consent covers can be involved.' },
    links: [],
  },
  {
    level: 2, stepKey: 'call_team',
    title: { nb: 'Meld saken til tidlig innsatsteam', nn: 'Meld saka til tidleg innsatsteam', en: 'Refer the case to the early-intervention team' },
    body: { nb: 'Teamet for barnets alder og område drøfter saken med familien.', nn: 'Teamet for alderen og området til barnet drøftar saka med familien.', en: 'The team for the child\'s age and area discusses the case with the family.' },
    links: [],
  },
  {
    level: 2, stepKey: 'collaboration_meeting',
    title: { nb: 'Hold samarbeidsmøte med familien', nn: 'Hald samarbeidsmøte med familien', en: 'Hold a collaboration meeting with the family' },
    body: { nb: 'Avtaler og beslutninger skrives i stafettloggen.', nn: 'Avtalar og avgjerder blir skrivne i stafettloggen.', en: 'Agreements and decisions are written in the relay log.' },
    links: [],
  },
  {
    level: 2, stepKey: 'consider_report',
    title: { nb: 'Vurder melding til barnevernet', nn: 'Vurder melding til barnevernet', en: 'Consider a report to child welfare' },
    body: { nb: 'Opplysningsplikten gjelder uavhengig av samtykke.', nn: 'Opplysningsplikta gjeld uavhengig av samtykke.', en: 'The duty to inform applies regardless of consent.' },
    links: [DUTY_TO_REPORT],
  },
  {
    level: 3, stepKey: 'request_coordinator',
    title: { nb: 'Be om koordinator', nn: 'Be om koordinator', en: 'Request a coordinator' },
    body: { nb: 'Søknaden går til Koordinerende enhet.', nn: 'Søknaden går til Koordinerande eining.', en: 'The request goes to the Coordinating unit.' },
    links: [INDIVIDUAL_PLAN],
  },
  {
    level: 3, stepKey: 'individual_plan',
    title: { nb: 'Vurder individuell plan', nn: 'Vurder individuell plan', en: 'Consider an individual plan' },
    body: { nb: 'Planen bygger på familiens egne mål.', nn: 'Planen byggjer på dei eigne måla til familien.', en: 'The plan builds on the family\'s own goals.' },
    links: [INDIVIDUAL_PLAN],
  },
  {
    level: 3, stepKey: 'specialist_services',
    title: { nb: 'Henvis til spesialisthelsetjenesten ved behov', nn: 'Vis til spesialisthelsetenesta ved behov', en: 'Refer to specialist health services if needed' },
    body: { nb: 'Fastlegen eller kommunepsykologen henviser.', nn: 'Fastlegen eller kommunepsykologen viser vidare.', en: 'The GP or the municipal psychologist refers.' },
    links: [],
  },
  {
    level: 3, stepKey: 'review_plan',
    title: { nb: 'Evaluer planen jevnlig med familien', nn: 'Evaluer planen jamleg med familien', en: 'Review the plan regularly with the family' },
    body: { nb: 'Minst to ganger i året.', nn: 'Minst to gonger i året.', en: 'At least twice a year.' },
    links: [],
  },
];
