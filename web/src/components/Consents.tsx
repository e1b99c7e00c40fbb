// Consents on a person page. Staff see the list, a link to the blank printable form and a form to
// record a consent signed on paper or given orally; a citizen sees the consents in plainer words
// and can withdraw an active one. Nothing is checked here: the server's messages are shown.
import { Button, Card, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDate } from '../../../common/i18n/index.ts';
import { CONSENT_CATEGORIES, CONSENT_PURPOSES } from '../../../common/consent.ts';
import { todayNorwegian, toIsoDate } from '../dates.ts';
import { RecipientChecks } from './case/shared.tsx';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { People, PersonDetails } from '../../../common/contracts/people.ts';
import { GiveConsent } from './citizen/CitizenCase.tsx';
import { DateField } from './Fields.tsx';
import { FormErrors } from './FormErrors.tsx';
import { LiveMessage, LoadError, Loading, QueryFallback } from './Status.tsx';
import { useAllServiceUnits } from '../serviceUnits.ts';
import type { PeopleConsentsResponse } from '../../../common/contracts/consent.ts';
import { Collapsible, PageSection } from './PageSection.tsx';
import { childViewLabel, usePageReader } from './citizen/reader.tsx';

export type Consent = PeopleConsentsResponse['consents'][number];

const FORM = 'consent';

const STATE_COLOR: Record<string, 'success' | 'danger' | 'neutral' | 'warning'> = {
  active: 'success',
  withdrawn: 'danger',
  expired: 'neutral',
  not_yet_valid: 'warning',
};

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Withdrawing asks first: the whole consent or only some of its services or kinds of information,
 * and says who will be told. Nothing is sent until the reader confirms.
 */
