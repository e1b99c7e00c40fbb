// "Undringer": worries noted without identity, to be discussed anonymously with a colleague or an
// early-intervention team, and tied to a child once the family has been spoken to.
import { Button, Card, Field, Fieldset, Heading, Label, Link as DsLink, Paragraph, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { CategoryChecks } from '../components/case/shared.tsx';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, LoadError, QueryFallback } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { todayNorwegian, toIsoDate } from '../dates.ts';
import { useAllApiPages, useApiPages, useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { PAGE_PATHS } from '../navigation.ts';
import { useSession } from '../session.tsx';
import type { ConsultDraft } from './child-welfare/Consultations.tsx';
import type { People, Person } from '../../../common/contracts/people.ts';
import type { DiscussantsResponse, ListMyWorriesResponse } from '../../../common/contracts/cases.ts';

type Worry = ListMyWorriesResponse['worries'][number];
type Discussants = DiscussantsResponse;

function NewWorry({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [subjectKind, setSubjectKind] = useState('child');
  const [age, setAge] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [noticedOn, setNoticedOn] = useState(todayNorwegian());
  const form = useSubmit('anonymous-worry');
  const labels: Record<string, string> = { ageYears: t('cases.ui.worries.age'), categories: t('cases.ui.signs'), description: t('cases.ui.worryText'), noticedOn: t('cases.ui.noticedOn') };
  const ageYears = age.trim() === '' ? undefined : /^\d+$/.test(age.trim()) ? Number(age.trim()) : age;
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, '/api/worries', { subjectKind, ageYears, categories, description, noticedOn: toIsoDate(noticedOn) }, () => {
      setAge(''); setCategories([]); setDescription('');
      onDone(t('cases.ui.worryNoted'));
    })}>
      <Heading level={2} data-size="sm">{t('cases.ui.worries.new')}</Heading>
      <Paragraph data-size="sm">{t('cases.ui.worries.newHelp')}</Paragraph>
      <FormErrors error={form.error} form="anonymous-worry" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('subjectKind')} tabIndex={-1}>
        <Fieldset.Legend>{t('cases.ui.worries.about')}</Fieldset.Legend>
        {(['child', 'pregnant'] as const).map((k) => (
          <Radio key={k} id={form.id(`subjectKind-${k}`)} name="worry-subject" value={k} label={t(`cases.ui.worries.subject.${k}`)} checked={subjectKind === k} onChange={() => setSubjectKind(k)} />
        ))}
      </Fieldset>
      <TextField id={form.id('ageYears')} label={t('cases.ui.worries.age')} optional width="short" inputMode="numeric" value={age} onChange={setAge} error={form.errors.ageYears} />
      <CategoryChecks id={form.id('categories')} legend={t('cases.ui.signs')} values={categories} onChange={setCategories} error={form.errors.categories} />
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('description')}>{t('cases.ui.worryText')}</Label>
        <Field.Description>{t('cases.ui.worries.noNames')}</Field.Description>
        <Textarea id={form.id('description')} rows={3} value={description} aria-invalid={form.errors.description ? true : undefined} onChange={(e) => setDescription(e.target.value)} />
        {form.errors.description ? <ValidationMessage>{form.errors.description}</ValidationMessage> : null}
      </Field>
      <DateField id={form.id('noticedOn')} label={t('cases.ui.noticedOn')} value={noticedOn} onChange={setNoticedOn} error={form.errors.noticedOn} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('cases.ui.noteWorrySubmit')}</Button></div>
    </form>
  );
}

