// The demo municipality's service catalogue: the situation guide's questions and the services of
// catalogue-services.ts, each published as version 1 by the administrator. Fixed content, so the
// same demo always has the same catalogue.
import type { GuideDefinition, LocalText } from '../../common/catalogue.ts';
import type { Tx } from '../infra/db/database.ts';
import { insertGuide, insertVersion } from '../modules/catalogue/queries.ts';
import { validateRuleSet } from '../modules/catalogue/rules.ts';
import { DEMO_SERVICES } from './catalogue-services.ts';
import { EMAIL_DOMAIN } from './organisation.ts';

const L = (nb: string, nn: string, en: string): LocalText => ({ nb, nn, en });

/** "Hva trenger du hjelp til?": asked after whom it is for, the age and the life situations. */
export const DEMO_GUIDE: GuideDefinition = {
  questions: [
    {
      id: 'concern',
      multiple: true,
      text: L('Hva er du mest bekymret for?', 'Kva er du mest uroleg for?', 'What worries you most?'),
      help: L('Velg det som passer best. Du kan velge flere.', 'Vel det som passar best. Du kan velje fleire.', 'Choose what fits best. You can choose more than one.'),
      showWhen: { situations: ['small_children', 'school', 'youth', 'mental_health', 'disability'] },
      options: [
        { value: 'mood', text: L('Humør og følelser – trist, irritabel, engstelig eller lei seg', 'Humør og kjensler – trist, irritabel, engsteleg eller lei seg', 'Mood and feelings – sad, irritable, anxious or low') },
        { value: 'behaviour', text: L('Sinne, uro eller konflikter', 'Sinne, uro eller konfliktar', 'Anger, restlessness or conflicts') },
        { value: 'development', text: L('Språk, læring eller utvikling', 'Språk, læring eller utvikling', 'Language, learning or development') },
        { value: 'absence', text: L('Fravær fra skolen eller å ikke ville gå på skolen', 'Fråvær frå skulen eller å ikkje ville gå på skulen', 'Missing school or not wanting to go') },
        { value: 'friends', text: L('Venner, ensomhet eller mobbing', 'Vener, einsemd eller mobbing', 'Friends, loneliness or bullying') },
        { value: 'sleep_food', text: L('Søvn, mat, vekt eller kropp', 'Søvn, mat, vekt eller kropp', 'Sleep, food, weight or body') },
        { value: 'family', text: L('Samspill og konflikter i familien', 'Samspel og konfliktar i familien', 'Relationships and conflicts in the family') },
      ],
    },
    {
      id: 'money',
      multiple: true,
      text: L('Hva gjelder det?', 'Kva gjeld det?', 'What is it about?'),
      showWhen: { situations: ['money_housing'] },
      options: [
        { value: 'income', text: L('Lite penger til mat, regninger eller fritid', 'Lite pengar til mat, rekningar eller fritid', 'Too little money for food, bills or leisure') },
        { value: 'housing', text: L('Å finne eller beholde et sted å bo', 'Å finne eller halde på ein stad å bu', 'Finding or keeping a place to live') },
        { value: 'work', text: L('Jobb, skole eller noe å gjøre på dagtid', 'Jobb, skule eller noko å gjere på dagtid', 'Work, school or something to do in the daytime') },
        { value: 'debt', text: L('Gjeld eller regninger jeg ikke klarer å betale', 'Gjeld eller rekningar eg ikkje klarer å betale', 'Debt or bills I cannot pay') },
      ],
    },
    {
      id: 'help',
      multiple: true,
      text: L('Hva slags hjelp ønsker du?', 'Kva slags hjelp ønskjer du?', 'What kind of help would you like?'),
      options: [
        { value: 'talk', text: L('Noen å snakke med', 'Nokon å snakke med', 'Someone to talk to') },
        { value: 'course', text: L('Kurs eller gruppe sammen med andre', 'Kurs eller gruppe saman med andre', 'A course or group with others') },
        { value: 'practical', text: L('Praktisk hjelp hjemme eller avlastning', 'Praktisk hjelp heime eller avlasting', 'Practical help at home or respite') },
        { value: 'activity', text: L('Aktiviteter og fritid', 'Aktivitetar og fritid', 'Activities and leisure') },
      ],
    },
    {
      id: 'urgent',
      multiple: false,
      text: L('Er noen i fare nå, eller trenger dere hjelp i dag?', 'Er nokon i fare no, eller treng de hjelp i dag?', 'Is anyone in danger now, or do you need help today?'),
      help: L('Er det fare for liv, ring 113 (ambulanse) eller 112 (politi).', 'Er det fare for liv, ring 113 (ambulanse) eller 112 (politi).', 'If a life is in danger, call 113 (ambulance) or 112 (police).'),
      options: [
        { value: 'yes', text: L('Ja', 'Ja', 'Yes') },
        { value: 'no', text: L('Nei', 'Nei', 'No') },
      ],
    },
  ],
};

/** Writes the guide and every demo service, published, in the demo generator's transaction. */
export async function writeDemoCatalogue(trx: Tx, municipalityId: string, publishedBy: string | null, publishedAt: Date): Promise<number> {
  await insertGuide(trx, municipalityId, 1, DEMO_GUIDE, publishedBy);
  for (const service of DEMO_SERVICES) {
    // The demo content goes through the same check as the administrator's, so it cannot drift from the rule format.
    const checked = validateRuleSet(service.rules, DEMO_GUIDE);
    if (!checked.ok) throw new Error(`Demo service ${service.slug} has invalid rules: ${JSON.stringify(checked.problems)}`);
    const row = await trx
      .insertInto('catalogue_service')
      .values({ municipality_id: municipalityId, slug: service.slug, latest_version: 1, published_version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(trx, row.id, 1, {
      ageFrom: service.ageFrom, ageTo: service.ageTo, audiences: service.audiences, situations: service.situations,
      lowThreshold: service.lowThreshold, phone: service.phone ?? null,
      email: service.mailbox ? `${service.mailbox}@${EMAIL_DOMAIN}` : null, url: service.url ?? null, address: service.address ?? null,
      rules: checked.rules, changeNote: null, texts: service.texts,
    }, publishedBy);
    await trx.updateTable('catalogue_service_version').set({ published_at: publishedAt, published_by: publishedBy }).where('service_id', '=', row.id).execute();
  }
  return DEMO_SERVICES.length;
}
