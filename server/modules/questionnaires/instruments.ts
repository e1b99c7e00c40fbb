// The built-in instruments, free to use with attribution: the Edinburgh Postnatal Depression Scale
// (Cox, Holden & Sagovsky 1987) and WHO's AUDIT, and the collaboration survey of the model (seed
// 003, tiltak 13). They are content in three languages, like the default action guide, and every
// municipality has them; its own instruments are stored (questionnaire_version).
import type { Definition, Localized } from '../../../common/contracts/questionnaires.ts';

const L = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });
type Option = [score: number, display: Localized];
const item = (linkId: string, text: Localized, options: Option[], extra: { subscale?: string; alertFrom?: number } = {}): Definition['item'][number] => ({
  linkId, text, required: true, ...extra, answerOption: options.map(([score, display]) => ({ score, display })),
});

// EPDS: the items marked * in the original are scored in reverse (3 for the first option).
const epdsItems = [
  item('1', L('Jeg har kunnet le og se det komiske i ting', 'Eg har kunna le og sjå det komiske i ting', 'I have been able to laugh and see the funny side of things'), [
    [0, L('Like mye som jeg alltid kunne', 'Like mykje som eg alltid kunne', 'As much as I always could')],
    [1, L('Ikke riktig så mye nå', 'Ikkje heilt så mykje no', 'Not quite so much now')],
    [2, L('Absolutt ikke så mye nå', 'Absolutt ikkje så mykje no', 'Definitely not so much now')],
    [3, L('Ikke i det hele tatt', 'Ikkje i det heile', 'Not at all')],
  ]),
  item('2', L('Jeg har gledet meg til ting', 'Eg har gleda meg til ting', 'I have looked forward with enjoyment to things'), [
    [0, L('Like mye som før', 'Like mykje som før', 'As much as I ever did')],
    [1, L('Noe mindre enn jeg pleide', 'Noko mindre enn eg pleidde', 'Rather less than I used to')],
    [2, L('Absolutt mindre enn jeg pleide', 'Absolutt mindre enn eg pleidde', 'Definitely less than I used to')],
    [3, L('Nesten ikke i det hele tatt', 'Nesten ikkje i det heile', 'Hardly at all')],
  ]),
  item('3', L('Jeg har unødvendig bebreidet meg selv når ting gikk galt', 'Eg har unødvendig klandra meg sjølv når ting gjekk gale', 'I have blamed myself unnecessarily when things went wrong'), [
    [3, L('Ja, mesteparten av tiden', 'Ja, mesteparten av tida', 'Yes, most of the time')],
    [2, L('Ja, noen ganger', 'Ja, nokre gonger', 'Yes, some of the time')],
    [1, L('Ikke så ofte', 'Ikkje så ofte', 'Not very often')],
    [0, L('Nei, aldri', 'Nei, aldri', 'No, never')],
  ], { subscale: 'anxiety' }),
  item('4', L('Jeg har vært engstelig eller bekymret uten grunn', 'Eg har vore engsteleg eller uroleg utan grunn', 'I have been anxious or worried for no good reason'), [
    [0, L('Nei, ikke i det hele tatt', 'Nei, ikkje i det heile', 'No, not at all')],
    [1, L('Nesten aldri', 'Nesten aldri', 'Hardly ever')],
    [2, L('Ja, noen ganger', 'Ja, nokre gonger', 'Yes, sometimes')],
    [3, L('Ja, veldig ofte', 'Ja, svært ofte', 'Yes, very often')],
  ], { subscale: 'anxiety' }),
  item('5', L('Jeg har vært redd eller fått panikk uten grunn', 'Eg har vore redd eller fått panikk utan grunn', 'I have felt scared or panicky for no very good reason'), [
    [3, L('Ja, ganske mye', 'Ja, ganske mykje', 'Yes, quite a lot')],
    [2, L('Ja, noen ganger', 'Ja, nokre gonger', 'Yes, sometimes')],
    [1, L('Nei, ikke mye', 'Nei, ikkje mykje', 'No, not much')],
    [0, L('Nei, ikke i det hele tatt', 'Nei, ikkje i det heile', 'No, not at all')],
  ], { subscale: 'anxiety' }),
  item('6', L('Jeg har følt at ting har vokst meg over hodet', 'Eg har kjent at ting har vakse meg over hovudet', 'Things have been getting on top of me'), [
    [3, L('Ja, stort sett har jeg ikke klart å mestre noe', 'Ja, stort sett har eg ikkje klart å meistre noko', 'Yes, most of the time I haven\'t been able to cope at all')],
    [2, L('Ja, noen ganger har jeg ikke mestret ting så godt som vanlig', 'Ja, nokre gonger har eg ikkje meistra ting så godt som vanleg', 'Yes, sometimes I haven\'t been coping as well as usual')],
    [1, L('Nei, stort sett har jeg mestret ting ganske godt', 'Nei, stort sett har eg meistra ting ganske godt', 'No, most of the time I have coped quite well')],
    [0, L('Nei, jeg har mestret ting like godt som før', 'Nei, eg har meistra ting like godt som før', 'No, I have been coping as well as ever')],
  ]),
  item('7', L('Jeg har vært så ulykkelig at jeg har hatt vanskelig for å sove', 'Eg har vore så ulykkeleg at eg har hatt vanskeleg for å sove', 'I have been so unhappy that I have had difficulty sleeping'), [
    [3, L('Ja, mesteparten av tiden', 'Ja, mesteparten av tida', 'Yes, most of the time')],
    [2, L('Ja, noen ganger', 'Ja, nokre gonger', 'Yes, sometimes')],
    [1, L('Ikke så ofte', 'Ikkje så ofte', 'Not very often')],
    [0, L('Nei, ikke i det hele tatt', 'Nei, ikkje i det heile', 'No, not at all')],
  ]),
  item('8', L('Jeg har følt meg nedfor eller ulykkelig', 'Eg har kjent meg nedfor eller ulykkeleg', 'I have felt sad or miserable'), [
    [3, L('Ja, mesteparten av tiden', 'Ja, mesteparten av tida', 'Yes, most of the time')],
    [2, L('Ja, ganske ofte', 'Ja, ganske ofte', 'Yes, quite often')],
    [1, L('Ikke så ofte', 'Ikkje så ofte', 'Not very often')],
    [0, L('Nei, ikke i det hele tatt', 'Nei, ikkje i det heile', 'No, not at all')],
  ]),
  item('9', L('Jeg har vært så ulykkelig at jeg har grått', 'Eg har vore så ulykkeleg at eg har grått', 'I have been so unhappy that I have been crying'), [
    [3, L('Ja, mesteparten av tiden', 'Ja, mesteparten av tida', 'Yes, most of the time')],
    [2, L('Ja, ganske ofte', 'Ja, ganske ofte', 'Yes, quite often')],
    [1, L('Bare av og til', 'Berre av og til', 'Only occasionally')],
    [0, L('Nei, aldri', 'Nei, aldri', 'No, never')],
  ]),
  item('10', L('Tanken på å skade meg selv har streifet meg', 'Tanken på å skade meg sjølv har streifa meg', 'The thought of harming myself has occurred to me'), [
    [3, L('Ja, ganske ofte', 'Ja, ganske ofte', 'Yes, quite often')],
    [2, L('Noen ganger', 'Nokre gonger', 'Sometimes')],
    [1, L('Nesten aldri', 'Nesten aldri', 'Hardly ever')],
    [0, L('Aldri', 'Aldri', 'Never')],
  ], { alertFrom: 1 }),
];

