// Min side for one person: give a consent with one action (the consent text in the reader's
// language), ask the early-intervention team for a discussion, and see who in the services has read
// your data. (A youth's own parts are in Youth.tsx.)
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import { CONSENT_PURPOSES } from '../../../../common/consent.ts';
import { toIsoDate } from '../../dates.ts';
import { useApiPages, useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { PersonDetails } from '../../../../common/contracts/people.ts';
import { CategoryChecks, RecipientChecks } from '../case/shared.tsx';
import { DateField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { LiveMessage, LoadError, Loading, QueryFallback } from '../Status.tsx';
import { useAllServiceUnits } from '../../serviceUnits.ts';
import type { AccessEvent } from '../../../../common/contracts/audit.ts';
import type { FamilyRequestsResponse } from '../../../../common/contracts/teams.ts';
import { Collapsible, PageSection } from '../PageSection.tsx';
import { ShowMore } from '../ShowMore.tsx';


export function GiveConsent({ person, onGiven }: { person: PersonDetails; onGiven: () => void }) {
  const { t, tx, lang } = useI18n();
  const text = useApiQuery<{ version: number; title: string; body: string }>(`/api/consent-text?lang=${lang}`);
  const units = useAllServiceUnits();
  const [purposes, setPurposes] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [validTo, setValidTo] = useState('');
  const [childView, setChildView] = useState('');
  const form = useSubmit('give-consent');
  const labels: Record<string, string> = {
    purposes: t('ui.consent.citizenPurposes'), categories: t('ui.consent.citizenCategories'), recipientUnitIds: t('ui.consent.citizenRecipients'),
    validTo: t('ui.consent.validTo'), childView: t('ui.consent.childView'),
  };
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const body = {
    purposes, categories, recipientUnitIds: unitIds, validTo: toIsoDate(validTo),
    ...(childView.trim() ? { childView } : {}), ...(text.data ? { consentTextVersion: text.data.version } : {}),
  };
  return (
    <section aria-labelledby="give-consent" className="form-section">
      <Heading level={3} data-size="xs" id="give-consent">{t('cases.ui.citizen.giveHeading')}</Heading>
      {text.data ? (
        <details className="consent-text">
          <summary>{t('cases.ui.citizen.readText', { version: text.data.version })}</summary>
          <Heading level={4} data-size="2xs">{text.data.title}</Heading>
          {text.data.body.split('\n\n').map((para, i) => <Paragraph key={i} data-size="sm">{para}</Paragraph>)}
        </details>
      ) : null}
      <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/people/${person.id}/consents/digital`, body, () => {
        setPurposes([]); setCategories([]); setUnitIds([]); setValidTo(''); setChildView('');
        onGiven();
      })}>
        <FormErrors error={form.error} form="give-consent" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
        <Fieldset className="form-fieldset" id={form.id('purposes')} tabIndex={-1}>
          <Fieldset.Legend>{t('ui.consent.citizenPurposes')}</Fieldset.Legend>
          {CONSENT_PURPOSES.map((p) => (
            <Checkbox key={p} id={form.id(`purposes-${p}`)} label={tx(`domain.consentPurpose.${p}`, p)} value={p} checked={purposes.includes(p)} onChange={(e) => setPurposes(toggle(purposes, p, e.target.checked))} />
          ))}
          {form.errors.purposes ? <ValidationMessage>{form.errors.purposes}</ValidationMessage> : null}
        </Fieldset>
        <CategoryChecks id={form.id('categories')} legend={t('ui.consent.citizenCategories')} values={categories} onChange={setCategories} error={form.errors.categories} />
        {units.error ? <LoadError error={units.error} /> : units.items ? null : <Loading />}
        {units.items ? (
          <RecipientChecks id={form.id('recipientUnitIds')} legend={t('ui.consent.citizenRecipients')} units={units.items} values={unitIds} onChange={setUnitIds} error={form.errors.recipientUnitIds} />
        ) : null}
        <DateField id={form.id('validTo')} label={t('ui.consent.validTo')} value={validTo} onChange={setValidTo} error={form.errors.validTo} />
        {/* The child's own view is asked of a guardian; a youth consenting for themself gives it by consenting. */}
        {person.citizen?.reader === 'self' ? null : <Field className="form-field form-field--full">
          <Label htmlFor={form.id('childView')}>{`${t('ui.consent.childViewNamed', { name: person.givenName })} ${t('ui.form.optional')}`}</Label>
          <Textarea id={form.id('childView')} rows={2} value={childView} aria-invalid={form.errors.childView ? true : undefined} onChange={(e) => setChildView(e.target.value)} />
          {form.errors.childView ? <ValidationMessage>{form.errors.childView}</ValidationMessage> : null}
        </Field>}
        <div className="button-row form-actions"><Button type="submit" disabled={form.busy}>{t('cases.ui.citizen.giveSubmit')}</Button></div>
      </form>
    </section>
  );
}

type Requests = FamilyRequestsResponse;

export function TeamRequest({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  const requests = useApiPages(`/api/people/${person.id}/team-requests`, (page: Requests) => page.requests);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const form = useSubmit('team-request');
  const reasonLabel = t('cases.ui.citizen.requestReason');
  const proposedTeam = requests.first?.proposedTeam;
  if (!requests.first) return <QueryFallback query={requests} />;
  return (
    <PageSection id="team-request" title={t('cases.ui.citizen.teamHeading')}>
      <Paragraph>{proposedTeam ? t(person.citizen?.reader === 'self' ? 'cases.ui.citizen.teamHelpSelf' : 'cases.ui.citizen.teamHelp', { team: proposedTeam.name }) : t('cases.ui.citizen.noTeam')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      {requests.items.map((r) => (
        <Paragraph key={r.id} data-size="sm">
          <Tag data-color={r.status === 'accepted' ? 'success' : 'neutral'}>{t(`cases.ui.citizen.requestStatus.${r.status}` as 'cases.ui.citizen.requestStatus.waiting')}</Tag>{' '}
          {t('cases.ui.citizen.requestLine', { team: r.teamName, date: formatDate(r.receivedAt) })}: {r.reason}
        </Paragraph>
      ))}
      <ShowMore more={requests.more} />
      {proposedTeam ? (
        <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${person.id}/team-requests`, { reason }, () => {
          setReason('');
          setMessage(t('cases.ui.citizen.requestSent'));
        })}>
          <FormErrors error={form.error} form="team-request" labelFor={() => reasonLabel} attempt={form.attempt} />
          <Field className="form-field form-field--full">
            <Label htmlFor={form.id('reason')}>{reasonLabel}</Label>
            <Textarea id={form.id('reason')} rows={3} value={reason} aria-invalid={form.errors.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
            {form.errors.reason ? <ValidationMessage>{form.errors.reason}</ValidationMessage> : null}
          </Field>
          <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.citizen.requestSubmit')}</Button></div>
        </form>
      ) : null}
    </PageSection>
  );
}


export function AccessLog({ person }: { person: PersonDetails }) {
  const { t } = useI18n();
  const log = useApiQuery<{ events: AccessEvent[] }>(`/api/people/${person.id}/access-log`);
  if (log.error?.status === 403) return null;
  const events = log.data?.events ?? [];
  return (
    <PageSection id="access-log" title={t('cases.ui.citizen.accessHeading')}>
      <Paragraph>{t('cases.ui.citizen.accessHelp')}</Paragraph>
      <QueryFallback query={log} />
      {log.data && events.length === 0 ? <Paragraph>{t('cases.ui.citizen.accessNone')}</Paragraph> : null}
      {events.length ? (
        <Collapsible summary={t('ui.myPage.showAccessLog')}>
          <ul className="access-log" data-testid="access-log" aria-labelledby="access-log">
            {events.map((e) => <li key={e.id}>{e.text}</li>)}
          </ul>
        </Collapsible>
      ) : null}
    </PageSection>
  );
}
