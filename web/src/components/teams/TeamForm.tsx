// The administrator's form for a team: name, kind, age group (months; negative before birth), area,
// leader, member services, members, usual meeting place, description and (when editing) active.
// An edit sends the version it read, so a concurrent change is refused rather than overwritten.
import { Button, Card, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../Fields.tsx';
import { fieldId, FormErrors } from '../FormErrors.tsx';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { TeamConfig, TeamOptions } from '../../../../common/contracts/teams.ts';


interface Values {
  name: string;
  kind: string;
  ageFromMonths: string;
  ageToMonths: string;
  area: string;
  leaderStaffId: string;
  unitIds: string[];
  memberStaffIds: string[];
  meetingPlace: string;
  description: string;
  active: boolean;
}

function initial(team: TeamConfig | null): Values {
  if (!team) {
    return { name: '', kind: 'early_intervention', ageFromMonths: '', ageToMonths: '', area: '', leaderStaffId: '', unitIds: [], memberStaffIds: [], meetingPlace: '', description: '', active: true };
  }
  return {
    name: team.name, kind: team.kind, ageFromMonths: String(team.ageFromMonths), ageToMonths: String(team.ageToMonths), area: team.area ?? '',
    leaderStaffId: team.leader?.id ?? '', unitIds: team.units.map((u) => u.id), memberStaffIds: team.members.map((m) => m.id).filter((id) => id !== team.leader?.id),
    meetingPlace: team.meetingPlace ?? '', description: team.description ?? '', active: team.active,
  };
}

/** A whole number is sent as a number; anything else as typed, so the server's message explains it. */
function months(value: string): number | string | undefined {
  const text = value.trim().replace('−', '-');
  if (!text) return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

export function TeamForm({ team, options, onSaved, onCancel }: { team: TeamConfig | null; options: TeamOptions; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = team ? 'team-edit' : 'team';
  const [values, setValues] = useState<Values>(() => initial(team));
  const { error, attempt, busy, errors, send } = useSubmit(form);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const id = (field: string) => fieldId(form, field);
  const set = (name: 'name' | 'kind' | 'ageFromMonths' | 'ageToMonths' | 'area' | 'leaderStaffId' | 'meetingPlace') => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const labels: Record<string, string> = {
    name: t('teams.form.name'), kind: t('teams.form.kind'), ageFromMonths: t('teams.form.ageFrom'), ageToMonths: t('teams.form.ageTo'), area: t('teams.form.area'),
    leaderStaffId: t('teams.form.leader'), unitIds: t('teams.form.units'), memberStaffIds: t('teams.form.members'), meetingPlace: t('teams.form.meetingPlace'),
    description: t('teams.form.description'), active: t('teams.form.active'),
  };
  const labelFor = (field: string) => labels[field.split('.')[0]!] ?? null;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: values.name, kind: values.kind, ageFromMonths: months(values.ageFromMonths), ageToMonths: months(values.ageToMonths), area: values.area,
      leaderStaffId: values.leaderStaffId || undefined, unitIds: values.unitIds, memberStaffIds: values.memberStaffIds.filter((m) => m !== values.leaderStaffId),
      meetingPlace: values.meetingPlace, description: values.description,
    };
    await send({
      ...(team
        ? { method: 'PUT' as const, url: `/api/teams/${team.id}`, body: { ...body, active: values.active, version: team.version } }
        : { url: '/api/teams', body: body }),
      onDone: () => onSaved(values.name.trim()),
    });
  };

  // The leader of an early-intervention team answers referrals as team leader (the server checks it too).
  const leaders = options.staff.filter((s) => values.kind !== 'early_intervention' || s.teamLeader || s.id === values.leaderStaffId);
  const staffLabel = (s: TeamOptions['staff'][number]) => (s.unitName ? `${s.name}, ${s.unitName}` : s.name);
  return (
    <Card className="form-card">
      <Heading level={2} data-size="sm" tabIndex={-1} ref={headingRef} className="section-title">
        {team ? t('teams.form.editHeading', { name: team.name }) : t('teams.form.newHeading')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={form} labelFor={labelFor} attempt={attempt} />
        <TextField id={id('name')} label={labels.name!} value={values.name} onChange={set('name')} error={errors.name} />
        <SelectField id={id('kind')} label={labels.kind!} value={values.kind} onChange={set('kind')} error={errors.kind}
          options={[{ value: 'early_intervention', label: t('ui.teams.kind.early_intervention') }, { value: 'system_level', label: t('ui.teams.kind.system_level') }]} />
        <Fieldset className="form-fieldset">
          <Fieldset.Legend>{t('teams.form.ageGroup')}</Fieldset.Legend>
          <Paragraph data-size="sm">{t('teams.form.ageHint')}</Paragraph>
          <TextField id={id('ageFromMonths')} label={labels.ageFromMonths!} width="short" inputMode="text" value={values.ageFromMonths} onChange={set('ageFromMonths')} error={errors.ageFromMonths} />
          <TextField id={id('ageToMonths')} label={labels.ageToMonths!} width="short" inputMode="text" value={values.ageToMonths} onChange={set('ageToMonths')} error={errors.ageToMonths} />
        </Fieldset>
        <SelectField id={id('area')} label={labels.area!} value={values.area} onChange={set('area')} error={errors.area} description={t('teams.form.areaHint')}
          options={[{ value: '', label: t('ui.teams.allAreas') }, ...options.areas.map((a) => ({ value: a, label: a }))]} />
        <SelectField id={id('leaderStaffId')} label={labels.leaderStaffId!} value={values.leaderStaffId} onChange={set('leaderStaffId')} error={errors.leaderStaffId}
          placeholder={t('teams.form.choose')} description={values.kind === 'early_intervention' ? t('teams.form.leaderHint') : undefined}
          options={leaders.map((s) => ({ value: s.id, label: staffLabel(s) }))} />
        <Fieldset className="form-fieldset" id={id('unitIds')} tabIndex={-1}>
          <Fieldset.Legend>{labels.unitIds}</Fieldset.Legend>
          <div className="check-grid">
            {options.units.map((u) => (
              <Checkbox key={u.id} id={id(`unit-${u.id}`)} label={u.name} value={u.id} checked={values.unitIds.includes(u.id)}
                onChange={(e) => setValues((v) => ({ ...v, unitIds: toggle(v.unitIds, u.id, e.target.checked) }))} />
            ))}
          </div>
          {Object.entries(errors).filter(([f]) => f.startsWith('unitIds')).map(([f, m]) => <ValidationMessage key={f}>{m}</ValidationMessage>)}
        </Fieldset>
        <Fieldset className="form-fieldset" id={id('memberStaffIds')} tabIndex={-1}>
          <Fieldset.Legend>{labels.memberStaffIds}</Fieldset.Legend>
          <Paragraph data-size="sm">{t('teams.form.membersHint')}</Paragraph>
          <div className="check-grid">
            {options.staff.filter((s) => s.id !== values.leaderStaffId).map((s) => (
              <Checkbox key={s.id} id={id(`member-${s.id}`)} label={staffLabel(s)} value={s.id} checked={values.memberStaffIds.includes(s.id)}
                onChange={(e) => setValues((v) => ({ ...v, memberStaffIds: toggle(v.memberStaffIds, s.id, e.target.checked) }))} />
            ))}
          </div>
          {Object.entries(errors).filter(([f]) => f.startsWith('memberStaffIds')).map(([f, m]) => <ValidationMessage key={f}>{m}</ValidationMessage>)}
        </Fieldset>
        <TextField id={id('meetingPlace')} label={labels.meetingPlace!} optional value={values.meetingPlace} onChange={set('meetingPlace')} error={errors.meetingPlace} />
        <Field className="form-field form-field--full">
          <Label htmlFor={id('description')}>{`${labels.description} ${t('ui.form.optional')}`}</Label>
          <Textarea id={id('description')} rows={3} value={values.description} aria-invalid={errors.description ? true : undefined} onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))} />
          {errors.description ? <ValidationMessage>{errors.description}</ValidationMessage> : null}
        </Field>
        {team ? (
          <Checkbox id={id('active')} label={t('teams.form.activeLabel')} checked={values.active} onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))} />
        ) : null}
        <div className="button-row form-actions">
          <Button type="submit" disabled={busy}>{team ? t('ui.common.save') : t('teams.form.create')}</Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>{t('ui.common.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}
