// The administrator's service units: the list, a form for a new unit, editing one (with its version,
// so a concurrent change is refused rather than overwritten) and adding a kind of unit.
import { Button, Card, Checkbox, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Fields.tsx';
import { fieldId, FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { useAllApiPages, useApiPages, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { ServiceUnit, ServiceUnitType, ServiceUnitTypes, ServiceUnits } from '../../../common/contracts/organisation.ts';

interface UnitValues {
  name: string;
  typeCode: string;
  area: string;
  email: string;
  phone: string;
  active: boolean;
}

const blankUnit: UnitValues = { name: '', typeCode: '', area: '', email: '', phone: '', active: true };

function UnitForm({ unit, types, onSaved, onCancel }: {
  unit: ServiceUnit | null;
  types: ServiceUnitType[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = unit ? 'unit-edit' : 'unit';
  const [values, setValues] = useState<UnitValues>(
    unit ? { name: unit.name, typeCode: unit.typeCode, area: unit.area ?? '', email: unit.email ?? '', phone: unit.phone ?? '', active: unit.active } : blankUnit,
  );
  const { error, attempt, busy, errors, send } = useSubmit('unit');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const set = (name: keyof UnitValues) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const labels: Record<string, string> = {
    name: t('ui.units.name'), typeCode: t('ui.units.type'), area: t('ui.units.area'), email: t('ui.units.email'),
    phone: t('ui.units.phone'), active: t('ui.units.active'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: values.name, typeCode: values.typeCode, area: values.area, email: values.email, phone: values.phone };
    await send({
      ...(unit
        ? { method: 'PUT' as const, url: `/api/admin/service-units/${unit.id}`, body: { ...body, active: values.active, version: unit.version } }
        : { url: '/api/admin/service-units', body: body }),
      onDone: () => onSaved(values.name.trim()),
    });
  };

  const id = (field: string) => fieldId(form, field);
  return (
    <Card className="form-card">
      <Heading level={2} data-size="sm" tabIndex={-1} ref={headingRef} className="section-title">
        {unit ? t('ui.units.editHeading', { name: unit.name }) : t('ui.units.newHeading')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors error={error} form={form} labelFor={(f) => labels[f] ?? null} attempt={attempt} />
        <TextField id={id('name')} label={labels.name!} value={values.name} onChange={set('name')} error={errors.name} />
        <SelectField
          id={id('typeCode')}
          label={labels.typeCode!}
          value={values.typeCode}
          onChange={set('typeCode')}
          placeholder={t('ui.units.choosePlaceholder')}
          options={types.map((type) => ({ value: type.code, label: type.name }))}
          error={errors.typeCode}
        />
        <TextField id={id('area')} label={labels.area!} optional width="medium" value={values.area} onChange={set('area')} error={errors.area} />
        <TextField id={id('email')} label={labels.email!} optional type="email" value={values.email} onChange={set('email')} error={errors.email} />
        <TextField id={id('phone')} label={labels.phone!} optional type="tel" width="medium" value={values.phone} onChange={set('phone')} error={errors.phone} />
        {unit ? (
          <Checkbox id={id('active')} label={t('ui.units.activeLabel')} checked={values.active} onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))} error={errors.active} />
        ) : null}
        <div className="button-row form-actions">
          <Button type="submit" disabled={busy}>{unit ? t('ui.common.save') : t('ui.units.create')}</Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>{t('ui.common.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}

function UnitTypeForm({ onSaved }: { onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ code: '', nameNb: '', nameNn: '', nameEn: '' });
  const { error, attempt, errors, send } = useSubmit('unit-type');
  const labels: Record<string, string> = {
    code: t('ui.unitTypes.code'), nameNb: t('ui.unitTypes.nameNb'), nameNn: t('ui.unitTypes.nameNn'), nameEn: t('ui.unitTypes.nameEn'),
  };
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send({
      url: '/api/admin/service-unit-types',
      body: values,
      onDone: () => {
        onSaved(values.nameNb.trim());
        setValues({ code: '', nameNb: '', nameNn: '', nameEn: '' });
      },
    });
  };
  const id = (field: string) => fieldId('unit-type', field);
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormErrors error={error} form="unit-type" labelFor={(f) => labels[f] ?? null} attempt={attempt} />
      <TextField id={id('code')} label={labels.code!} description={t('ui.unitTypes.codeHint')} width="medium" value={values.code} onChange={set('code')} error={errors.code} />
      <TextField id={id('nameNb')} label={labels.nameNb!} value={values.nameNb} onChange={set('nameNb')} error={errors.nameNb} />
      <TextField id={id('nameNn')} label={labels.nameNn!} value={values.nameNn} onChange={set('nameNn')} error={errors.nameNn} />
      <TextField id={id('nameEn')} label={labels.nameEn!} value={values.nameEn} onChange={set('nameEn')} error={errors.nameEn} />
      <div className="button-row form-actions">
        <Button type="submit" variant="secondary">{t('ui.unitTypes.create')}</Button>
      </div>
    </form>
  );
}

export function AdminUnitsPage() {
  const { t } = useI18n();
  const units = useApiPages('/api/service-units', (page: ServiceUnits) => page.units);
  // The unit form's kinds: every page, as a picker loads them.
  const types = useAllApiPages('/api/service-unit-types', (page: ServiceUnitTypes) => page.types);
  const [editing, setEditing] = useState<ServiceUnit | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = units.items;

  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <Page title={t('ui.units.title')}>
      <Paragraph>{t('ui.units.intro')}</Paragraph>
      <LiveMessage>{message}</LiveMessage>
      {editing === null ? (
        <div className="button-row">
          <Button type="button" onClick={() => { setMessage(null); setEditing('new'); }}>{t('ui.units.newButton')}</Button>
        </div>
      ) : (
        <UnitForm
          key={editing === 'new' ? 'new' : editing.id}
          unit={editing === 'new' ? null : editing}
          types={types.items ?? []}
          onSaved={(name) => saved(t(editing === 'new' ? 'ui.units.created' : 'ui.units.updated', { name }))}
          onCancel={() => setEditing(null)}
        />
      )}
      <Details className="page-section">
        <Details.Summary>{t('ui.unitTypes.heading')}</Details.Summary>
        <Details.Content>
          <Paragraph>{t('ui.unitTypes.intro')}</Paragraph>
          <UnitTypeForm onSaved={(name) => setMessage(t('ui.unitTypes.created', { name }))} />
        </Details.Content>
      </Details>
      <section aria-labelledby="units-list" className="page-section">
        <Heading level={2} data-size="sm" id="units-list">{units.more.hasMore ? t('ui.units.listCaption') : t('ui.units.listHeading', { count: list.length })}</Heading>
        <QueryFallback query={units} />
        {list.length > 0 ? (
          <TableScroll label={t('ui.units.listCaption')}>
            <Table zebra className="data-table data-table--wide">
              <caption className="sr-only">{t('ui.units.listCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('ui.units.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.units.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.units.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.units.contact')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ui.units.status')}</Table.HeaderCell>
                  <Table.HeaderCell><span className="sr-only">{t('ui.common.actions')}</span></Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>{u.name}</Table.Cell>
                    <Table.Cell>{u.typeName}</Table.Cell>
                    <Table.Cell>{u.area ?? '–'}</Table.Cell>
                    <Table.Cell className="contact-cell">
                      {u.email ? <span className="cell-meta cell-email">{u.email}</span> : null}
                      {u.phone ? <span className="cell-meta">{u.phone}</span> : null}
                      {!u.email && !u.phone ? '–' : null}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={u.active ? 'success' : 'neutral'} data-size="sm">{t(u.active ? 'ui.common.active' : 'ui.common.inactive')}</Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <Button type="button" variant="tertiary" data-size="sm" aria-label={t('ui.common.editNamed', { name: u.name })} onClick={() => { setMessage(null); setEditing(u); }}>
                        {t('ui.common.edit')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        ) : null}
        <ShowMore more={units.more} />
      </section>
    </Page>
  );
}
