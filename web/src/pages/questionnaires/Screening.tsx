// One screening (kartlegging): the professional's page (/barn/:id/kartlegging/:screeningId) and the
// person's (/min-side/kartlegging/:screeningId). While it waits for an answer the one who may answer
// it (the API's `abilities.answer`) sees the form in their language; once answered the professional
// sees the score, the threshold passed with its text, the suggested measure and the action guide's
// step, and takes the suggestion into the relay log with one action. The instrument's source and
// licence stand on every use.
import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import type { AnsweredResponse, ScreeningResponse, ScreeningResult } from '../../../../common/contracts/questionnaires.ts';
import { Page } from '../../components/Page.tsx';
import { DateField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Attribution, QuestionItems, asResponse, itemLabel, type Answers } from '../../components/questionnaires/QuestionItems.tsx';
import { Collapsible } from '../../components/PageSection.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { toIsoDate, todayNorwegian } from '../../dates.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

function AnswerForm({ screening, citizen }: { screening: ScreeningResponse; citizen: boolean }) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Answers>({});
  const form = useSubmit<AnsweredResponse>('screening');
  const done = Object.keys(answers).length;
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/questionnaire-responses/${screening.id}/answers`, { answers: asResponse(screening.items, answers), version: screening.version })}>
      {screening.intro ? <Paragraph>{screening.intro}</Paragraph> : null}
      <Paragraph data-size="sm">{t(citizen ? 'questionnaires.ui.answerHelpCitizen' : 'questionnaires.ui.answerHelpStaff')}</Paragraph>
      <FormErrors error={form.error} form="screening" labelFor={(f) => itemLabel(screening.items, f)} attempt={form.attempt} />
      <QuestionItems form="screening" items={screening.items} answers={answers} onChange={setAnswers} errors={form.errors} />
      <Paragraph data-size="sm" aria-live="polite">{t('questionnaires.ui.answeredOf', { n: done, count: screening.items.length })}</Paragraph>
      <div className="button-row form-actions">
        <Button type="submit" disabled={form.busy}>{t('questionnaires.ui.send')}</Button>
      </div>
    </form>
  );
}

/** What the scoring rule made of the answer, as the professional reads it. */
export function ResultCard({ result }: { result: ScreeningResult }) {
  const { t } = useI18n();
  return (
    <Card className="entry-card" data-testid="screening-result">
      <Heading level={3} data-size="xs">{t('questionnaires.ui.score', { score: result.score, max: result.maxScore })}</Heading>
      {result.subscores.map((s) => <Paragraph key={s.key} data-size="sm">{t('questionnaires.ui.subscore', { title: s.title, score: s.score })}</Paragraph>)}
      {result.alert ? (
        <Alert data-color="danger" data-testid="screening-alert">
          <Heading level={4} data-size="2xs">{t('questionnaires.ui.alertHeading')}</Heading>
          <Paragraph>{result.alertText ?? t('questionnaires.ui.alertDefault')}</Paragraph>
        </Alert>
      ) : null}
      {result.threshold ? (
        <>
          <Paragraph><Tag data-color="warning">{t('questionnaires.ui.thresholdPassed')}</Tag> {result.threshold.text}</Paragraph>
          <Paragraph data-size="sm"><strong>{t('questionnaires.ui.suggestedMeasure')}:</strong> {result.threshold.measure}</Paragraph>
          {result.threshold.guideStep ? (
            <Paragraph data-size="sm"><strong>{t('questionnaires.ui.suggestedStep')}:</strong> {t('questionnaires.ui.stepLine', { level: result.threshold.guideStep.level, title: result.threshold.guideStep.title ?? result.threshold.guideStep.stepKey })}</Paragraph>
          ) : null}
        </>
      ) : <Paragraph>{t('questionnaires.ui.noThreshold')}</Paragraph>}
    </Card>
  );
}

function TakeIntoLog({ screening, onDone }: { screening: ScreeningResponse; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const threshold = screening.result!.threshold!;
  const [goal, setGoal] = useState('');
  const [title, setTitle] = useState(threshold.measure);
  const [startsOn, setStartsOn] = useState(todayNorwegian());
  const [evaluateOn, setEvaluateOn] = useState('');
  const form = useSubmit('take');
  const labels: Record<string, string> = { goal: t('questionnaires.ui.goal'), title: t('questionnaires.ui.measureTitle'), startsOn: t('questionnaires.ui.startsOn'), evaluateOn: t('questionnaires.ui.evaluateOn') };
  return (
    <form className="form form--compact" noValidate data-testid="take-into-log"
      onSubmit={(e) => void form.run(e, `/api/questionnaire-responses/${screening.id}/measure`, { goal, title, startsOn: toIsoDate(startsOn), evaluateOn: toIsoDate(evaluateOn) }, () => onDone(t('questionnaires.ui.taken')))}>
      <Heading level={3} data-size="xs">{t('questionnaires.ui.takeHeading')}</Heading>
      <Paragraph data-size="sm">{t('questionnaires.ui.takeHelp')}</Paragraph>
      <FormErrors error={form.error} form="take" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <TextField id={form.id('goal')} label={labels.goal!} description={t('questionnaires.ui.goalHelp')} value={goal} onChange={setGoal} error={form.errors.goal} />
      <TextField id={form.id('title')} label={labels.title!} value={title} onChange={setTitle} error={form.errors.title} />
      <DateField id={form.id('startsOn')} label={labels.startsOn!} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} />
      <DateField id={form.id('evaluateOn')} label={labels.evaluateOn!} value={evaluateOn} onChange={setEvaluateOn} error={form.errors.evaluateOn} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('questionnaires.ui.take')}</Button></div>
    </form>
  );
}

function ScreeningView({ citizen }: { citizen: boolean }) {
  const { t } = useI18n();
  const { id, screeningId } = useParams();
  const [message, setMessage] = useState('');
  const screening = useApiQuery<ScreeningResponse>(screeningId ? `/api/questionnaire-responses/${encodeURIComponent(screeningId)}` : null);
  const s = screening.data;
  const personId = s?.personId ?? id;
  const backTo = citizen ? (personId ? `/min-side/${personId}` : '/min-side') : `/barn/${personId}`;
  const back = <p className="back-link"><Link asChild><RouterLink to={backTo}>{t(citizen ? 'questionnaires.ui.backToMine' : 'questionnaires.ui.backToPerson')}</RouterLink></Link></p>;
  if (!s) {
    return (
      <Page title={t('questionnaires.ui.screening')}>
        {back}
        <QueryFallback query={screening} />
      </Page>
    );
  }
  const sent = t(s.mode === 'min_side' ? 'questionnaires.ui.sentLine' : 'questionnaires.ui.startedLine', { name: s.requestedBy, date: formatDate(s.requestedAt) });
  return (
    <Page title={s.title}>
      {back}
      <LiveMessage>{message || null}</LiveMessage>
      <Paragraph data-size="sm" data-testid="screening-sent">{sent}</Paragraph>
      {s.abilities.answer ? <AnswerForm screening={s} citizen={citizen} /> : null}
      {s.status === 'sent' && !s.abilities.answer ? <Paragraph>{t(citizen ? 'questionnaires.ui.notYoursToAnswer' : 'questionnaires.ui.waiting')}</Paragraph> : null}
      {s.status === 'answered' && s.answeredAt ? <Paragraph data-size="sm">{t('questionnaires.ui.answeredLine', { date: formatDateTime(s.answeredAt) })}</Paragraph> : null}
      {s.status === 'answered' && citizen ? (
        <Alert data-color="success" data-testid="screening-thanks"><Paragraph>{t('questionnaires.ui.thanks', { name: s.requestedBy })}</Paragraph></Alert>
      ) : null}
      {s.result && !citizen ? <ResultCard result={s.result} /> : null}
      {s.result && citizen ? <Collapsible summary={t('questionnaires.ui.showResult')}><ResultCard result={s.result} /></Collapsible> : null}
      {s.abilities.takeIntoLog ? <TakeIntoLog screening={s} onDone={setMessage} /> : null}
      {s.measureEntryKey && !citizen ? (
        <Paragraph data-testid="screening-in-log">{t('questionnaires.ui.inLog')} <Link asChild><RouterLink to={`/barn/${s.personId}#relay-log`}>{t('questionnaires.ui.openLog')}</RouterLink></Link></Paragraph>
      ) : null}
      <Attribution source={s.source} licence={s.licence} />
    </Page>
  );
}

export function StaffScreeningPage() {
  return <ScreeningView citizen={false} />;
}

export function MyScreeningPage() {
  return <ScreeningView citizen />;
}
