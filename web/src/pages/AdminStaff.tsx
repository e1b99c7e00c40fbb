// The administrator's staff users: the list, a new user and editing one. Roles are checkboxes with
// their translated names; the national id (optional) lets the employee sign in with ID-porten.
import { Button, Card, Checkbox, Fieldset, Heading, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isLanguage, LANGUAGES, STAFF_ROLES, type Language, type StaffRole } from '../../../common/roles.ts';
import { SelectField, TextField } from '../components/Fields.tsx';
import { fieldId, FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { LiveMessage, LoadError, Loading, QueryFallback } from '../components/Status.tsx';
import { useApiPages, useApiQuery, useSubmit } from '../query.tsx';
import { useAllServiceUnits } from '../serviceUnits.ts';
import { LANGUAGE_NAMES, useI18n } from '../i18n.tsx';
import type { ServiceUnit, StaffDetails, StaffList } from '../../../common/contracts/organisation.ts';

interface StaffValues {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  nationalId: string;
  serviceUnitId: string;
  title: string;
  language: Language;
  roles: StaffRole[];
  active: boolean;
}

const blankStaff: StaffValues = {
  username: '', displayName: '', email: '', phone: '', nationalId: '', serviceUnitId: '', title: '', language: 'nb', roles: [], active: true,
};

function StaffForm({ staff, units, onSaved, onCancel }: {
  staff: StaffDetails | null;
  units: ServiceUnit[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = staff ? 'staff-edit' : 'staff';
  const [values, setValues] = useState<StaffValues>(
    staff
      ? {
          username: staff.username, displayName: staff.displayName, email: staff.email, phone: staff.phone ?? '',
          nationalId: staff.nationalId ?? '', serviceUnitId: staff.serviceUnitId ?? '', title: staff.title ?? '',
          language: isLanguage(staff.language) ? staff.language : 'nb', roles: staff.roles, active: staff.active,
        }
      : blankStaff,
  );
  const { error, attempt, busy, errors, send } = useSubmit('staff');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const set = (name: 'username' | 'displayName' | 'email' | 'phone' | 'nationalId' | 'serviceUnitId' | 'title') => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const labels: Record<string, string> = {
    username: t('ui.staff.username'), displayName: t('ui.staff.displayName'), email: t('ui.staff.email'), phone: t('ui.staff.phone'),
    nationalId: t('ui.staff.nationalId'), serviceUnitId: t('ui.staff.unit'), title: t('ui.staff.jobTitle'), language: t('ui.staff.language'),
    roles: t('ui.staff.roles'), active: t('ui.staff.active'),
  };
  const labelFor = (field: string) => labels[field] ?? (field.startsWith('roles.') ? labels.roles! : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { active, ...body } = values;
    await send({
      ...(staff
        ? { method: 'PUT' as const, url: `/api/admin/staff/${staff.id}`, body: { ...body, active, version: staff.version } }
        : { url: '/api/admin/staff', body: body }),
      onDone: () => onSaved(values.displayName.trim()),
    });
  };

  const toggleRole = (role: StaffRole, on: boolean) =>
    setValues((v) => ({ ...v, roles: on ? STAFF_ROLES.filter((r) => r === role || v.roles.includes(r)) : v.roles.filter((r) => r !== role) }));
  const id = (field: string) => fieldId(form, field);
  const rolesError = errors.roles ?? Object.entries(errors).find(([k]) => k.startsWith('roles.'))?.[1];

  return (
    <Card className="form-card">
      <Heading level={2} data-size="sm" tabIndex={-1} ref={headingRef} className="section-title">
        {staff ? t('ui.staff.editHeading', { name: staff.displayName }) : t('ui.staff.newHeading')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={form} labelFor={labelFor} attempt={attempt} />
        <TextField id={id('displayName')} label={labels.displayName!} value={values.displayName} onChange={set('displayName')} error={errors.displayName} />
        <TextField id={id('username')} label={labels.username!} description={t('ui.staff.usernameHint')} width="medium" value={values.username} onChange={set('username')} error={errors.username} />
        <TextField id={id('email')} label={labels.email!} type="email" value={values.email} onChange={set('email')} error={errors.email} />
        <TextField id={id('phone')} label={labels.phone!} optional type="tel" width="medium" value={values.phone} onChange={set('phone')} error={errors.phone} />
        <TextField id={id('title')} label={labels.title!} optional value={values.title} onChange={set('title')} error={errors.title} />
        <SelectField
          id={id('serviceUnitId')}
          label={labels.serviceUnitId!}
          value={values.serviceUnitId}
          onChange={set('serviceUnitId')}
          placeholder={t('ui.staff.chooseUnit')}
          options={units.filter((u) => u.active || u.id === values.serviceUnitId).map((u) => ({ value: u.id, label: u.name }))}
          error={errors.serviceUnitId}
        />
        <Fieldset className="form-fieldset">
          <Fieldset.Legend>{labels.roles}</Fieldset.Legend>
          <Fieldset.Description>{t('ui.staff.rolesHint')}</Fieldset.Description>
          {STAFF_ROLES.map((role, index) => (
            <Checkbox
              key={role}
              id={index === 0 ? id('roles') : id(`role-${role}`)}
              value={role}
              label={t(`domain.role.${role}`)}
              checked={values.roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
          ))}
          {rolesError ? <ValidationMessage>{rolesError}</ValidationMessage> : null}
        </Fieldset>
        <SelectField
          id={id('language')}
          label={labels.language!}
          value={values.language}
          onChange={(v) => setValues((s) => ({ ...s, language: v as Language }))}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          error={errors.language}
        />
        <TextField
          id={id('nationalId')}
          label={labels.nationalId!}
          description={t('ui.staff.nationalIdHint')}
          optional
          inputMode="numeric"
          width="medium"
          value={values.nationalId}
          onChange={set('nationalId')}
          error={errors.nationalId}
        />
        {staff ? (
          <Checkbox id={id('active')} label={t('ui.staff.activeLabel')} checked={values.active} onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))} error={errors.active} />
        ) : null}
        <div className="button-row form-actions">
          <Button type="submit" disabled={busy}>{staff ? t('ui.common.save') : t('ui.staff.create')}</Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>{t('ui.common.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}

function EditStaff({ id, units, onSaved, onCancel }: { id: string; units: ServiceUnit[]; onSaved: (name: string) => void; onCancel: () => void }) {
  const staff = useApiQuery<StaffDetails>(`/api/admin/staff/${encodeURIComponent(id)}`);
  if (staff.error) return <LoadError error={staff.error} />;
  if (!staff.data) return <Loading />;
  return <StaffForm staff={staff.data} units={units} onSaved={onSaved} onCancel={onCancel} />;
}

export function AdminStaffPage() {
  const { t } = useI18n();
  const staff = useApiPages('/api/admin/staff', (page: StaffList) => page.staff);
  const units = useAllServiceUnits();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = staff.items;
  const unitList = units.items ?? [];

  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <Page title={t('ui.staff.title')}>
      <Paragraph>{t('ui.staff.intro')}</Paragraph>
      <LiveMessage>{message}</LiveMessage>
      {editing === null ? (
        <div className="button-row">
          <Button type="button" onClick={() => { setMessage(null); setEditing('new'); }}>{t('ui.staff.newButton')}</Button>
        </div>
      ) : editing === 'new' ? (
        <StaffForm key="new" staff={null} units={unitList} onSaved={(name) => saved(t('ui.staff.created', { name }))} onCancel={() => setEditing(null)} />
      ) : (
        <EditStaff key={editing} id={editing} units={unitList} onSaved={(name) => saved(t('ui.staff.updated', { name }))} onCancel={() => setEditing(null)} />
      )}
      <section aria-labelledby="staff-list" className="page-section">
        <Heading level={2} data-size="sm" id="staff-list">
          {/* A count while pages are still to come would be too low. */}
          {staff.more.hasMore ? t('ui.staff.listCaption') : t('ui.staff.listHeading', { count: list.length })}
        </Heading>
        <QueryFallback query={staff} />
        {list.length > 0 ? (
          <TableScroll label={t('ui.staff.listCaption')}>
            <Table zebra className="data-table data-table--wide">
              <caption className="sr-only">{t('ui.staff.listCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('ui.staff.displayName')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.staff.username')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.staff.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.staff.roles')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.staff.status')}</Table.HeaderCell>
                  <Table.HeaderCell><span className="sr-only">{t('ui.common.actions')}</span></Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <span className="cell-strong">{s.displayName}</span>
                      {s.title ? <span className="cell-meta">{s.title}</span> : null}
                    </Table.Cell>
                    <Table.Cell>{s.username}</Table.Cell>
                    <Table.Cell>{s.unitName ?? '–'}</Table.Cell>
                    <Table.Cell>{s.roles.map((r) => t(`domain.role.${r}`)).join(', ')}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={s.active ? 'success' : 'neutral'} data-size="sm">{t(s.active ? 'ui.common.active' : 'ui.common.inactive')}</Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <Button type="button" variant="tertiary" data-size="sm" aria-label={t('ui.common.editNamed', { name: s.displayName })} onClick={() => { setMessage(null); setEditing(s.id); }}>
                        {t('ui.common.edit')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        ) : null}
        <ShowMore more={staff.more} />
      </section>
    </Page>
  );
}
