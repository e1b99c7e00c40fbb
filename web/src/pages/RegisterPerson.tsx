// "Registrer barn": a child or youth (or a pregnant woman) with up to two guardians. The form checks
// nothing itself; the server's messages are shown by each field and in the error summary. Guardians
// entered here wait for confirmation; someone already registered in Sammen can only be asked for.
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toIsoDate } from '../dates.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { fieldId, FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage } from '../components/Status.tsx';
import { useSubmit } from '../query.tsx';
import type { Created } from '../../../common/contracts/shared.ts';
import { useI18n } from '../i18n.tsx';

interface GuardianForm {
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  relation: 'mother' | 'father' | 'other';
  parentalResponsibility: boolean;
  livesWithChild: boolean;
  email: string;
  phone: string;
}

const emptyGuardian = (): GuardianForm => ({
  nationalId: '', givenName: '', familyName: '', birthDate: '', relation: 'mother', parentalResponsibility: true,
  livesWithChild: true, email: '', phone: '',
});

const FORM = 'person';
const MAX_GUARDIANS = 2;

/**
 * The person is already in Sammen: all the registrant learns. They may ask the family for access,
 * with a reason; nothing about the person is shown unless the family grants it.
 */
function RequestAccess({ nationalId }: { nationalId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSubmit('access-request');
  return (
    <section aria-labelledby="request-access-heading" className="form-section" data-testid="request-access">
      <Alert data-color="info">
        <Heading level={2} data-size="xs" id="request-access-heading">{t('ui.register.existsHeading')}</Heading>
        <Paragraph>{t('ui.register.existsHelp')}</Paragraph>
      </Alert>
      <LiveMessage>{sent ? t('ui.register.requestSent') : null}</LiveMessage>
      {sent ? null : (
        <div className="form form--compact">
          <FormErrors error={form.error} form="access-request" labelFor={(f) => (f === 'reason' ? t('ui.register.requestReason') : f === 'nationalId' ? t('ui.person.nationalIdOrDNumber') : null)} attempt={form.attempt} />
          <Field className="form-field form-field--full">
            <Label htmlFor={form.id('reason')}>{t('ui.register.requestReason')}</Label>
            <Field.Description>{t('ui.register.requestReasonHint')}</Field.Description>
            <Textarea id={form.id('reason')} rows={3} value={reason} aria-invalid={form.errors.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
            {form.errors.reason ? <ValidationMessage>{form.errors.reason}</ValidationMessage> : null}
          </Field>
          <div className="button-row">
            <Button type="button" variant="secondary" disabled={form.busy} onClick={() => void form.run(null, '/api/access-requests', { nationalId, reason }, () => setSent(true))}>
              {t('ui.register.requestSubmit')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

export function RegisterPersonPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'child' | 'pregnant'>('child');
  const [person, setPerson] = useState({ nationalId: '', givenName: '', familyName: '', birthDate: '', expectedBirthDate: '', area: '', address: '' });
  const [guardians, setGuardians] = useState<GuardianForm[]>([]);
  const { error, attempt, busy, errors, send } = useSubmit<Created>(FORM);
  const [submittedId, setSubmittedId] = useState('');
  // Someone already registered: the form offers to ask for access instead.
  const existing = error?.code === 'PERSON_EXISTS' ? submittedId : null;

  const setField = (name: keyof typeof person) => (value: string) => setPerson((p) => ({ ...p, [name]: value }));
  const setGuardian = <K extends keyof GuardianForm>(index: number, name: K, value: GuardianForm[K]) =>
    setGuardians((list) => list.map((g, i) => (i === index ? { ...g, [name]: value } : g)));

  const personLabels: Record<string, string> = {
    kind: t('ui.register.kind'),
    nationalId: t('ui.person.nationalIdOrDNumber'),
    givenName: t('ui.person.givenName'),
    familyName: t('ui.person.familyName'),
    birthDate: t('ui.person.birthDate'),
    expectedBirthDate: t('ui.person.expectedBirthDate'),
    area: t('ui.person.area'),
    address: t('ui.person.address'),
    guardians: t('ui.register.guardiansHeading'),
  };
  const guardianLabels: Record<string, string> = {
    nationalId: t('ui.person.nationalIdOrDNumber'),
    givenName: t('ui.person.givenName'),
    familyName: t('ui.person.familyName'),
    birthDate: t('ui.person.birthDate'),
    relation: t('ui.person.relation'),
    parentalResponsibility: t('ui.register.parentalResponsibility'),
    livesWithChild: t('ui.register.livesWithChild'),
    email: t('ui.person.email'),
    phone: t('ui.person.phone'),
  };
  const labelFor = (field: string): string | null => {
    const guardian = /^guardians\.(\d+)\.(\w+)$/.exec(field);
    if (guardian) {
      const label = guardianLabels[guardian[2]!];
      return label ? `${t('ui.register.guardianN', { n: Number(guardian[1]) + 1 })} – ${label}` : null;
    }
    return personLabels[field] ?? null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind,
      nationalId: person.nationalId,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: toIsoDate(person.birthDate),
      ...(kind === 'pregnant' ? { expectedBirthDate: toIsoDate(person.expectedBirthDate) } : {}),
      area: person.area,
      address: person.address,
      guardians: guardians.map((g) => ({ ...g, birthDate: toIsoDate(g.birthDate) })),
    };
    setSubmittedId(person.nationalId);
    await send({ url: '/api/people', body, onDone: (created) => void navigate(`/barn/${created.id}`) });
  };

  const id = (field: string) => fieldId(FORM, field);

  return (
    <Page title={t('ui.register.title')}>
      <Paragraph>{t('ui.register.intro')}</Paragraph>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={FORM} labelFor={labelFor} attempt={attempt} />

        <Fieldset className="form-fieldset">
          <Fieldset.Legend>{t('ui.register.kind')}</Fieldset.Legend>
          <Radio id={id('kind')} name="kind" value="child" label={t('ui.register.kindChild')} checked={kind === 'child'} onChange={() => setKind('child')} />
          <Radio id={id('kind-pregnant')} name="kind" value="pregnant" label={t('ui.register.kindPregnant')} checked={kind === 'pregnant'} onChange={() => setKind('pregnant')} />
          {errors.kind ? <ValidationMessage>{errors.kind}</ValidationMessage> : null}
        </Fieldset>

        <TextField
          id={id('nationalId')}
          label={t('ui.person.nationalIdOrDNumber')}
          description={t('ui.register.nationalIdHint')}
          optional
          inputMode="numeric"
          width="medium"
          value={person.nationalId}
          onChange={setField('nationalId')}
          error={errors.nationalId}
        />
        {existing ? <RequestAccess key={existing} nationalId={existing} /> : null}
        <TextField id={id('givenName')} label={t('ui.person.givenName')} value={person.givenName} onChange={setField('givenName')} error={errors.givenName} />
        <TextField id={id('familyName')} label={t('ui.person.familyName')} value={person.familyName} onChange={setField('familyName')} error={errors.familyName} />
        <DateField
          id={id('birthDate')}
          label={t('ui.person.birthDate')}
          description={t('ui.register.birthDateHint')}
          value={person.birthDate}
          onChange={setField('birthDate')}
          error={errors.birthDate}
        />
        {kind === 'pregnant' ? (
          <DateField id={id('expectedBirthDate')} label={t('ui.person.expectedBirthDate')} value={person.expectedBirthDate} onChange={setField('expectedBirthDate')} error={errors.expectedBirthDate} />
        ) : null}
        <TextField id={id('area')} label={t('ui.person.area')} description={t('ui.register.areaHint')} optional width="medium" value={person.area} onChange={setField('area')} error={errors.area} />
        <TextField id={id('address')} label={t('ui.person.address')} optional value={person.address} onChange={setField('address')} error={errors.address} />

        <section className="form-section" aria-labelledby="guardians-heading">
          <Heading level={2} data-size="sm" id="guardians-heading">{t('ui.register.guardiansHeading')}</Heading>
          <Paragraph>{t('ui.register.guardiansIntro')}</Paragraph>
          {errors.guardians ? <ValidationMessage id={id('guardians')}>{errors.guardians}</ValidationMessage> : null}
          {guardians.map((g, index) => {
            const gid = (name: string) => id(`guardians.${index}.${name}`);
            const gerr = (name: string) => errors[`guardians.${index}.${name}`];
            return (
              <Fieldset key={index} className="form-fieldset guardian-fieldset">
                <Fieldset.Legend>{t('ui.register.guardianN', { n: index + 1 })}</Fieldset.Legend>
                <TextField id={gid('nationalId')} label={t('ui.person.nationalIdOrDNumber')} optional inputMode="numeric" width="medium" value={g.nationalId} onChange={(v) => setGuardian(index, 'nationalId', v)} error={gerr('nationalId')} />
                <TextField id={gid('givenName')} label={t('ui.person.givenName')} value={g.givenName} onChange={(v) => setGuardian(index, 'givenName', v)} error={gerr('givenName')} />
                <TextField id={gid('familyName')} label={t('ui.person.familyName')} value={g.familyName} onChange={(v) => setGuardian(index, 'familyName', v)} error={gerr('familyName')} />
                <DateField id={gid('birthDate')} label={t('ui.person.birthDate')} description={t('ui.register.birthDateHint')} value={g.birthDate} onChange={(v) => setGuardian(index, 'birthDate', v)} error={gerr('birthDate')} />
                <SelectField
                  id={gid('relation')}
                  label={t('ui.person.relation')}
                  value={g.relation}
                  onChange={(v) => setGuardian(index, 'relation', v as GuardianForm['relation'])}
                  options={(['mother', 'father', 'other'] as const).map((r) => ({ value: r, label: t(`domain.relation.${r}`) }))}
                  error={gerr('relation')}
                />
                <Checkbox id={gid('parentalResponsibility')} label={t('ui.register.parentalResponsibility')} checked={g.parentalResponsibility} onChange={(e) => setGuardian(index, 'parentalResponsibility', e.target.checked)} error={gerr('parentalResponsibility')} />
                <Checkbox id={gid('livesWithChild')} label={t('ui.register.livesWithChild')} checked={g.livesWithChild} onChange={(e) => setGuardian(index, 'livesWithChild', e.target.checked)} error={gerr('livesWithChild')} />
                <TextField id={gid('phone')} label={t('ui.person.phone')} optional type="tel" width="medium" value={g.phone} onChange={(v) => setGuardian(index, 'phone', v)} error={gerr('phone')} />
                <TextField id={gid('email')} label={t('ui.person.email')} optional type="email" value={g.email} onChange={(v) => setGuardian(index, 'email', v)} error={gerr('email')} />
                <div className="button-row">
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => setGuardians((list) => list.filter((_, i) => i !== index))}>
                    {t('ui.register.removeGuardian', { n: index + 1 })}
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          {guardians.length < MAX_GUARDIANS ? (
            <Button type="button" variant="secondary" onClick={() => setGuardians((list) => [...list, emptyGuardian()])}>
              {t('ui.register.addGuardian')}
            </Button>
          ) : null}
        </section>

        <div className="button-row form-actions">
          <Button type="submit" disabled={busy} aria-busy={busy || undefined}>{t('ui.register.submit')}</Button>
          <Button type="button" variant="tertiary" onClick={() => void navigate('/barn')}>{t('ui.common.cancel')}</Button>
        </div>
      </form>
    </Page>
  );
}
