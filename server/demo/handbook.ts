// The demo municipality's digital handbook: pages written for Sammen on the topics the seeds name
// (guidelines for preventive work, how collaboration is organised, how a worry is handled, meetings
// with parents, individual plans and coordinators), each published as version 1 by the
// administrator, and the links from the demo's action guide to them. Fixed content, so the same
// demo always has the same handbook. The worry and meeting pages are also in nynorsk and English.
import { handbookPath, GUIDE_FORMS } from '../../common/handbook.ts';
import type { Language } from '../../common/roles.ts';
import type { TeamKind } from '../../common/contracts/teams.ts';
import type { Tx } from '../infra/db/database.ts';
import type { GuideLink } from '../infra/db/column-types.ts';
import { cleanHtml } from '../modules/handbook/html.ts';

interface DemoPage {
  slug: string;
  visibility: 'public' | 'staff';
  aboutTeamKind?: TeamKind;
  texts: Partial<Record<Language, { title: string; html: string }>> & { nb: { title: string; html: string } };
}

export const DEMO_HANDBOOK: readonly DemoPage[] = [
  {
    slug: 'forebyggende-arbeid',
    visibility: 'public',
    texts: {
      nb: {
        title: 'Retningslinjer for forebyggende arbeid',
        html: '<p>Alle som jobber med barn, unge og familier i kommunen, har et felles ansvar for å se behov tidlig og gi hjelp i tide. Retningslinjene gjelder barnehager, skoler, helsestasjon, PPT, barnevern, NAV og fritidstilbud.</p>'
          + '<h2>Hva vi forplikter oss til</h2><ul><li><p>Vi spør barnet og familien hva de trenger, før vi bestemmer tiltak.</p></li><li><p>Vi prøver ut tiltak i egen tjeneste før vi henviser videre.</p></li><li><p>Vi deler bare det familien har samtykket til, eller det loven pålegger oss.</p></li><li><p>Hvert tiltak har en ansvarlig og en dato for evaluering.</p></li></ul>'
          + '<h2>Nivåene i handlingsveilederen</h2><ol><li><p><strong>Nivå 0:</strong> undring og bekymring – du observerer, snakker med barnet og foreldrene og drøfter anonymt.</p></li><li><p><strong>Nivå 1:</strong> tiltak i egen tjeneste, med samtykke og stafettlogg.</p></li><li><p><strong>Nivå 2:</strong> tverrfaglig samarbeid, ofte med tidlig innsatsteam.</p></li><li><p><strong>Nivå 3:</strong> sammensatte og langvarige behov, med koordinator og individuell plan.</p></li></ol>'
          + '<p>Les også <a href="/handbok/undring-og-bekymring">Når du er bekymret for et barn</a>.</p>',
      },
    },
  },
  {
    slug: 'samarbeid',
    visibility: 'public',
    texts: {
      nb: {
        title: 'Slik er samarbeidet organisert',
        html: '<p>Samarbeidet rundt barn og familier er bygget opp i tre ledd: den enkelte tjenesten, tidlig innsatsteamene og systemteamene.</p>'
          + '<h2>Den enkelte tjenesten</h2><p>Barnehagen, skolen eller helsestasjonen er der de fleste bekymringer oppdages og løses. Den som eier stafettloggen, holder i saken til den er overlevert.</p>'
          + '<h2>Tidlig innsatsteam</h2><p>Teamene for 0–6 år, 6–16 år og 16–23 år drøfter saker med familien til stede eller med samtykke, og avtaler hvem som gjør hva. Familien kan selv be om et møte.</p>'
          + '<h2>Systemteam</h2><p>Systemteamene ser på mønstre på tvers av saker, uten personopplysninger, og foreslår endringer i rutiner og tilbud.</p>'
          + '<h2>Stafettloggen</h2><p>Stafettloggen følger barnet fra tjeneste til tjeneste, slik at ingen må begynne på nytt når barnet bytter barnehage eller skole.</p>',
      },
    },
  },
  {
    slug: 'tidlig-innsatsteam',
    visibility: 'public',
    aboutTeamKind: 'early_intervention',
    texts: {
      nb: {
        title: 'Tidlig innsatsteam',
        html: '<p>Et tidlig innsatsteam er et tverrfaglig team der familier og ansatte kan drøfte det de er bekymret for, og få hjelp til å komme videre.</p>'
          + '<h2>Hvem sitter i teamet?</h2><p>Helsesykepleier, PPT, barnevern, familieveileder og representanter for barnehage eller skole, ut fra alderen teamet dekker.</p>'
          + '<h2>Slik melder du en sak</h2><ol><li><p>Snakk med familien og avtal hva som skal drøftes.</p></li><li><p>Innhent samtykke, eller la familien være med på møtet.</p></li><li><p>Send henvisningen fra barnets side i Sammen.</p></li></ol>',
      },
    },
  },
  {
    slug: 'systemteam',
    visibility: 'public',
    aboutTeamKind: 'system_level',
    texts: {
      nb: {
        title: 'Systemteam',
        html: '<p>Systemteamene følger med på hvordan tjenestene samarbeider, og ser etter mønstre på tvers av saker. De arbeider uten personopplysninger: tall, erfaringer og forslag.</p>'
          + '<h2>Hva teamet gjør</h2><ul><li><p>Går gjennom tall fra tidlig innsatsteamene hvert halvår.</p></li><li><p>Foreslår endringer i handlingsveilederen og i tilbudet.</p></li><li><p>Skriver en kort rapport til kommunens ledelse.</p></li></ul>',
      },
    },
  },
  {
    slug: 'undring-og-bekymring',
    visibility: 'public',
    texts: {
      nb: {
        title: 'Når du er bekymret for et barn',
        html: '<p>En undring er en magefølelse av at noe ikke er som det skal. Den skal tas på alvor, men betyr ikke at noe er galt.</p>'
          + '<h2>Slik går du fram</h2><ol><li><p><strong>Noter</strong> konkrete observasjoner: hva du så, når og hvor ofte.</p></li><li><p><strong>Snakk med barnet</strong> på en måte som passer alder og modenhet.</p></li><li><p><strong>Snakk med foreldrene</strong>. Del det du har sett, og hør hva de ser hjemme.</p></li><li><p><strong>Drøft anonymt</strong> med en kollega, lederen din eller tidlig innsatsteamet.</p></li></ol>'
          + '<h2>Når du må melde til barnevernet</h2><p>Har du grunn til å tro at et barn blir mishandlet, utsatt for alvorlig omsorgssvikt eller andre alvorlige forhold, skal du melde til barnevernet med en gang. Du trenger ikke samtykke, og du skal ikke vente på at tiltak prøves ut. Se <a href="https://lovdata.no/lov/2021-06-18-97/§13-2">barnevernsloven § 13-2</a>.</p>',
      },
      nn: {
        title: 'Når du er uroleg for eit barn',
        html: '<p>Ei undring er ei magekjensle av at noko ikkje er som det skal. Ho skal takast på alvor, men tyder ikkje at noko er gale.</p>'
          + '<h2>Slik går du fram</h2><ol><li><p><strong>Noter</strong> konkrete observasjonar: kva du såg, når og kor ofte.</p></li><li><p><strong>Snakk med barnet</strong> på ein måte som passar alder og modnad.</p></li><li><p><strong>Snakk med foreldra</strong>. Del det du har sett, og høyr kva dei ser heime.</p></li><li><p><strong>Drøft anonymt</strong> med ein kollega, leiaren din eller tidleg innsatsteamet.</p></li></ol>'
          + '<h2>Når du må melde til barnevernet</h2><p>Har du grunn til å tru at eit barn blir mishandla, utsett for alvorleg omsorgssvikt eller andre alvorlege forhold, skal du melde til barnevernet med ein gong. Du treng ikkje samtykke, og du skal ikkje vente på at tiltak blir prøvde ut. Sjå <a href="https://lovdata.no/lov/2021-06-18-97/§13-2">barnevernslova § 13-2</a>.</p>',
      },
      en: {
        title: 'When you are worried about a child',
        html: '<p>A worry is a gut feeling that something is not as it should be. It should be taken seriously, but it does not mean that something is wrong.</p>'
          + '<h2>What to do</h2><ol><li><p><strong>Note</strong> concrete observations: what you saw, when and how often.</p></li><li><p><strong>Talk with the child</strong> in a way that suits their age and maturity.</p></li><li><p><strong>Talk with the parents</strong>. Share what you have seen, and hear what they see at home.</p></li><li><p><strong>Discuss anonymously</strong> with a colleague, your manager or the early-intervention team.</p></li></ol>'
          + '<h2>When you must report to child welfare</h2><p>If you have reason to believe that a child is being abused, seriously neglected or in other serious circumstances, report to child welfare at once. No consent is needed, and you should not wait for measures to be tried. See <a href="https://lovdata.no/lov/2021-06-18-97/§13-2">the Child Welfare Act § 13-2</a>.</p>',
      },
    },
  },
  {
    slug: 'mote-med-foreldre',
    visibility: 'public',
    texts: {
      nb: {
        title: 'Møter med foreldre',
        html: '<p>Foreldrene kjenner barnet best. Et godt møte bygger tillit og gjør at familien er med på å finne løsninger.</p>'
          + '<h2>Før møtet</h2><ul><li><p>Avtal tid og sted som passer familien, og spør om de trenger tolk.</p></li><li><p>Fortell hva du vil snakke om, så ingen blir overrasket.</p></li><li><p>Tenk gjennom hva du har sett, med konkrete eksempler.</p></li></ul>'
          + '<h2>I møtet</h2><ul><li><p>Start med det som går bra.</p></li><li><p>Beskriv det du har sett, ikke det du tror om årsaken.</p></li><li><p>Spør hva foreldrene ser hjemme, og hva de ønsker.</p></li><li><p>Avtal hva som skal skje videre, hvem som gjør hva og når dere møtes igjen.</p></li></ul>'
          + '<h2>Etter møtet</h2><p>Skriv avtalene i stafettloggen, og send familien en kort oppsummering.</p>',
      },
      nn: {
        title: 'Møte med foreldre',
        html: '<p>Foreldra kjenner barnet best. Eit godt møte byggjer tillit og gjer at familien er med på å finne løysingar.</p>'
          + '<h2>Før møtet</h2><ul><li><p>Avtal tid og stad som passar familien, og spør om dei treng tolk.</p></li><li><p>Fortel kva du vil snakke om, så ingen blir overraska.</p></li><li><p>Tenk gjennom kva du har sett, med konkrete døme.</p></li></ul>'
          + '<h2>I møtet</h2><ul><li><p>Start med det som går bra.</p></li><li><p>Skildre det du har sett, ikkje det du trur om årsaka.</p></li><li><p>Spør kva foreldra ser heime, og kva dei ønskjer.</p></li><li><p>Avtal kva som skal skje vidare, kven som gjer kva og når de møtest igjen.</p></li></ul>'
          + '<h2>Etter møtet</h2><p>Skriv avtalane i stafettloggen, og send familien ei kort oppsummering.</p>',
      },
      en: {
        title: 'Meetings with parents',
        html: '<p>Parents know their child best. A good meeting builds trust and lets the family take part in finding solutions.</p>'
          + '<h2>Before the meeting</h2><ul><li><p>Agree on a time and place that suit the family, and ask whether they need an interpreter.</p></li><li><p>Say what you want to talk about, so nobody is surprised.</p></li><li><p>Think through what you have seen, with concrete examples.</p></li></ul>'
          + '<h2>In the meeting</h2><ul><li><p>Start with what is going well.</p></li><li><p>Describe what you have seen, not what you think the cause is.</p></li><li><p>Ask what the parents see at home, and what they want.</p></li><li><p>Agree on what happens next, who does what and when you meet again.</p></li></ul>'
          + '<h2>After the meeting</h2><p>Write the agreements in the relay log, and send the family a short summary.</p>',
      },
    },
  },
  {
    slug: 'individuell-plan-og-koordinator',
    visibility: 'public',
    texts: {
      nb: {
        title: 'Individuell plan og koordinator',
        html: '<p>Barn og unge med behov for langvarige og koordinerte tjenester har rett til en koordinator, og til en individuell plan når de ønsker det (<a href="https://lovdata.no/lov/2011-06-24-30/§7-1">helse- og omsorgstjenesteloven § 7-1</a>).</p>'
          + '<h2>Koordinatoren</h2><p>Koordinatoren er familiens faste kontakt, sørger for at tjenestene henger sammen og kaller inn til møter i ansvarsgruppen.</p>'
          + '<h2>Den individuelle planen</h2><ul><li><p>bygger på familiens egne mål</p></li><li><p>sier hvem som gjør hva, og når</p></li><li><p>evalueres minst to ganger i året</p></li></ul>'
          + '<h2>Slik søker familien</h2><p>Søknaden går til Koordinerende enhet. Den som holder stafettloggen, kan hjelpe familien med å søke.</p>',
      },
    },
  },
  {
    slug: 'anonym-drofting',
    visibility: 'staff',
    texts: {
      nb: {
        title: 'Anonym drøfting – rutine for ansatte',
        html: '<p>En anonym drøfting lagrer ingen identitet. Bruk den når du er usikker og vil ha råd før du snakker med familien.</p>'
          + '<ul><li><p>Beskriv alder, situasjon og det du har sett – ikke navn, adresse eller andre kjennetegn.</p></li><li><p>Tidlig innsatsteamet svarer innen en uke.</p></li><li><p>Ved mistanke om vold eller overgrep: meld til barnevernet, ikke drøft anonymt.</p></li></ul>',
      },
    },
  },
];

