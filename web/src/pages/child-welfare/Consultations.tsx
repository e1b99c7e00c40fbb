// Anonymous consultation with the child-welfare intake: a professional describes the situation and
// the child's age, never an identity; the intake answers in the thread (advice, "send a report",
// "not a child-welfare matter"). Both sides see the thread.
import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import type { ConsultationResponse, ConsultationsResponse } from '../../../../common/contracts/child-welfare.ts';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

const OUTCOMES = ['advice', 'send_report', 'not_child_welfare'] as const;

/** What a worry hands to the consultation form when the professional comes from it: no identity. */
export interface ConsultDraft {
  ageYears?: number | undefined;
  situation: string;
}

/** The navigation state, if it is a draft (checked by hand: zod stays out of the production bundle). */
function draftOf(state: unknown): ConsultDraft | null {
  if (typeof state !== 'object' || state === null) return null;
  const { ageYears, situation } = state as Record<string, unknown>;
  if (typeof situation !== 'string' || !(ageYears === undefined || Number.isInteger(ageYears))) return null;
  return { ageYears: ageYears as number | undefined, situation };
}


function Ask({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const draft = draftOf(useLocation().state);
  const [age, setAge] = useState(draft?.ageYears !== undefined ? String(draft.ageYears) : '');
  const [situation, setSituation] = useState(draft?.situation ?? '');
  const form = useSubmit('consultation');
  const ageYears = /^\d+$/.test(age.trim()) ? Number(age.trim()) : age.trim() === '' ? undefined : age;
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, '/api/child-welfare/consultations', { ageYears, situation }, () => {
      setAge(''); setSituation('');
      onDone();
    })}>
      <FormErrors error={form.error} form="consultation" labelFor={(f) => (f === 'ageYears' ? t('reports.consult.age') : f === 'situation' ? t('reports.consult.situation') : null)} attempt={form.attempt} />
      <TextField id={form.id('ageYears')} label={t('reports.consult.age')} width="short" inputMode="numeric" value={age} onChange={setAge} error={form.errors.ageYears} />
      <TextAreaField id={form.id('situation')} label={t('reports.consult.situation')} description={t('reports.consult.intro')} value={situation} onChange={setSituation} error={form.errors.situation} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('reports.consult.send')}</Button></div>
    </form>
  );
}

function Answer({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState('');
  const form = useSubmit(`answer-${id}`);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/child-welfare/consultations/${id}/answers`, { body, outcome: outcome || undefined }, () => {
      setBody(''); setOutcome('');
      onDone();
    })}>
      <FormErrors error={form.error} form={`answer-${id}`} labelFor={(f) => (f === 'body' ? t('reports.consult.answer') : t('reports.consult.outcome'))} attempt={form.attempt} />
      <TextAreaField id={form.id('body')} label={t('reports.consult.answer')} value={body} onChange={setBody} error={form.errors.body} />
      <SelectField id={form.id('outcome')} label={t('reports.consult.outcome')} optional value={outcome} onChange={setOutcome} placeholder={t('reports.consult.noOutcome')}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`reports.consult.outcome.${o}`) }))} error={form.errors.outcome} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('reports.consult.sendAnswer')}</Button></div>
    </form>
  );
}

function Thread({ id, mayAnswer }: { id: string; mayAnswer: boolean }) {
  const thread = useApiQuery<ConsultationResponse>(`/api/child-welfare/consultations/${id}`);
  if (!thread.data) return <QueryFallback query={thread} />;
  return (
    <>
      <ul className="plain-list">
        {thread.data.messages.map((m) => <li key={m.id}>{formatDateTime(m.writtenAt)}, {m.authorName}: {m.body}</li>)}
      </ul>
      {mayAnswer ? <Answer id={id} onDone={() => undefined} /> : null}
    </>
  );
}

export function ConsultationsPage() {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const list = useApiQuery<ConsultationsResponse>('/api/child-welfare/consultations');
  return (
    <Page title={t('reports.consult.title')}>
      <LiveMessage>{message || null}</LiveMessage>
      {list.data?.abilities.ask ? <Ask onDone={() => setMessage(t('reports.consult.sent'))} /> : null}
      <section aria-labelledby="consultation-list" className="page-section">
        <Heading level={2} data-size="sm" id="consultation-list">{t('reports.consult.list')}</Heading>
        <QueryFallback query={list} />
        {list.data?.items.length === 0 ? <Paragraph>{t('reports.consult.empty')}</Paragraph> : null}
        {(list.data?.items ?? []).map((c) => (
          <Card key={c.id} className="entry-card" data-testid="consultation">
            <Heading level={3} data-size="2xs">{t('reports.consult.ageYears', { age: c.ageYears })}{c.asker.unitName ? ` · ${t('reports.consult.from', { unitName: c.asker.unitName })}` : ''}</Heading>
            <Paragraph>{c.situation}</Paragraph>
            <p><Tag data-color={c.outcome ? 'success' : 'neutral'}>{c.outcome ? t(`reports.consult.outcome.${c.outcome}`) : t('reports.consult.noOutcome')}</Tag></p>
            <Thread id={c.id} mayAnswer={list.data?.abilities.answer ?? false} />
          </Card>
        ))}
      </section>
    </Page>
  );
}
