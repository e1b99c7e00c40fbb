// The action guide (handlingsveileder) a municipality starts with: the steps of each level from
// seeds 002 and 004. It is municipal content, not interface text, so it lives here in three
// languages and is copied into the database as version 1; the municipality edits it from there.
import type { GuideLink } from '../../infra/db/column-types.ts';

export interface GuideStepContent {
  level: number;
  /** Whom the step is written for: a child (the default) or a pregnancy, before the child is born. */
  subject?: 'child' | 'pregnancy';
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

const SUBSTANCE_USE_IN_PREGNANCY: GuideLink = {
  label: { nb: 'Gravide som bruker rusmidler (helse- og omsorgstjenesteloven § 10-3)', nn: 'Gravide som brukar rusmiddel (helse- og omsorgstenestelova § 10-3)', en: 'Pregnant women who use substances (Health and Care Services Act § 10-3)' },
  url: 'https://lovdata.no/lov/2011-06-24-30/§10-3',
};

/**
 * The steps for a pregnancy: the midwife's and the health station's work with the pregnant woman
 * herself, ending in the birth, when the log may continue as the child's (seed 002: pregnant women
 * with risk factors are a critical group).
 */
const PREGNANCY_GUIDE: readonly GuideStepContent[] = [
  {
    level: 0, subject: 'pregnancy', stepKey: 'talk_with_pregnant',
    title: { nb: 'Snakk med den gravide', nn: 'Snakk med den gravide', en: 'Talk with the pregnant woman' },
    body: { nb: 'Spør hvordan hun har det, om søvn, humør, rus, vold og økonomi. Skriv ned det hun forteller og det du ser.', nn: 'Spør korleis ho har det, om søvn, humør, rus, vald og økonomi. Skriv ned det ho fortel og det du ser.', en: 'Ask how she is: sleep, mood, substances, violence and money. Write down what she tells you and what you see.' },
    links: [],
  },
  {
    level: 0, subject: 'pregnancy', stepKey: 'ask_about_network',
    title: { nb: 'Spør om partner og nettverk', nn: 'Spør om partnar og nettverk', en: 'Ask about her partner and network' },
    body: { nb: 'Hvem har hun rundt seg før og etter fødselen? Inviter partneren til neste kontroll hvis hun ønsker det.', nn: 'Kven har ho rundt seg før og etter fødselen? Inviter partnaren til neste kontroll om ho ønskjer det.', en: 'Who does she have around her before and after the birth? Invite her partner to the next check-up if she wants.' },
    links: [],
  },
  {
    level: 0, subject: 'pregnancy', stepKey: 'consult_pregnancy',
    title: { nb: 'Drøft anonymt med en kollega eller teamet', nn: 'Drøft anonymt med ein kollega eller teamet', en: 'Discuss anonymously with a colleague or the team' },
    body: { nb: 'Tidlig innsatsteam for tiden før fødsel til ett år møtes på helsestasjonen. En anonym drøfting lagrer ingen identitet.', nn: 'Tidleg innsatsteam for tida før fødsel til eitt år møtest på helsestasjonen. Ei anonym drøfting lagrar ingen identitet.', en: 'The early-intervention team for before birth to one year meets at the health station. An anonymous discussion stores no identity.' },
    links: [],
  },
  {
    level: 0, subject: 'pregnancy', stepKey: 'consider_substance_use',
    title: { nb: 'Ved rus i svangerskapet: handle nå', nn: 'Ved rus i svangerskapet: handle no', en: 'Substance use in pregnancy: act now' },
    body: { nb: 'Tilby hjelp straks og involver fastlegen. Loven har egne regler for gravide som bruker rusmidler.', nn: 'Tilby hjelp straks og involver fastlegen. Lova har eigne reglar for gravide som brukar rusmiddel.', en: 'Offer help at once and involve the GP. The law has its own rules for pregnant women who use substances.' },
    links: [SUBSTANCE_USE_IN_PREGNANCY],
  },
  {
    level: 1, subject: 'pregnancy', stepKey: 'get_pregnancy_consent',
    title: { nb: 'Innhent samtykke fra den gravide', nn: 'Innhent samtykke frå den gravide', en: 'Obtain the pregnant woman\'s consent' },
    body: { nb: 'Hun samtykker selv. Ta med helsestasjonen som mottaker, så loggen kan følge barnet etter fødselen.', nn: 'Ho samtykkjer sjølv. Ta med helsestasjonen som mottakar, så loggen kan følgje barnet etter fødselen.', en: 'She consents herself. Include the health station as a recipient so the log can follow the child after the birth.' },
    links: [CONSENT_FORM],
  },
  {
    // The EPDS needs the consent above: a screening is health data (questionnaires/, issue 16).
    level: 1, subject: 'pregnancy', stepKey: 'screen_epds',
    title: { nb: 'Kartlegg humøret med EPDS', nn: 'Kartlegg humøret med EPDS', en: 'Screen her mood with the EPDS' },
    body: {
      nb: 'Send Edinburgh-skalaen (EPDS) til hennes Min side, eller fyll den ut sammen i samtalen, under «Kartlegginger» på hennes side. En sum på 10 eller mer foreslår neste steg; et svar over 0 på spørsmålet om selvskading krever handling samme dag.',
      nn: 'Send Edinburgh-skalaen (EPDS) til Min side hos henne, eller fyll han ut saman i samtalen, under «Kartleggingar» på sida hennar. Ein sum på 10 eller meir føreslår neste steg; eit svar over 0 på spørsmålet om sjølvskading krev handling same dag.',
      en: 'Send the Edinburgh scale (EPDS) to her Min side, or fill it in together in the conversation, under "Screenings" on her page. A total of 10 or more suggests the next step; an answer above 0 on the self-harm question needs action the same day.',
    },
    links: [],
  },
  {
    level: 1, subject: 'pregnancy', stepKey: 'extra_follow_up',
    title: { nb: 'Avtal tettere oppfølging hos jordmor', nn: 'Avtal tettare oppfølging hos jordmor', en: 'Agree on closer follow-up with the midwife' },
    body: { nb: 'Ekstra kontroller eller hjemmebesøk, med mål og evalueringsdato i stafettloggen.', nn: 'Ekstra kontrollar eller heimebesøk, med mål og evalueringsdato i stafettloggen.', en: 'Extra check-ups or home visits, with goals and an evaluation date in the relay log.' },
    links: [],
  },
  {
    level: 1, subject: 'pregnancy', stepKey: 'plan_birth_handover',
    title: { nb: 'Planlegg overgangen til helsesykepleier', nn: 'Planlegg overgangen til helsesjukepleiar', en: 'Plan the handover to the health nurse' },
    body: { nb: 'Ved fødselen registreres barnet fra mors side i Sammen. Med mors samtykke fortsetter loggen som barnets, og stafettpinnen går til helsesykepleier.', nn: 'Ved fødselen blir barnet registrert frå sida til mor i Sammen. Med samtykke frå mor held loggen fram som barnet sin, og stafettpinnen går til helsesjukepleiar.', en: 'At the birth the child is registered from the mother\'s record in Sammen. With her consent the log continues as the child\'s, and the baton passes to the health nurse.' },
    links: [],
  },
  {
    level: 2, subject: 'pregnancy', stepKey: 'involve_pregnancy_services',
    title: { nb: 'Involver fastlege, psykisk helse og rus', nn: 'Involver fastlege, psykisk helse og rus', en: 'Involve the GP, mental health and substance-use services' },
    body: { nb: 'Bare tjenester samtykket dekker, kan involveres.', nn: 'Berre tenester samtykket dekkjer, kan involverast.', en: 'Only services the consent covers can be involved.' },
    links: [],
  },
  {
    level: 2, subject: 'pregnancy', stepKey: 'pregnancy_team',
    title: { nb: 'Meld saken til tidlig innsatsteam på helsestasjonen', nn: 'Meld saka til tidleg innsatsteam på helsestasjonen', en: 'Refer the case to the health station\'s early-intervention team' },
    body: { nb: 'Teamet for tiden før fødsel til ett år drøfter saken med den gravide.', nn: 'Teamet for tida før fødsel til eitt år drøftar saka med den gravide.', en: 'The team for before birth to one year discusses the case with the pregnant woman.' },
    links: [],
  },
  {
    level: 2, subject: 'pregnancy', stepKey: 'whole_family_effort',
    title: { nb: 'Be om en innsatsleder for hele familien', nn: 'Be om ein innsatsleiar for heile familien', en: 'Ask for an effort leader for the whole family' },
    body: { nb: 'Når familien trenger NAV, bolig og helse samtidig, kan nivå 2-inntaket oppnevne en innsatsleder.', nn: 'Når familien treng NAV, bustad og helse samstundes, kan nivå 2-inntaket oppnemne ein innsatsleiar.', en: 'When the family needs NAV, housing and health at once, the level-2 intake can appoint an effort leader.' },
    links: [],
  },
  {
    level: 3, subject: 'pregnancy', stepKey: 'specialist_pregnancy',
    title: { nb: 'Henvis til spesialisthelsetjenesten ved behov', nn: 'Vis til spesialisthelsetenesta ved behov', en: 'Refer to specialist health services if needed' },
    body: { nb: 'Fastlegen henviser til psykisk helsevern eller rusbehandling for gravide.', nn: 'Fastlegen viser til psykisk helsevern eller rusbehandling for gravide.', en: 'The GP refers to mental health care or substance-use treatment for pregnant women.' },
    links: [],
  },
  {
    level: 3, subject: 'pregnancy', stepKey: 'individual_plan_pregnancy',
    title: { nb: 'Vurder individuell plan', nn: 'Vurder individuell plan', en: 'Consider an individual plan' },
    body: { nb: 'Planen bygger på hennes egne mål for seg selv og barnet.', nn: 'Planen byggjer på hennar eigne mål for seg sjølv og barnet.', en: 'The plan builds on her own goals for herself and the child.' },
    links: [INDIVIDUAL_PLAN],
  },
];

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
  ...PREGNANCY_GUIDE,
];