function Discuss({ worry, discussants, onDone }: { worry: Worry; discussants: Discussants; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [withWhom, setWithWhom] = useState('');
  const [note, setNote] = useState('');
  const form = useSubmit(`discuss-${worry.id}`);
  const [kind, id] = withWhom.split(':');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/worries/${worry.id}/discussions`, { ...(kind === 'staff' ? { withStaffId: id } : kind === 'team' ? { withTeamId: id } : {}), note }, () => {
      setNote(''); setWithWhom('');
      onDone(t('cases.ui.worries.discussed'));
    })}>
      <FormErrors error={form.error} form={`discuss-${worry.id}`} labelFor={(f) => (f === 'note' ? t('cases.ui.worries.note') : t('cases.ui.worries.with'))} attempt={form.attempt} />
      <SelectField id={form.id('withStaffId')} label={t('cases.ui.worries.with')} value={withWhom} onChange={setWithWhom} placeholder={t('cases.ui.chooseColleague')}
        options={[
          ...discussants.teams.map((tm) => ({ value: `team:${tm.id}`, label: tm.name })),
          ...discussants.staff.map((s) => ({ value: `staff:${s.id}`, label: `${s.name}${s.unitName ? `, ${s.unitName}` : ''}` })),
        ]} error={form.errors.withStaffId ?? form.errors.withTeamId} />
      <TextField id={form.id('note')} label={t('cases.ui.worries.note')} value={note} onChange={setNote} error={form.errors.note} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.worries.discuss')}</Button></div>
    </form>
  );
}

/** Ask an early-intervention team for an anonymous discussion: the age and the summary, no identity. */
function AskTeam({ worry, teams, onDone }: { worry: Worry; teams: Discussants['teams']; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [teamId, setTeamId] = useState('');
  const form = useSubmit(`ask-team-${worry.id}`);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, '/api/referrals/anonymous', { teamId: teamId || undefined, ageYears: worry.ageYears ?? undefined, summary: worry.description }, () => {
      setTeamId('');
      onDone(t('cases.ui.worries.askedTeam'));
    })}>
      <FormErrors error={form.error} form={`ask-team-${worry.id}`} labelFor={(f) => (f === 'teamId' ? t('cases.ui.worries.team') : f === 'ageYears' ? t('cases.ui.worries.age') : null)} attempt={form.attempt} />
      <SelectField id={form.id('teamId')} label={t('cases.ui.worries.team')} value={teamId} onChange={setTeamId} placeholder={t('meetings.ui.chooseTeam')} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} error={form.errors.teamId} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.worries.askTeam')}</Button></div>
    </form>
  );
}

/** Child welfare straight from a worry: an anonymous consultation with the worry's age and text, no identity. */
function AskChildWelfare({ worry }: { worry: Worry }) {
  const { t } = useI18n();
  const draft: ConsultDraft = { ageYears: worry.ageYears ?? undefined, situation: worry.description };
  return (
    <Paragraph data-size="sm">
      <DsLink asChild><RouterLink to={PAGE_PATHS.cwConsult} state={draft}>{t('reports.fromWorry.consult')}</RouterLink></DsLink>
    </Paragraph>
  );
}

function Link({ worry, people, mayReport }: { worry: Worry; people: Person[]; mayReport: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [personId, setPersonId] = useState('');
  const form = useSubmit(`link-${worry.id}`);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/worries/${worry.id}/link`, { personId: personId || undefined }, () => void navigate(`/barn/${personId}`))}>
      <FormErrors error={form.error} form={`link-${worry.id}`} labelFor={() => t('cases.ui.worries.person')} attempt={form.attempt} />
      <SelectField id={form.id('personId')} label={t('cases.ui.worries.person')} description={t('cases.ui.worries.linkHelp')} value={personId} onChange={setPersonId} placeholder={t('cases.ui.worries.choosePerson')}
        options={people.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName} (${formatDate(p.birthDate)})` }))} error={form.errors.personId} />
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.worries.link')}</Button>
        {/* The duty to report needs neither the family's consent nor a case: the report goes without linking. */}
        {mayReport && personId ? <DsLink asChild><RouterLink to={`/barn/${personId}/bekymringsmelding`}>{t('reports.fromWorry.report')}</RouterLink></DsLink> : null}
      </div>
    </form>
  );
}

export function WorriesPage() {
  const { t, tx } = useI18n();
  const { me } = useSession();
  const mayConsult = me?.pages.includes('cwConsult') ?? false;
  const [message, setMessage] = useState('');
  const worries = useApiPages('/api/worries', (page: ListMyWorriesResponse) => page.worries);
  const discussants = useApiQuery<Discussants>('/api/worries/discussants');
  const people = useAllApiPages('/api/people', (page: People) => page.people);
  const done = setMessage;
  return (
    <Page title={t('cases.ui.worries.title')}>
      <Paragraph>{t('cases.ui.worries.intro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <NewWorry onDone={done} />
      <section aria-labelledby="worry-list" className="page-section">
        <Heading level={2} data-size="sm" id="worry-list">{t('cases.ui.worries.list')}</Heading>
        <QueryFallback query={worries} />
        {worries.first && worries.items.length === 0 ? <Paragraph>{t('cases.ui.worries.none')}</Paragraph> : null}
        {worries.items.map((w) => (
          <Card key={w.id} className="entry-card" data-testid="worry">
            <Heading level={3} data-size="2xs">{t(`cases.ui.worries.subject.${w.subjectKind === 'pregnant' ? 'pregnant' : 'child'}`)}{w.ageYears !== null ? `, ${t('cases.ui.worries.ageN', { age: w.ageYears })}` : ''}</Heading>
            <Paragraph>{w.description}</Paragraph>
            <Paragraph data-size="xs">{w.categories.map((c) => tx(`domain.consentCategory.${c}`, c)).join(', ')} · {t('cases.ui.writtenBy', { name: w.noticedBy, date: formatDate(w.noticedOn) })}</Paragraph>
            {w.discussions.length ? (
              <ul className="plain-list">
                {w.discussions.map((d) => (
                  <li key={d.at}>{t('cases.ui.worries.discussionLine', { date: formatDateTime(d.at), name: d.writtenBy, with: d.withTeam ?? d.withStaff ?? '–' })}: {d.note}</li>
                ))}
              </ul>
            ) : null}
            {w.mine && discussants.data ? <Discuss worry={w} discussants={discussants.data} onDone={done} /> : null}
            {w.mine && discussants.data && w.subjectKind === 'child' ? <AskTeam worry={w} teams={discussants.data.teams} onDone={done} /> : null}
            {w.mine && mayConsult && w.subjectKind === 'child' ? <AskChildWelfare worry={w} /> : null}
            {w.mine && people.items ? <Link worry={w} mayReport={w.subjectKind === 'child'} people={people.items.filter((p) => (p.kind === 'pregnant') === (w.subjectKind === 'pregnant') && p.kind !== 'adult')} /> : null}
            {w.mine && people.error ? <LoadError error={people.error} /> : null}
          </Card>
        ))}
        <ShowMore more={worries.more} />
      </section>
    </Page>
  );
}
