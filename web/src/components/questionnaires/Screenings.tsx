// A person's screenings (kartlegginger) on their page: for the professional, the ones started or
// sent and a way to start one in the conversation or send it to the person's Min side; for the
// person, what was sent to them. A screening is the data of the person who answered it, so the
// section asks about that person and shows nothing when the access module says no (a parent on a
// child's page, a colleague without consent).
import { Button, Card, Fieldset, Heading, Link, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { ScreeningsResponse } from '../../../../common/contracts/questionnaires.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { SelectField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { Collapsible, PageSection } from '../PageSection.tsx';
import { LiveMessage } from '../Status.tsx';

function StartScreening({ personId, data, onSent }: { personId: string; data: ScreeningsResponse; onSent: (m: string) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [instrumentKey, setInstrumentKey] = useState('');
  const [mode, setMode] = useState<'conversation' | 'min_side'>('min_side');
  const form = useSubmit<{ id: string }>('startScreening');
  const chosen = data.instruments.find((i) => i.key === instrumentKey);
  const minSideAllowed = !chosen || chosen.answeredBy === 'person';
  const labels: Record<string, string> = { instrumentKey: t('questionnaires.ui.instrument'), mode: t('questionnaires.ui.mode') };
  const send = (e: FormEvent) => void form.run(e, `/api/people/${personId}/questionnaire-responses`, { instrumentKey, mode: minSideAllowed ? mode : 'conversation' }, (created) => {
    if ((minSideAllowed ? mode : 'conversation') === 'conversation') void navigate(`/barn/${personId}/kartlegging/${created.id}`);
    else onSent(t('questionnaires.ui.sentToMinSide'));
  });
  return (
    <form className="form form--compact" noValidate onSubmit={send} data-testid="start-screening">
      <FormErrors error={form.error} form="startScreening" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('instrumentKey')} label={labels.instrumentKey!} value={instrumentKey} onChange={setInstrumentKey} placeholder={t('questionnaires.ui.chooseInstrument')}
        options={data.instruments.map((i) => ({ value: i.key, label: i.title }))} error={form.errors.instrumentKey} />
      {minSideAllowed ? (
        <Fieldset className="form-fieldset" id={form.id('mode')} tabIndex={-1}>
          <Fieldset.Legend>{labels.mode}</Fieldset.Legend>
          <Radio id={`${form.id('mode')}-min_side`} name="screening-mode" value="min_side" label={t('questionnaires.ui.modeMinSide')} checked={mode === 'min_side'} onChange={() => setMode('min_side')} />
          <Radio id={`${form.id('mode')}-conversation`} name="screening-mode" value="conversation" label={t('questionnaires.ui.modeConversation')} checked={mode === 'conversation'} onChange={() => setMode('conversation')} />
        </Fieldset>
      ) : <Paragraph data-size="sm">{t('questionnaires.ui.conversationOnly')}</Paragraph>}
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t(minSideAllowed && mode === 'min_side' ? 'questionnaires.ui.sendToMinSide' : 'questionnaires.ui.startConversation')}</Button></div>
    </form>
  );
}

export function ScreeningsSection({ personId, citizen }: { personId: string; citizen: boolean }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const list = useApiQuery<ScreeningsResponse>(`/api/people/${encodeURIComponent(personId)}/questionnaire-responses`);
  const data = list.data;
  if (!data) return null;
  if (citizen && data.screenings.length === 0) return null;
  const link = (id: string) => (citizen ? `/min-side/kartlegging/${id}` : `/barn/${personId}/kartlegging/${id}`);
  return (
    <PageSection id="screenings" title={t(citizen ? 'questionnaires.ui.mineHeading' : 'questionnaires.ui.heading')} testId="screenings">
      <LiveMessage>{message || null}</LiveMessage>
      {data.screenings.length === 0 ? <Paragraph data-size="sm">{t('questionnaires.ui.none')}</Paragraph> : null}
      <div className="card-grid">
        {data.screenings.map((s) => (
          <Card key={s.id} className="person-card" data-testid="screening">
            <Heading level={3} data-size="xs"><Link asChild><RouterLink to={link(s.id)}>{s.title}</RouterLink></Link></Heading>
            <p>
              <Tag data-color={s.status === 'sent' ? 'warning' : 'success'}>{t(s.status === 'sent' ? (citizen ? 'questionnaires.ui.statusToAnswer' : 'questionnaires.ui.statusSent') : 'questionnaires.ui.statusAnswered')}</Tag>
              {s.alert && !citizen ? <> <Tag data-color="danger">{t('questionnaires.ui.alertTag')}</Tag></> : null}
            </p>
            <Paragraph data-size="sm">{t(s.mode === 'min_side' ? 'questionnaires.ui.sentLine' : 'questionnaires.ui.startedLine', { name: s.requestedBy, date: formatDate(s.requestedAt) })}</Paragraph>
            {!citizen && s.score !== null ? <Paragraph data-size="sm">{t('questionnaires.ui.scoreShort', { score: s.score })}{s.thresholdText ? ` – ${s.thresholdText}` : ''}</Paragraph> : null}
            {citizen && s.status === 'sent' ? <Button asChild data-size="sm"><RouterLink to={link(s.id)}>{t('questionnaires.ui.answerNow')}</RouterLink></Button> : null}
          </Card>
        ))}
      </div>
      {!citizen && data.abilities.start && data.instruments.length > 0 ? (
        <Collapsible summary={t('questionnaires.ui.start')} testId="start-screening-open">
          <StartScreening personId={personId} data={data} onSent={setMessage} />
        </Collapsible>
      ) : null}
    </PageSection>
  );
}