export const EPDS: Definition = {
  resourceType: 'Questionnaire',
  title: L('Edinburgh postnatal depresjonsskala (EPDS)', 'Edinburgh postnatal depresjonsskala (EPDS)', 'Edinburgh Postnatal Depression Scale (EPDS)'),
  intro: L('Kryss av for det svaret som best beskriver hvordan du har følt deg de siste sju dagene, ikke bare i dag.', 'Kryss av for det svaret som best skildrar korleis du har kjent deg dei siste sju dagane, ikkje berre i dag.', 'Choose the answer that comes closest to how you have felt in the past 7 days, not just how you feel today.'),
  answeredBy: 'person',
  source: L('Cox, J.L., Holden, J.M. og Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry 150, 782–786.', 'Cox, J.L., Holden, J.M. og Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry 150, 782–786.', 'Cox, J.L., Holden, J.M. and Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry 150, 782–786.'),
  licence: L('Fri til bruk med kildehenvisning. Skalaen erstatter ikke en klinisk vurdering.', 'Fri til bruk med kjeldetilvising. Skalaen erstattar ikkje ei klinisk vurdering.', 'Free to use with attribution. The scale does not replace a clinical assessment.'),
  item: epdsItems,
  scoring: { rule: 'sum', subscales: [{ key: 'anxiety', title: L('Angst (spørsmål 3–5)', 'Angst (spørsmål 3–5)', 'Anxiety (items 3–5)') }] },
  thresholds: [
    {
      key: 'follow_up', from: 10, to: 12,
      text: L('Skåre 10 eller mer: mulig depresjon. Følg opp med en ny samtale.', 'Skåre 10 eller meir: moglegvis depresjon. Følg opp med ein ny samtale.', 'Score of 10 or more: possible depression. Follow up with another conversation.'),
      measure: L('Oppfølgingssamtaler med helsesykepleier', 'Oppfølgingssamtalar med helsesjukepleiar', 'Follow-up conversations with the health nurse'),
      guideStep: { level: 1, stepKey: 'start_measures' },
      pregnancyGuideStep: { level: 1, stepKey: 'extra_follow_up' },
    },
    {
      key: 'probable_depression', from: 13, to: 30,
      text: L('Skåre 13 eller mer: sannsynlig depresjon. Vurder henvisning til lege og andre tjenester.', 'Skåre 13 eller meir: sannsynleg depresjon. Vurder tilvising til lege og andre tenester.', 'Score of 13 or more: probable depression. Consider referral to a doctor and other services.'),
      measure: L('Samtaler om psykisk helse etter fødsel, og time hos fastlegen', 'Samtalar om psykisk helse etter fødsel, og time hos fastlegen', 'Conversations about mental health after birth, and an appointment with the GP'),
      guideStep: { level: 2, stepKey: 'involve_services' },
      pregnancyGuideStep: { level: 2, stepKey: 'involve_pregnancy_services' },
    },
  ],
  alertText: L('Svaret på spørsmål 10 (tanker om å skade seg selv) krever handling i dag.', 'Svaret på spørsmål 10 (tankar om å skade seg sjølv) krev handling i dag.', 'The answer to item 10 (thoughts of self-harm) needs action today.'),
};

