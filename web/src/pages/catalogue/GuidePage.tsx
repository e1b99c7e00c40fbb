// "Hva trenger du hjelp til?": a short situation guide. Whom it is for, the age, the life
// situations and the municipality's own questions; the answers go to the rules, which suggest
// services. Nothing is stored, and no sign-in is needed. One ordinary form, so it works with the
// keyboard and a screen reader as any form does.
import { Alert, Button, Checkbox, Fieldset, Heading, Link, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { AUDIENCES, type Audience, type Situation } from '../../../../common/catalogue.ts';
import { api, ApiError } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { fieldErrors, FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { ServiceList, SITUATIONS, useSituationName } from './parts.tsx';
import type { GuideQuestionView, ServiceSummary } from '../../../../common/contracts/catalogue.ts';

const FORM = 'guide';
const id = (field: string) => `${FORM}-${field.replace(/\./g, '-')}`;

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

export function GuidePage() {
  const { t } = useI18n();
  const situationName = useSituationName();
  const guide = useApiQuery<{ questions: GuideQuestionView[] }>('/api/catalogue/guide');
  const [audience, setAudience] = useState<Audience | ''>('');
  const [age, setAge] = useState('');
  const [situations, setSituations] = useState<Situation[]>([]);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<ServiceSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const errors = fieldErrors(error);
  // The suggestions appear below the form; take keyboard and screen-reader users there.
  useEffect(() => {
    const heading = resultsHeading.current;
    if (!result || !heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [result]);

  const questions = (guide.data?.questions ?? []).filter((q) => !q.showWhen || q.showWhen.situations.some((s) => situations.includes(s)));
  const labels: Record<string, string> = { audience: t('catalogue.guide.who'), age: t('catalogue.guide.age'), situations: t('catalogue.guide.situations') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const trimmed = age.trim();
      const body = {
        ...(audience ? { audience } : {}),
        // A number when it is one; anything else goes as typed, so the server can say what is wrong.
        ...(trimmed ? { age: /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed } : {}),
        situations,
        answers: Object.fromEntries(questions.map((q) => [q.id, answers[q.id] ?? []]).filter(([, v]) => (v as string[]).length > 0)),
      };
      const response = await api.post<{ services: ServiceSummary[] }>('/api/catalogue/guide/suggestions', body);
      setError(null);
      setResult(response.services);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const questionFields = (q: GuideQuestionView) => (
    <Fieldset key={q.id} className="form-fieldset" id={id(`answers.${q.id}`)} tabIndex={-1}>
      <Fieldset.Legend>{q.text}</Fieldset.Legend>
      {q.help ? <Fieldset.Description>{q.help}</Fieldset.Description> : null}
      {q.options.map((o) =>
        q.multiple ? (
          <Checkbox
            key={o.value}
            id={id(`answers.${q.id}.${o.value}`)}
            label={o.text}
            value={o.value}
            checked={(answers[q.id] ?? []).includes(o.value)}
            onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: toggle(a[q.id] ?? [], o.value, e.target.checked) }))}
          />
        ) : (
          <Radio
            key={o.value}
            id={id(`answers.${q.id}.${o.value}`)}
            name={`guide-${q.id}`}
            label={o.text}
            value={o.value}
            checked={(answers[q.id] ?? [])[0] === o.value}
            onChange={() => setAnswers((a) => ({ ...a, [q.id]: [o.value] }))}
          />
        ),
      )}
    </Fieldset>
  );

  return (
    <Page title={t('catalogue.guide.title')}>
      <Paragraph data-size="lg" className="lead">{t('catalogue.guide.lead')}</Paragraph>
      <Alert data-color="warning" className="guide-form">
        <Paragraph>{t('catalogue.guide.emergency')}</Paragraph>
      </Alert>
      <QueryFallback query={guide} />
      <form className="form guide-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={FORM} labelFor={(f) => labels[f] ?? null} attempt={attempt} />
        <Fieldset className="form-fieldset" id={id('audience')} tabIndex={-1}>
          <Fieldset.Legend>{t('catalogue.guide.who')}</Fieldset.Legend>
          {AUDIENCES.map((a) => (
            <Radio key={a} id={id(`audience-${a}`)} name="guide-audience" value={a} label={t(`catalogue.guide.who.${a}`)} checked={audience === a} onChange={() => setAudience(a)} />
          ))}
        </Fieldset>
        <TextField id={id('age')} label={t('catalogue.guide.age')} description={t('catalogue.guide.ageHint')} optional inputMode="numeric" width="short" value={age} onChange={setAge} error={errors.age} />
        <Fieldset className="form-fieldset" id={id('situations')} tabIndex={-1}>
          <Fieldset.Legend>{t('catalogue.guide.situations')}</Fieldset.Legend>
          <Fieldset.Description>{t('catalogue.guide.situationsHint')}</Fieldset.Description>
          {SITUATIONS.map((s) => (
            <Checkbox
              key={s}
              id={id(`situations-${s}`)}
              label={situationName(s)}
              value={s}
              checked={situations.includes(s)}
              onChange={(e) => setSituations((list) => toggle(list, s, e.target.checked) as Situation[])}
            />
          ))}
        </Fieldset>
        {questions.map(questionFields)}
        <div className="button-row form-actions">
          <Button type="submit" disabled={busy} aria-busy={busy || undefined}>{t('catalogue.guide.submit')}</Button>
        </div>
      </form>
      {result ? (
        <section className="guide-results" aria-labelledby="guide-results">
          <Heading level={2} data-size="md" id="guide-results" tabIndex={-1} ref={resultsHeading} className="section-title">
            {t('catalogue.guide.resultsHeading')}
          </Heading>
          <Paragraph>{result.length ? t('catalogue.guide.resultsCount', { count: result.length }) : t('catalogue.guide.resultsNone')}</Paragraph>
          {result.length ? <ServiceList services={result} label={t('catalogue.guide.resultsHeading')} /> : null}
          <Paragraph>
            <Link asChild><RouterLink to="/tjenester">{t('catalogue.guide.searchInstead')}</RouterLink></Link>
          </Paragraph>
        </section>
      ) : null}
    </Page>
  );
}
