// Calling a meeting about a child: the date and time, the place, whom of the family and of the
// services to invite. The team leader calls one after a referral (Intake), the coordinator one about
// an individual plan (the plan page); the server decides who may be invited.
import { Button, Checkbox, Fieldset, Heading, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { DateField, TextField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { toIsoInstant } from '../../dates.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

type Candidate = { id: string; name: string; unitName?: string | null };

/** `chair`: the one who calls and chairs the meeting, invited always (the server adds them), so shown checked and not to be unticked. */
export function ScheduleMeeting({ formName, url, heading, family, staff, chair, placeHint, submit, onDone }: {
  formName: string; url: string; heading: string; family: Candidate[]; staff: Candidate[]; chair?: Candidate | undefined; placeHint: string | undefined; submit: string; onDone: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('12:00');
  const [place, setPlace] = useState('');
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const form = useSubmit(formName);
  const labels: Record<string, string> = { startsAt: t('meetings.ui.date'), place: t('meetings.ui.place'), personIds: t('meetings.ui.family'), staffIds: t('meetings.ui.professionals') };
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const staffLabel = (s: Candidate) => `${s.name}${s.unitName ? `, ${s.unitName}` : ''}`;
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, url, { startsAt: toIsoInstant(date, time), place: place || undefined, staffIds, personIds }, onDone)}>
      <Heading level={4} data-size="2xs">{heading}</Heading>
      <FormErrors error={form.error} form={formName} labelFor={(f) => labels[f.split('.')[0]!] ?? null} attempt={form.attempt} />
      <DateField id={form.id('startsAt')} label={t('meetings.ui.date')} value={date} onChange={setDate} error={form.errors.startsAt} />
      <TextField id={form.id('time')} label={t('meetings.ui.time')} width="short" value={time} onChange={setTime} description={t('cases.ui.timeHint')} />
      <TextField id={form.id('place')} label={t('meetings.ui.place')} optional value={place} onChange={setPlace} description={placeHint} error={form.errors.place} />
      <Fieldset className="form-fieldset" id={form.id('personIds')} tabIndex={-1}>
        <Fieldset.Legend>{t('meetings.ui.family')}</Fieldset.Legend>
        {family.map((f) => (
          <Checkbox key={f.id} id={form.id(`personIds-${f.id}`)} label={f.name} value={f.id} checked={personIds.includes(f.id)} onChange={(e) => setPersonIds(toggle(personIds, f.id, e.target.checked))} />
        ))}
        {form.errors.personIds ? <ValidationMessage>{form.errors.personIds}</ValidationMessage> : null}
      </Fieldset>
      <Fieldset className="form-fieldset" id={form.id('staffIds')} tabIndex={-1}>
        <Fieldset.Legend>{t('meetings.ui.professionals')}</Fieldset.Legend>
        <div className="check-columns">
          {chair ? <Checkbox id={form.id('chair')} label={t('meetings.ui.chairInvited', { name: staffLabel(chair) })} value={chair.id} checked readOnly aria-readonly /> : null}
          {staff.filter((s) => s.id !== chair?.id).map((s) => (
            <Checkbox key={s.id} id={form.id(`staffIds-${s.id}`)} label={staffLabel(s)} value={s.id} checked={staffIds.includes(s.id)} onChange={(e) => setStaffIds(toggle(staffIds, s.id, e.target.checked))} />
          ))}
        </div>
        {Object.entries(form.errors).filter(([k]) => k.startsWith('staffIds')).map(([k, v]) => <ValidationMessage key={k}>{v}</ValidationMessage>)}
      </Fieldset>
      <div className="button-row"><Button type="submit" disabled={form.busy}>{submit}</Button></div>
    </form>
  );
}