function WithdrawForm({ consent, onDone, onCancel }: { consent: Consent; onDone: (partly: boolean) => void; onCancel: () => void }) {
  const { t, tx } = useI18n();
  const [part, setPart] = useState(false);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const form = useSubmit<{ state: 'withdrawn' | 'active' }>(`withdraw-${consent.id}`);
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const labels: Record<string, string> = { recipients: t('ui.consent.withdrawRecipients'), categories: t('ui.consent.withdrawCategories') };
  const body = part ? { recipients, categories } : {};
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/consents/${encodeURIComponent(consent.id)}/withdraw`, body, (r) => onDone(r.state === 'active'))}>
      <FormErrors error={form.error} form={`withdraw-${consent.id}`} labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('ui.consent.withdrawWhat')}</Fieldset.Legend>
        <Radio id={form.id('whole')} name={`withdraw-${consent.id}`} value="whole" label={t('ui.consent.withdrawWhole')} checked={!part} onChange={() => setPart(false)} />
        <Radio id={form.id('part')} name={`withdraw-${consent.id}`} value="part" label={t('ui.consent.withdrawPart')} checked={part} onChange={() => setPart(true)} />
      </Fieldset>
      {part ? (
        <>
          <Fieldset className="form-fieldset" id={form.id('recipients')} tabIndex={-1}>
            <Fieldset.Legend>{t('ui.consent.withdrawRecipients')}</Fieldset.Legend>
            {consent.recipients.map((r) => (
              <Checkbox key={r.id} id={form.id(`recipients-${r.id}`)} label={r.name} value={r.id} checked={recipients.includes(r.id)} onChange={(e) => setRecipients(toggle(recipients, r.id, e.target.checked))} />
            ))}
            {form.errors.recipients ? <ValidationMessage>{form.errors.recipients}</ValidationMessage> : null}
          </Fieldset>
          <Fieldset className="form-fieldset" id={form.id('categories')} tabIndex={-1}>
            <Fieldset.Legend>{t('ui.consent.withdrawCategories')}</Fieldset.Legend>
            {consent.categories.map((c) => (
              <Checkbox key={c} id={form.id(`categories-${c}`)} label={tx(`domain.consentCategory.${c}`, c)} value={c} checked={categories.includes(c)} onChange={(e) => setCategories(toggle(categories, c, e.target.checked))} />
            ))}
            {form.errors.categories ? <ValidationMessage>{form.errors.categories}</ValidationMessage> : null}
          </Fieldset>
        </>
      ) : null}
      <Paragraph data-size="sm">{t('ui.consent.withdrawInfo')}</Paragraph>
      <div className="button-row">
        <Button type="submit" data-color="danger" disabled={form.busy || (part && recipients.length === 0 && categories.length === 0)}>{t('ui.consent.withdrawConfirm')}</Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>{t('ui.common.cancel')}</Button>
      </div>
    </form>
  );
}

function ConsentCard({ consent, citizen, youId, onWithdrawn, onSign, busy }: { consent: Consent; citizen: boolean; youId: string | null; onWithdrawn?: ((partly: boolean) => void) | undefined; onSign?: (() => void) | undefined; busy: boolean }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  const [withdrawing, setWithdrawing] = useState(false);
  const list = (values: string[], prefix: string) => values.map((v) => tx(`${prefix}.${v}`, v)).join(', ');
  const validity = t('ui.consent.validRange', { from: formatDate(consent.validFrom), to: consent.validTo ? formatDate(consent.validTo) : '–' });
  const items: [string, ReactNode][] = [
    [t('ui.consent.state'), <Tag data-color={STATE_COLOR[consent.state] ?? 'neutral'}>{tx(`domain.consentState.${consent.state}`, consent.state)}</Tag>],
    [t('ui.consent.method'), tx(`domain.consentMethod.${consent.method}`, consent.method)],
    [t('ui.consent.givers'), consent.givers.map((g) => (g.personId === youId ? t('ui.consent.giverYou') : `${g.name} (${tx(`domain.giverCapacity.${g.capacity}`, g.capacity)})`)).join(', ')],
    [t(citizen ? 'ui.consent.citizenRecipients' : 'ui.consent.recipients'), consent.recipients.map((r) => r.name).join(', ')],
    [t(citizen ? 'ui.consent.citizenPurposes' : 'ui.consent.purposes'), list(consent.purposes, 'domain.consentPurpose')],
    [t(citizen ? 'ui.consent.citizenCategories' : 'ui.consent.categories'), list(consent.categories, 'domain.consentCategory')],
    [t('ui.consent.validity'), validity],
  ];
  if (consent.childView) items.push([childViewLabel(t, reader, t('ui.consent.childView')), consent.childView]);
  if (consent.awaiting?.length) items.push([t('cases.ui.citizen.awaiting'), consent.awaiting.map((a) => a.name).join(', ')]);
  if (!citizen && consent.documentName) items.push([t('ui.consent.document'), consent.documentName]);
  const parts = consent.partialWithdrawals.map((w) => t('ui.consent.partialLine', {
    date: formatDate(w.at), name: w.by, what: [...w.recipients.map((r) => r.name), ...w.categories.map((c) => tx(`domain.consentCategory.${c}`, c))].join(', '),
  }));
  const withdrawal = consent.withdrawnAt
    ? consent.withdrawnBy
      ? t('ui.consent.withdrawnBy', { date: formatDate(consent.withdrawnAt), name: consent.withdrawnBy })
      : t('ui.consent.withdrawnOn', { date: formatDate(consent.withdrawnAt) })
    : null;
  const title = t('ui.consent.titleN', { date: formatDate(consent.validFrom) });
  return (
    <Card className="consent-card" data-testid="consent">
      <Heading level={3} data-size="xs" className="card-title">{title}</Heading>
      <Facts items={items} />
      {parts.map((line) => <Paragraph key={line} data-size="sm" data-testid="partial-withdrawal">{line}</Paragraph>)}
      {withdrawal ? <Paragraph data-size="sm">{withdrawal}{consent.withdrawalNote ? ` – ${consent.withdrawalNote}` : ''}</Paragraph> : null}
      {!citizen && consent.recordedBy ? <Paragraph data-size="sm">{t('ui.consent.recordedBy', { date: formatDate(consent.recordedAt), name: consent.recordedBy })}</Paragraph> : null}
      {onSign && consent.awaitingYou ? (
        <div className="button-row">
          <Button type="button" disabled={busy} onClick={onSign}>{t('cases.ui.citizen.sign')}</Button>
        </div>
      ) : null}
      {onWithdrawn && withdrawing ? (
        <WithdrawForm consent={consent} onCancel={() => setWithdrawing(false)} onDone={(partly) => { setWithdrawing(false); onWithdrawn(partly); }} />
      ) : null}
      {onWithdrawn && !withdrawing && (consent.state === 'active' || consent.state === 'awaiting_signature') ? (
        <div className="button-row">
          <Button type="button" variant="secondary" disabled={busy} onClick={() => setWithdrawing(true)}>{t('ui.consent.withdraw')}</Button>
        </div>
      ) : null}
    </Card>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function RegisterConsent({ person, onRecorded }: { person: PersonDetails; onRecorded: () => void }) {
  const { t, tx } = useI18n();
  const units = useAllServiceUnits();
  const [method, setMethod] = useState<'paper' | 'oral'>('paper');
  const [giverIds, setGiverIds] = useState<string[]>([]);
  const [purposes, setPurposes] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  // A consent recorded now is usually valid from today.
  const [validFrom, setValidFrom] = useState(todayNorwegian());
  const [validTo, setValidTo] = useState('');
  const [childView, setChildView] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const { error, attempt, busy, errors, id, send } = useSubmit(FORM);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

  const givers = [
    ...person.guardians.map((g) => ({ id: g.id, label: `${g.givenName} ${g.familyName}` })),
    { id: person.id, label: `${person.givenName} ${person.familyName} ${t('ui.consent.self')}` },
  ];

  const labels: Record<string, string> = {
    method: t('ui.consent.method'),
    giverIds: t('ui.consent.givers'),
    purposes: t('ui.consent.purposes'),
    categories: t('ui.consent.categories'),
    recipientUnitIds: t('ui.consent.recipients'),
    validFrom: t('ui.consent.validFrom'),
    validTo: t('ui.consent.validTo'),
    childView: t('ui.consent.childView'),
    document: t('ui.consent.document'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const document = file ? { name: file.name, contentType: file.type || 'application/octet-stream', data: await readBase64(file) } : undefined;
    await send({
      url: `/api/people/${encodeURIComponent(person.id)}/consents`,
      body: {
        method,
        giverIds,
        purposes,
        categories,
        recipientUnitIds: unitIds,
        validFrom: toIsoDate(validFrom),
        validTo: toIsoDate(validTo),
        ...(childView.trim() ? { childView } : {}),
        ...(document ? { document } : {}),
      },
      onDone: () => {
            setGiverIds([]);
          setPurposes([]);
          setCategories([]);
          setUnitIds([]);
          setValidFrom(todayNorwegian());
          setValidTo('');
          setChildView('');
        setFile(null);
        setFileKey((k) => k + 1);
        onRecorded();
      },
    });
  };

  const group = (field: string, legend: string, options: { value: string; label: string }[], values: string[], set: (v: string[]) => void) => (
    <Fieldset className="form-fieldset" id={id(field)} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.map((o) => (
        <Checkbox
          key={o.value}
          id={id(`${field}-${o.value}`)}
          label={o.label}
          value={o.value}
          checked={values.includes(o.value)}
          aria-invalid={errors[field] ? true : undefined}
          onChange={(e) => set(toggle(values, o.value, e.target.checked))}
        />
      ))}
      {errors[field] ? <ValidationMessage>{errors[field]}</ValidationMessage> : null}
    </Fieldset>
  );

  return (
    <section aria-labelledby="consent-register" className="form-section">
      <Heading level={3} data-size="xs" id="consent-register">{t('ui.consent.registerHeading')}</Heading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={FORM} labelFor={(field) => labels[field] ?? null} attempt={attempt} />
        <Fieldset className="form-fieldset" id={id('method')} tabIndex={-1}>
          <Fieldset.Legend>{t('ui.consent.method')}</Fieldset.Legend>
          {(['paper', 'oral'] as const).map((m) => (
            <Radio key={m} id={id(`method-${m}`)} name="consent-method" value={m} label={tx(`domain.consentMethod.${m}`, m)} checked={method === m} onChange={() => setMethod(m)} />
          ))}
          {errors.method ? <ValidationMessage>{errors.method}</ValidationMessage> : null}
        </Fieldset>
        {group('giverIds', t('ui.consent.givers'), givers.map((g) => ({ value: g.id, label: g.label })), giverIds, setGiverIds)}
        {group('purposes', t('ui.consent.purposes'), CONSENT_PURPOSES.map((p) => ({ value: p, label: tx(`domain.consentPurpose.${p}`, p) })), purposes, setPurposes)}
        {group('categories', t('ui.consent.categories'), CONSENT_CATEGORIES.map((c) => ({ value: c, label: tx(`domain.consentCategory.${c}`, c) })), categories, setCategories)}
        {units.error ? <LoadError error={units.error} /> : units.items ? null : <Loading />}
        {units.items
          ? <RecipientChecks id={id('recipientUnitIds')} legend={t('ui.consent.recipients')} units={units.items} values={unitIds} onChange={setUnitIds} error={errors.recipientUnitIds} />
          : null}
        <DateField id={id('validFrom')} label={t('ui.consent.validFrom')} value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
        <DateField id={id('validTo')} label={t('ui.consent.validTo')} value={validTo} onChange={setValidTo} error={errors.validTo} />
        <Field className="form-field form-field--full">
          <Label htmlFor={id('childView')}>{`${t('ui.consent.childView')} ${t('ui.form.optional')}`}</Label>
          <Textarea id={id('childView')} rows={3} value={childView} aria-invalid={errors.childView ? true : undefined} onChange={(e) => setChildView(e.target.value)} />
          {errors.childView ? <ValidationMessage>{errors.childView}</ValidationMessage> : null}
        </Field>
        <Field className="form-field form-field--full">
          <Label htmlFor={id('document')}>{`${t('ui.consent.document')} ${t('ui.form.optional')}`}</Label>
          <Field.Description>{t('ui.consent.documentHint')}</Field.Description>
          <input
            key={fileKey}
            id={id('document')}
            type="file"
            accept="application/pdf,image/*"
            aria-invalid={errors.document ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {errors.document ? <ValidationMessage>{errors.document}</ValidationMessage> : null}
        </Field>
        <div className="button-row form-actions">
          <Button type="submit" disabled={busy} aria-busy={busy || undefined}>{t('ui.consent.submit')}</Button>
        </div>
      </form>
    </section>
  );
}

export function Consents({ person, citizen }: { person: PersonDetails; citizen: boolean }) {
  const decides = person.citizen?.decides ?? false;
  const { t, lang } = useI18n();
  const consents = useApiQuery<{ consents: Consent[] }>(`/api/people/${encodeURIComponent(person.id)}/consents`);
  const [message, setMessage] = useState('');
  const action = useSubmit('consent-action');
  // The reader's own record, so a consent they gave says "du" (the family's list, cached on Min side).
  const youId = useApiQuery<People>(citizen ? '/api/people' : null).data?.people.find((p) => p.reader === 'self')?.id ?? null;

  if (consents.error?.status === 403) {
    return citizen ? null : (
      <PageSection id="person-consents" title={t('ui.consent.heading')}>
        <Paragraph>{t('ui.consent.notAllowed')}</Paragraph>
      </PageSection>
    );
  }

  const sign = (consent: Consent) => {
    setMessage('');
    return action.send({ url: `/api/consents/${encodeURIComponent(consent.id)}/sign`, body: {}, onDone: () => setMessage(t('cases.ui.citizen.signed')) });
  };

  const list = consents.data?.consents ?? [];
  return (
    <PageSection id="person-consents" title={t(citizen ? 'ui.consent.citizenHeading' : 'ui.consent.heading')}>
      {citizen ? <Paragraph>{person.citizen?.reader === 'self' ? t('ui.consent.citizenIntroSelf') : t('ui.consent.citizenIntro', { name: person.givenName })}</Paragraph> : null}
      {!citizen ? (
        <Paragraph>
          <Link href={`/api/people/${encodeURIComponent(person.id)}/consent-form.pdf?lang=${lang}`}>{t('ui.consent.printForm')}</Link>
        </Paragraph>
      ) : null}
      <LiveMessage>{message || null}</LiveMessage>
      {action.error ? <LoadError error={action.error} /> : null}
      <QueryFallback query={consents} />
      {consents.data && list.length === 0 ? <Paragraph>{t('ui.consent.none')}</Paragraph> : null}
      <div className="card-grid">
        {list.map((c) => (
          <ConsentCard key={c.id} consent={c} citizen={citizen} youId={youId} busy={action.busy} onWithdrawn={citizen && decides ? (partly) => setMessage(t(partly ? 'ui.consent.partlyWithdrawn' : 'ui.consent.withdrawn')) : undefined} onSign={citizen ? () => void sign(c) : undefined} />
        ))}
      </div>
      {!citizen ? (
        <RegisterConsent
          person={person}
          onRecorded={() => setMessage(t('ui.consent.recorded'))}
        />
      ) : null}
      {citizen && decides ? (
        <Collapsible summary={t('cases.ui.citizen.giveHeading')} testId="give-consent">
          <GiveConsent
            person={person}
            onGiven={() => setMessage(t('cases.ui.citizen.given'))}
          />
        </Collapsible>
      ) : null}
    </PageSection>
  );
}
