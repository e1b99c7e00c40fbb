// The collaboration survey (samhandlingsundersøkelsen, seed 003, tiltak 13). /samhandling: the SBU
// coordinator schedules a round and reads the results per round and service type, groups under the
// small-number threshold left out (the server applies common/suppression.ts); the analyst reads the
// results. /samhandling/:roundId: any staff member of a service answers, from the link or the task
// list; nothing of the answer comes back, and a second answer is refused.
import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { SurveyFormResponse, SurveyResultsResponse, SurveyRoundsResponse } from '../../../../common/contracts/questionnaires.ts';
import { Page } from '../../components/Page.tsx';
import { DateField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Collapsible, PageSection } from '../../components/PageSection.tsx';
import { Attribution, QuestionItems, asResponse, itemLabel, type Answers } from '../../components/questionnaires/QuestionItems.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { toIsoDate } from '../../dates.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

function ScheduleForm({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const form = useSubmit('schedule');
  const labels: Record<string, string> = { title: t('questionnaires.survey.roundTitle'), opensOn: t('questionnaires.survey.opensOn'), closesOn: t('questionnaires.survey.closesOn') };
  return (
    <form className="form form--compact" noValidate data-testid="schedule-round"
      onSubmit={(e) => void form.run(e, '/api/surveys', { title, opensOn: toIsoDate(opensOn), closesOn: toIsoDate(closesOn) }, () => { setTitle(''); setOpensOn(''); setClosesOn(''); onDone(t('questionnaires.survey.scheduled')); })}>
      <FormErrors error={form.error} form="schedule" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <TextField id={form.id('title')} label={labels.title!} description={t('questionnaires.survey.roundTitleHint')} value={title} onChange={setTitle} error={form.errors.title} />
      <DateField id={form.id('opensOn')} label={labels.opensOn!} value={opensOn} onChange={setOpensOn} error={form.errors.opensOn} />
      <DateField id={form.id('closesOn')} label={labels.closesOn!} value={closesOn} onChange={setClosesOn} error={form.errors.closesOn} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('questionnaires.survey.schedule')}</Button></div>
    </form>
  );
}

function Results() {
  const { t } = useI18n();
  const results = useApiQuery<SurveyResultsResponse>('/api/surveys/results');
  if (!results.data) return <QueryFallback query={results} />;
  const { minGroup, rounds } = results.data;
  return (
    <PageSection id="survey-results" title={t('questionnaires.survey.resultsHeading')} testId="survey-results">
      <Paragraph data-size="sm">{t('questionnaires.survey.resultsHelp', { min: minGroup })}</Paragraph>
      {rounds.map((r) => (
        <Card key={r.id} className="entry-card" data-testid="survey-round-result">
          <Heading level={3} data-size="xs">{r.title}</Heading>
          <Paragraph data-size="sm">{t('questionnaires.survey.period', { from: formatDate(r.opensOn), to: formatDate(r.closesOn) })} · {r.respondents === null ? t('questionnaires.survey.respondentsHidden', { min: minGroup }) : t('questionnaires.survey.respondents', { n: r.respondents })}</Paragraph>
          {r.groups.length === 0 ? <Paragraph data-size="sm">{t('questionnaires.survey.noGroups', { min: minGroup })}</Paragraph> : (
            <TableScroll label={t('questionnaires.survey.tableLabel', { title: r.title })}>
              <table className="data-table">
                <caption className="sr-only">{t('questionnaires.survey.tableLabel', { title: r.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('questionnaires.survey.question')}</th>
                    {r.groups.map((g) => <th key={g.serviceType} scope="col">{t('questionnaires.survey.groupHeader', { name: g.name ?? g.serviceType, n: g.respondents })}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {r.groups[0]!.items.map((item, i) => (
                    <tr key={item.linkId}>
                      <th scope="row">{item.text}</th>
                      {r.groups.map((g) => <td key={g.serviceType}>{g.items[i]!.mean.toFixed(1)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {r.hiddenGroups > 0 ? <Paragraph data-size="sm">{t('questionnaires.survey.hiddenGroups', { n: r.hiddenGroups, min: minGroup })}</Paragraph> : null}
        </Card>
      ))}
    </PageSection>
  );
}

export function SurveyPage() {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const rounds = useApiQuery<SurveyRoundsResponse>('/api/surveys');
  const data = rounds.data;
  return (
    <Page title={t('questionnaires.survey.title')}>
      <Paragraph>{t('questionnaires.survey.intro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={rounds} />
      {data ? (
        <PageSection id="survey-rounds" title={t('questionnaires.survey.roundsHeading')}>
          {data.rounds.length === 0 ? <Paragraph>{t('questionnaires.survey.noRounds')}</Paragraph> : null}
          <ul className="plain-list task-list">
            {data.rounds.map((r) => (
              <li key={r.id} data-testid="survey-round">
                <Link asChild><RouterLink to={`/samhandling/${r.id}`}>{r.title}</RouterLink></Link>{' '}
                {t('questionnaires.survey.period', { from: formatDate(r.opensOn), to: formatDate(r.closesOn) })}{' '}
                <Tag data-color={r.open ? 'success' : 'neutral'}>{t(r.open ? 'questionnaires.survey.open' : 'questionnaires.survey.closed')}</Tag>{' '}
                {r.answered ? <Tag data-color="info">{t('questionnaires.survey.youAnswered')}</Tag> : null}
              </li>
            ))}
          </ul>
          {data.abilities.schedule ? <Collapsible summary={t('questionnaires.survey.scheduleHeading')} testId="schedule-open"><ScheduleForm onDone={setMessage} /></Collapsible> : null}
        </PageSection>
      ) : null}
      {data?.abilities.results ? <Results /> : null}
    </Page>
  );
}

export function SurveyRoundPage() {
  const { t } = useI18n();
  const { roundId } = useParams();
  const [answers, setAnswers] = useState<Answers>({});
  const round = useApiQuery<SurveyFormResponse>(roundId ? `/api/surveys/${encodeURIComponent(roundId)}` : null);
  const form = useSubmit('survey');
  const r = round.data;
  if (!r) {
    return (
      <Page title={t('questionnaires.survey.title')}>
        <QueryFallback query={round} />
      </Page>
    );
  }
  return (
    <Page title={r.title}>
      <Paragraph data-size="sm">{t('questionnaires.survey.period', { from: formatDate(r.opensOn), to: formatDate(r.closesOn) })}</Paragraph>
      <Paragraph>{t('questionnaires.survey.anonymous')}</Paragraph>
      {r.answered ? <Alert data-color="success" data-testid="survey-answered"><Paragraph>{t('questionnaires.survey.thanks')}</Paragraph></Alert> : null}
      {!r.answered && !r.open ? <Paragraph>{t('questionnaires.survey.notOpen')}</Paragraph> : null}
      {!r.answered && r.open ? (
        <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/surveys/${r.id}/answers`, { answers: asResponse(r.items, answers) })}>
          {r.intro ? <Paragraph>{r.intro}</Paragraph> : null}
          <FormErrors error={form.error} form="survey" labelFor={(f) => itemLabel(r.items, f)} attempt={form.attempt} />
          <QuestionItems form="survey" items={r.items} answers={answers} onChange={setAnswers} errors={form.errors} />
          <div className="button-row form-actions"><Button type="submit" disabled={form.busy}>{t('questionnaires.survey.send')}</Button></div>
        </form>
      ) : null}
      <Attribution source={r.source} licence={r.licence} />
    </Page>
  );
}
