// The indicator register (indikatorregister) for the SBU coordinator and the administrator: each
// indicator with its baseline (0-punkt) and targets; a form for a new one; entered figures imported
// from a CSV, refused whole with each bad line named. The analyst reads it. Editing shows only when
// the API's `abilities.edit` says so.
import { Alert, Button, Field, Fieldset, Heading, Label, List, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../components/Page.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { LiveMessage, QueryFallback, errorText } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { ImportEntriesResponse, Indicator, IndicatorRegisterResponse } from '../../../../common/contracts/indicators.ts';

const LANGS = ['nb', 'nn', 'en'] as const;
const UNITS = ['count', 'share', 'days', 'years'] as const;

function useNumber() {
  const { lang } = useI18n();
  return (n: number, unit: Indicator['unit']) => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 }).format(n)}${unit === 'share' ? ' %' : ''}`;
}

function RegisterTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useI18n();
  const number = useNumber();
  if (indicators.length === 0) return <Paragraph>{t('indicators.ui.none')}</Paragraph>;
  return (
    <TableScroll label={t('indicators.ui.registerHeading')}>
      <Table zebra className="data-table" data-testid="indicator-register">
        <caption className="sr-only">{t('indicators.ui.registerHeading')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('indicators.report.what')}</Table.HeaderCell>
            <Table.HeaderCell>{t('indicators.ui.source')}</Table.HeaderCell>
            <Table.HeaderCell>{t('indicators.report.baseline')}</Table.HeaderCell>
            <Table.HeaderCell>{t('indicators.ui.targets')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {indicators.map((i) => (
            <Table.Row key={i.id}>
              <Table.Cell>
                <strong>{i.name}</strong> <code>{i.code}</code>{i.retiredAt ? <> {' '}<Tag data-color="neutral">{t('indicators.ui.retired')}</Tag></> : null}
                <div className="cell-meta">{i.definition}</div>
              </Table.Cell>
              <Table.Cell>{t(`indicators.ui.sourceValue.${i.source}`)}</Table.Cell>
              <Table.Cell>{number(i.baseline.value, i.unit)} ({i.baseline.year})</Table.Cell>
              <Table.Cell>{i.targets.map((x) => `${x.year}: ${number(x.value, i.unit)}`).join(', ') || '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

type Target = { year: string; value: string };
const toNumber = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));

function NewIndicator({ computed, onDone }: { computed: IndicatorRegisterResponse['computed']; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const form = useSubmit('new-indicator');
  const [code, setCode] = useState('');
  const [source, setSource] = useState<'entered' | 'computed'>('entered');
  const [computedKey, setComputedKey] = useState('');
  const [unit, setUnit] = useState<string>('share');
  const [direction, setDirection] = useState('higher_is_better');
  const [names, setNames] = useState<Record<string, string>>({ nb: '', nn: '', en: '' });
  const [definitions, setDefinitions] = useState<Record<string, string>>({ nb: '', nn: '', en: '' });
  const [baseline, setBaseline] = useState<Target>({ year: '', value: '' });
  const [targets, setTargets] = useState<Target[]>([{ year: '', value: '' }, { year: '', value: '' }]);
  const chosenUnit = source === 'computed' ? computed.find((c) => c.key === computedKey)?.unit ?? unit : unit;
  const body = () => ({
    code, source, ...(source === 'computed' && computedKey ? { computedKey } : {}), unit: chosenUnit, direction, names, definitions,
    baseline: { year: toNumber(baseline.year), value: toNumber(baseline.value) },
    targets: targets.filter((x) => x.year || x.value).map((x) => ({ year: toNumber(x.year), value: toNumber(x.value) })),
  });
  const labelFor = (f: string) => {
    const target = /^targets\.(\d+)\.(year|value)$/.exec(f);
    if (target) return `${t('indicators.ui.targetN', { n: Number(target[1]) + 1 })}: ${t(target[2] === 'year' ? 'indicators.ui.year' : 'indicators.ui.value')}`;
    const text = /^(names|definitions)\.(nb|nn|en)$/.exec(f);
    if (text) return t(`indicators.ui.${text[1] === 'names' ? 'name' : 'definition'}.${text[2] as 'nb'}`);
    if (f.startsWith('baseline.')) return `${t('indicators.report.baseline')}: ${t(f.endsWith('year') ? 'indicators.ui.year' : 'indicators.ui.value')}`;
    return ({ code: t('indicators.ui.code'), computedKey: t('indicators.ui.computedKey'), unit: t('indicators.ui.unit') } as Record<string, string>)[f] ?? null;
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, '/api/indicators', body(), () => onDone(t('indicators.ui.created')))}>
      <Heading level={2} data-size="sm">{t('indicators.ui.newHeading')}</Heading>
      <FormErrors error={form.error} form="new-indicator" labelFor={labelFor} attempt={form.attempt} />
      <TextField id={form.id('code')} label={t('indicators.ui.code')} description={t('indicators.ui.codeHint')} value={code} onChange={setCode} error={form.errors.code} width="medium" />
      <SelectField id={form.id('source')} label={t('indicators.ui.source')} value={source} onChange={(v) => setSource(v as 'entered' | 'computed')}
        options={(['entered', 'computed'] as const).map((s) => ({ value: s, label: t(`indicators.ui.sourceValue.${s}`) }))} />
      {source === 'computed' ? (
        <SelectField id={form.id('computedKey')} label={t('indicators.ui.computedKey')} value={computedKey} onChange={setComputedKey} placeholder={t('indicators.ui.choose')} error={form.errors.computedKey}
          options={computed.map((c) => ({ value: c.key, label: t(`indicators.computed.${c.key as 'team_cases'}`) }))} />
      ) : (
        <SelectField id={form.id('unit')} label={t('indicators.ui.unit')} value={unit} onChange={setUnit} error={form.errors.unit}
          options={UNITS.map((u) => ({ value: u, label: t(`indicators.ui.unitValue.${u}`) }))} />
      )}
      <SelectField id={form.id('direction')} label={t('indicators.ui.direction')} value={direction} onChange={setDirection}
        options={(['higher_is_better', 'lower_is_better'] as const).map((d) => ({ value: d, label: t(`indicators.ui.directionValue.${d}`) }))} />
      {LANGS.map((l) => (
        <TextField key={`name-${l}`} id={form.id(`names.${l}`)} label={t(`indicators.ui.name.${l}`)} value={names[l]!} onChange={(v) => setNames({ ...names, [l]: v })} error={form.errors[`names.${l}`]} />
      ))}
      {LANGS.map((l) => (
        <TextAreaField key={`def-${l}`} id={form.id(`definitions.${l}`)} label={t(`indicators.ui.definition.${l}`)} rows={2} value={definitions[l]!} onChange={(v) => setDefinitions({ ...definitions, [l]: v })} error={form.errors[`definitions.${l}`]} />
      ))}
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('indicators.report.baseline')}</Fieldset.Legend>
        <div className="form-row">
          <TextField id={form.id('baseline.year')} label={t('indicators.ui.year')} inputMode="numeric" width="short" value={baseline.year} onChange={(v) => setBaseline({ ...baseline, year: v })} error={form.errors['baseline.year']} />
          <TextField id={form.id('baseline.value')} label={t('indicators.ui.value')} width="short" value={baseline.value} onChange={(v) => setBaseline({ ...baseline, value: v })} error={form.errors['baseline.value']} />
        </div>
      </Fieldset>
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('indicators.ui.targets')}</Fieldset.Legend>
        {targets.map((x, i) => (
          <div className="form-row" key={i}>
            <TextField id={form.id(`targets.${i}.year`)} label={`${t('indicators.ui.targetN', { n: i + 1 })}: ${t('indicators.ui.year')}`} inputMode="numeric" width="short" value={x.year}
              onChange={(v) => setTargets(targets.map((y, j) => (j === i ? { ...y, year: v } : y)))} error={form.errors[`targets.${i}.year`]} />
            <TextField id={form.id(`targets.${i}.value`)} label={`${t('indicators.ui.targetN', { n: i + 1 })}: ${t('indicators.ui.value')}`} width="short" value={x.value}
              onChange={(v) => setTargets(targets.map((y, j) => (j === i ? { ...y, value: v } : y)))} error={form.errors[`targets.${i}.value`]} />
          </div>
        ))}
        <div className="button-row"><Button type="button" variant="secondary" onClick={() => setTargets([...targets, { year: '', value: '' }])}>{t('indicators.ui.addTarget')}</Button></div>
      </Fieldset>
      <div className="button-row form-actions"><Button type="submit" disabled={form.busy}>{t('indicators.ui.create')}</Button></div>
    </form>
  );
}

function ImportEntries({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [missingFile, setMissingFile] = useState(false);
  const { busy, error, attempt, send } = useSubmit('indicator-import');
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error, attempt]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      document.getElementById('indicator-file')?.focus();
      return;
    }
    setMissingFile(false);
    await send<ImportEntriesResponse>({
      url: '/api/indicators/entries', body: { csv: await file.text() },
      onDone: (result) => {
        onDone(t('indicators.ui.imported', { count: result.imported }));
        setFile(null);
        setFileKey((k) => k + 1);
      },
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <Heading level={2} data-size="sm">{t('indicators.ui.importHeading')}</Heading>
      <Paragraph data-size="sm">{t('indicators.ui.importHelp')}</Paragraph>
      <pre className="csv-example" lang="nb">{'code;year;value\nungdata-trivsel;2025;82,5'}</pre>
      <Field>
        <Label htmlFor="indicator-file">{t('indicators.ui.file')}</Label>
        <input key={fileKey} id="indicator-file" type="file" accept=".csv,text/csv,text/plain" aria-invalid={missingFile ? true : undefined}
          aria-describedby={missingFile ? 'indicator-file-error' : undefined} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissingFile(false); }} />
        {missingFile ? <ValidationMessage id="indicator-file-error">{t('indicators.ui.fileRequired')}</ValidationMessage> : null}
      </Field>
      <div className="button-row"><Button type="submit" disabled={busy} aria-busy={busy || undefined}>{t('indicators.ui.import')}</Button></div>
      {error ? (
        <Alert data-color="danger" key={attempt} ref={errorRef} tabIndex={-1} className="import-errors" data-testid="import-errors">
          <Heading level={3} data-size="xs">{errorText(error, t)}</Heading>
          {error.fields.length > 0 ? <List.Unordered>{error.fields.map((f, i) => <List.Item key={`${f.field}-${i}`}>{f.message}</List.Item>)}</List.Unordered> : null}
        </Alert>
      ) : null}
    </form>
  );
}

export function IndicatorRegisterPage() {
  const { t } = useI18n();
  const register = useApiQuery<IndicatorRegisterResponse>('/api/indicators');
  const [message, setMessage] = useState('');
  const [formKey, setFormKey] = useState(0);
  const done = (m: string) => {
    setMessage(m);
    setFormKey((k) => k + 1);
  };
  return (
    <Page title={t('indicators.ui.registerTitle')}>
      <Paragraph>{t('indicators.ui.registerIntro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={register} />
      {register.data ? (
        <>
          <section className="page-section" aria-labelledby="register-heading">
            <Heading level={2} data-size="sm" id="register-heading">{t('indicators.ui.registerHeading')}</Heading>
            <RegisterTable indicators={register.data.indicators} />
          </section>
          {register.data.abilities.edit ? (
            <>
              <section className="page-section"><NewIndicator key={formKey} computed={register.data.computed} onDone={done} /></section>
              <section className="page-section"><ImportEntries onDone={setMessage} /></section>
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