const frequency = (never: Localized): Option[] => [
  [0, never],
  [1, L('Sjeldnere enn månedlig', 'Sjeldnare enn månadleg', 'Less than monthly')],
  [2, L('Månedlig', 'Månadleg', 'Monthly')],
  [3, L('Ukentlig', 'Kvar veke', 'Weekly')],
  [4, L('Daglig eller nesten daglig', 'Dagleg eller nesten dagleg', 'Daily or almost daily')],
];
const never = L('Aldri', 'Aldri', 'Never');
const harm: Option[] = [
  [0, L('Nei', 'Nei', 'No')],
  [2, L('Ja, men ikke i løpet av siste år', 'Ja, men ikkje i løpet av siste år', 'Yes, but not in the last year')],
  [4, L('Ja, i løpet av siste år', 'Ja, i løpet av siste år', 'Yes, during the last year')],
];

export const AUDIT: Definition = {
  resourceType: 'Questionnaire',
  title: L('AUDIT – test for alkoholvaner', 'AUDIT – test for alkoholvanar', 'AUDIT – Alcohol Use Disorders Identification Test'),
  intro: L('En alkoholenhet er for eksempel en flaske øl (0,33 l), et glass vin (12 cl) eller en drink med brennevin (4 cl).', 'Ei alkoholeining er til dømes ei flaske øl (0,33 l), eit glas vin (12 cl) eller ein drink med brennevin (4 cl).', 'One drink is for example a bottle of beer (0.33 l), a glass of wine (12 cl) or a shot of spirits (4 cl).'),
  answeredBy: 'professional_with_person',
  source: L('Verdens helseorganisasjon (WHO): AUDIT, The Alcohol Use Disorders Identification Test (2. utg., 2001).', 'Verdas helseorganisasjon (WHO): AUDIT, The Alcohol Use Disorders Identification Test (2. utg., 2001).', 'World Health Organization (WHO): AUDIT, The Alcohol Use Disorders Identification Test (2nd ed., 2001).'),
  licence: L('Fri til bruk med kildehenvisning til WHO.', 'Fri til bruk med kjeldetilvising til WHO.', 'Free to use with attribution to WHO.'),
  item: [
    item('1', L('Hvor ofte drikker du alkohol?', 'Kor ofte drikk du alkohol?', 'How often do you have a drink containing alcohol?'), [
      [0, never],
      [1, L('Månedlig eller sjeldnere', 'Månadleg eller sjeldnare', 'Monthly or less')],
      [2, L('2–4 ganger i måneden', '2–4 gonger i månaden', '2 to 4 times a month')],
      [3, L('2–3 ganger i uken', '2–3 gonger i veka', '2 to 3 times a week')],
      [4, L('4 ganger i uken eller mer', '4 gonger i veka eller meir', '4 or more times a week')],
    ]),
    item('2', L('Hvor mange alkoholenheter drikker du på en typisk dag når du drikker?', 'Kor mange alkoholeiningar drikk du ein typisk dag når du drikk?', 'How many drinks containing alcohol do you have on a typical day when you are drinking?'), [
      [0, L('1–2', '1–2', '1 or 2')], [1, L('3–4', '3–4', '3 or 4')], [2, L('5–6', '5–6', '5 or 6')], [3, L('7–9', '7–9', '7, 8 or 9')], [4, L('10 eller flere', '10 eller fleire', '10 or more')],
    ]),
    item('3', L('Hvor ofte drikker du seks alkoholenheter eller mer ved én anledning?', 'Kor ofte drikk du seks alkoholeiningar eller meir ved eitt høve?', 'How often do you have six or more drinks on one occasion?'), frequency(never)),
    item('4', L('Hvor ofte i løpet av siste år har du ikke klart å stoppe å drikke når du først hadde begynt?', 'Kor ofte i løpet av siste år har du ikkje klart å slutte å drikke når du først hadde byrja?', 'How often during the last year have you found that you were not able to stop drinking once you had started?'), frequency(never)),
    item('5', L('Hvor ofte i løpet av siste år har du latt være å gjøre ting du skulle, fordi du hadde drukket?', 'Kor ofte i løpet av siste år har du late vere å gjere ting du skulle, fordi du hadde drukke?', 'How often during the last year have you failed to do what was normally expected from you because of drinking?'), frequency(never)),
    item('6', L('Hvor ofte i løpet av siste år har du trengt en drink om morgenen for å komme i gang etter mye drikking dagen før?', 'Kor ofte i løpet av siste år har du trong ein drink om morgonen for å kome i gang etter mykje drikking dagen før?', 'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?'), frequency(never)),
    item('7', L('Hvor ofte i løpet av siste år har du hatt skyldfølelse eller dårlig samvittighet etter å ha drukket?', 'Kor ofte i løpet av siste år har du hatt skuldkjensle eller dårleg samvit etter å ha drukke?', 'How often during the last year have you had a feeling of guilt or remorse after drinking?'), frequency(never)),
    item('8', L('Hvor ofte i løpet av siste år har du ikke husket hva som skjedde kvelden før, fordi du hadde drukket?', 'Kor ofte i løpet av siste år har du ikkje hugsa kva som skjedde kvelden før, fordi du hadde drukke?', 'How often during the last year have you been unable to remember what happened the night before because you had been drinking?'), frequency(never)),
    item('9', L('Har du eller noen andre blitt skadet som følge av at du hadde drukket?', 'Har du eller nokon andre vorte skadd som følgje av at du hadde drukke?', 'Have you or someone else been injured as a result of your drinking?'), harm),
    item('10', L('Har en slektning, venn, lege eller annet helsepersonell vært bekymret for drikkingen din, eller foreslått at du skulle redusere den?', 'Har ein slektning, ven, lege eller anna helsepersonell vore uroa for drikkinga di, eller føreslått at du burde redusere ho?', 'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?'), harm),
  ],
  scoring: { rule: 'sum', subscales: [] },
  thresholds: [
    {
      key: 'hazardous', from: 8, to: 40,
      text: L('Skåre 8 eller mer: risikofylt alkoholbruk. Snakk om drikkevanene og gi råd.', 'Skåre 8 eller meir: risikofylt alkoholbruk. Snakk om drikkevanane og gi råd.', 'Score of 8 or more: hazardous drinking. Talk about drinking habits and give advice.'),
      measure: L('Samtale om alkoholvaner og råd om å drikke mindre', 'Samtale om alkoholvanar og råd om å drikke mindre', 'A conversation about drinking habits and advice on cutting down'),
      guideStep: { level: 1, stepKey: 'start_measures' },
      pregnancyGuideStep: { level: 0, stepKey: 'consider_substance_use' },
    },
  ],
};