/** The demo's action-guide steps and the handbook pages and forms each links to. */
const STEP_LINKS: Record<string, { page?: string; form?: keyof typeof GUIDE_FORMS }[]> = {
  note_observations: [{ page: 'undring-og-bekymring' }],
  talk_with_parents: [{ page: 'mote-med-foreldre' }],
  consult: [{ page: 'anonym-drofting' }],
  consider_child_welfare: [{ page: 'undring-og-bekymring' }, { form: 'childWelfareReport' }],
  start_measures: [{ page: 'forebyggende-arbeid' }],
  call_team: [{ page: 'tidlig-innsatsteam' }, { form: 'referral' }],
  collaboration_meeting: [{ page: 'mote-med-foreldre' }, { page: 'samarbeid' }],
  request_coordinator: [{ page: 'individuell-plan-og-koordinator' }],
  individual_plan: [{ page: 'individuell-plan-og-koordinator' }],
};

const FORM_LABELS: Record<keyof typeof GUIDE_FORMS, GuideLink['label']> = {
  consentForm: { nb: 'Felles samtykkeskjema (PDF)', nn: 'Felles samtykkeskjema (PDF)', en: 'Common consent form (PDF)' },
  childWelfareReport: { nb: 'Bekymringsmelding til barnevernet', nn: 'Bekymringsmelding til barnevernet', en: 'Report to child welfare' },
  referral: { nb: 'Henvisning til tidlig innsatsteam', nn: 'Tilvising til tidleg innsatsteam', en: 'Referral to the early-intervention team' },
};

export async function writeDemoHandbook(trx: Tx, municipalityId: string, administratorId: string | null, publishedAt: Date): Promise<void> {
  for (const page of DEMO_HANDBOOK) {
    const row = await trx
      .insertInto('handbook_page')
      .values({ municipality_id: municipalityId, slug: page.slug, latest_version: 1, published_version: 1, created_at: publishedAt, updated_at: publishedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('handbook_page_version')
      .values({
        page_id: row.id, version: 1, visibility: page.visibility, about_team_kind: page.aboutTeamKind ?? null, state: 'published', change_note: null,
        created_by: administratorId, created_at: publishedAt, submitted_by: administratorId, submitted_at: publishedAt, published_by: administratorId, published_at: publishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('handbook_page_text').values(Object.entries(page.texts).map(([lang, text]) => {
      // The demo's pages go through the same sanitiser as an editor's, so they are stored as the app would store them.
      const clean = cleanHtml(text.html);
      if (!clean.ok) throw new Error(`demo handbook page ${page.slug} (${lang}) is not safe HTML`);
      return { version_id: version.id, lang: lang as Language, title: text.title, body_html: clean.html, body_text: clean.text };
    })).execute();
  }

  // The demo's first guide version, as the demo wrote it, links its steps to these pages and forms.
  const titles = new Map(DEMO_HANDBOOK.map((p) => [p.slug, p.texts]));
  const steps = await trx
    .selectFrom('action_guide_step as s')
    .innerJoin('action_guide_version as v', 'v.id', 's.guide_version_id')
    .select(['s.id', 's.step_key', 's.links'])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.version', '=', 1)
    .execute();
  for (const step of steps) {
    const extra = (STEP_LINKS[step.step_key] ?? []).map((l): GuideLink => {
      if (l.form) return { label: FORM_LABELS[l.form], url: GUIDE_FORMS[l.form] };
      const texts = titles.get(l.page!)!;
      return { label: { nb: texts.nb.title, nn: texts.nn?.title ?? texts.nb.title, en: texts.en?.title ?? texts.nb.title }, url: handbookPath(l.page!) };
    });
    if (extra.length) await trx.updateTable('action_guide_step').set({ links: JSON.stringify([...step.links, ...extra]) }).where('id', '=', step.id).execute();
  }
}