const agreement: Option[] = [
  [1, L('Helt uenig', 'Heilt usamd', 'Strongly disagree')],
  [2, L('Litt uenig', 'Litt usamd', 'Disagree')],
  [3, L('Verken enig eller uenig', 'Verken samd eller usamd', 'Neither agree nor disagree')],
  [4, L('Litt enig', 'Litt samd', 'Agree')],
  [5, L('Helt enig', 'Heilt samd', 'Strongly agree')],
];

/** The survey of how well the services work together, answered anonymously by staff each round. */
export const COLLABORATION: Definition = {
  resourceType: 'Questionnaire',
  title: L('Samhandlingsundersøkelsen', 'Samhandlingsundersøkinga', 'The collaboration survey'),
  // The page says how the answer is kept (questionnaires.survey.anonymous); the intro does not repeat it.
  intro: L('Tenk på det siste halvåret.', 'Tenk på det siste halvåret.', 'Think of the last six months.'),
  answeredBy: 'staff_anonymous',
  source: L('Sammen for barn og unge, tiltak 13: indikatorverktøy for god samhandling.', 'Saman for barn og unge, tiltak 13: indikatorverktøy for god samhandling.', 'Together for children and youth, measure 13: an indicator tool for good collaboration.'),
  licence: L('Kommunens eget skjema.', 'Kommunen sitt eige skjema.', 'The municipality\'s own survey.'),
  item: [
    item('know', L('Jeg vet hvem jeg skal kontakte i andre tjenester når jeg er bekymret for et barn.', 'Eg veit kven eg skal kontakte i andre tenester når eg er uroa for eit barn.', 'I know whom to contact in other services when I am worried about a child.'), agreement),
    item('reach', L('Det er lett å få tak i dem jeg trenger i andre tjenester.', 'Det er lett å få tak i dei eg treng i andre tenester.', 'It is easy to reach the people I need in other services.'), agreement),
    item('roles', L('Det er tydelig hvem som har ansvar for hva når flere tjenester hjelper samme familie.', 'Det er tydeleg kven som har ansvar for kva når fleire tenester hjelper same familie.', 'It is clear who is responsible for what when several services help the same family.'), agreement),
    item('info', L('Informasjon følger barnet når det går fra én tjeneste til en annen.', 'Informasjon følgjer barnet når det går frå ei teneste til ei anna.', 'Information follows the child when they move from one service to another.'), agreement),
    item('family', L('Familiene opplever at vi jobber sammen.', 'Familiane opplever at vi jobbar saman.', 'Families experience that we work together.'), agreement),
  ],
  scoring: { rule: 'sum', subscales: [] },
  thresholds: [],
};

export interface BuiltIn { key: string; version: number; definition: Definition }

/** Every built-in instrument, at its one version. */
export const BUILT_IN: readonly BuiltIn[] = [
  { key: 'epds', version: 1, definition: EPDS },
  { key: 'audit', version: 1, definition: AUDIT },
  { key: 'collaboration', version: 1, definition: COLLABORATION },
];
