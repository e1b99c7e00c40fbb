// "Barn ved enheten" for kindergarten and school staff: find a child enrolled at one's own unit by
// name or birth date (name and birth date only) and note a worry about them; and import the unit's
// enrolments from its administrative system as CSV, refused whole (said up front) if a line is bad.
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { CategoryChecks } from '../components/case/shared.tsx';
import { DateField, TextAreaField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { CsvImportForm } from '../components/CsvImportForm.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { todayNorwegian, toIsoDate } from '../dates.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { EnrolledChildrenResponse, ImportEnrolmentsResponse } from '../../../common/contracts/enrolments.ts';

type Child = EnrolledChildrenResponse['children'][number];

const COLUMNS = ['fodselsnummer', 'startdato', 'sluttdato'] as const;
const EXAMPLE = ['fodselsnummer;fornavn;etternavn;startdato;sluttdato', '12345678901;Emma;Nordli;15.08.2025;', '10987654321;Jonas;Berg;15.08.2022;30.06.2026'].join('\n');

function WorryForm({ child, onClose }: { child: Child; onClose: () => void }) {
  const { t } = useI18n();
  const name = `${child.givenName} ${child.familyName}`;
  const [categories, setCategories] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [noticedOn, setNoticedOn] = useState(todayNorwegian());
  const [done, setDone] = useState(false);
  const form = useSubmit('enrolled-worry');
  const labels: Record<string, string> = { categories: t('cases.ui.signs'), description: t('cases.ui.worryText'), noticedOn: t('cases.ui.noticedOn') };
  if (done) {
    return (
      <Alert data-color="success" className="page-section">
        <Paragraph>{t('enrolments.worry.done')}</Paragraph>
        <Paragraph><Link asChild><RouterLink to={`/barn/${child.personId}`}>{t('enrolments.worry.openChild', { name })}</RouterLink></Link></Paragraph>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="enrolled-worry" className="page-section">
      <Heading level={2} data-size="sm" id="enrolled-worry">{t('enrolments.worry.heading', { name })}</Heading>
      <Paragraph data-size="sm">{t('enrolments.worry.help')}</Paragraph>
      <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/enrolments/${child.personId}/worries`, { categories, description, noticedOn: toIsoDate(noticedOn) }, () => setDone(true))}>
        <FormErrors error={form.error} form="enrolled-worry" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
        <CategoryChecks id={form.id('categories')} legend={t('cases.ui.signs')} values={categories} onChange={setCategories} error={form.errors.categories} />
        <TextAreaField id={form.id('description')} label={t('cases.ui.worryText')} rows={3} value={description} onChange={setDescription} error={form.errors.description} />
        <DateField id={form.id('noticedOn')} label={t('cases.ui.noticedOn')} value={noticedOn} onChange={setNoticedOn} error={form.errors.noticedOn} />
        <div className="button-row">
          <Button type="submit" disabled={form.busy}>{t('enrolments.worry.submit')}</Button>
          <Button type="button" variant="tertiary" onClick={onClose}>{t('enrolments.worry.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

function Search() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Child | null>(null);
  const found = useApiQuery<EnrolledChildrenResponse>(q ? `/api/enrolments?q=${encodeURIComponent(q)}` : null);
  const children = found.data?.children ?? [];
  const fieldError = found.error?.fields.find((f) => f.field === 'q')?.message;
  return (
    <section aria-labelledby="enrolled-search" className="page-section">
      <Heading level={2} data-size="sm" id="enrolled-search">{t('enrolments.search.heading')}</Heading>
      <form className="form form--compact" role="search" noValidate onSubmit={(e) => { e.preventDefault(); setChosen(null); setQ(text.trim()); }}>
        <TextField id="enrolled-q" label={t('enrolments.search.label')} description={t('enrolments.search.help')} value={text} onChange={setText} error={fieldError} />
        <div className="button-row"><Button type="submit">{t('enrolments.search.submit')}</Button></div>
      </form>
      {fieldError ? null : <QueryFallback query={found} />}
      {found.data && children.length === 0 ? <Paragraph>{t('enrolments.search.none')}</Paragraph> : null}
      {children.length > 0 ? (
        <TableScroll label={t('enrolments.search.caption')}>
          <Table zebra className="data-table">
            <caption className="sr-only">{t('enrolments.search.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('enrolments.search.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('enrolments.search.born')}</Table.HeaderCell>
                {found.data?.abilities.noteWorry ? <Table.HeaderCell>{t('enrolments.search.action')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {children.map((c) => (
                <Table.Row key={c.personId}>
                  <Table.Cell>{c.givenName} {c.familyName}</Table.Cell>
                  <Table.Cell>{formatDate(c.birthDate)}</Table.Cell>
                  {found.data?.abilities.noteWorry ? (
                    <Table.Cell>
                      <Button variant="secondary" data-size="sm" onClick={() => setChosen(c)}>{t('enrolments.worry.open', { name: `${c.givenName} ${c.familyName}` })}</Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {chosen ? <WorryForm key={chosen.personId} child={chosen} onClose={() => setChosen(null)} /> : null}
    </section>
  );
}

export function EnrolledPage() {
  const { t } = useI18n();
  return (
    <Page title={t('enrolments.title')}>
      <Paragraph>{t('enrolments.intro')}</Paragraph>
      <Search />
      <section aria-labelledby="enrolment-import" className="page-section">
        <Heading level={2} data-size="sm" id="enrolment-import">{t('enrolments.import.heading')}</Heading>
        <CsvImportForm<ImportEnrolmentsResponse> name="enrolment" texts="enrolments.import" url="/api/enrolments/imports" columns={COLUMNS} example={EXAMPLE}
          done={(result) => t('enrolments.import.done', { added: result.added, updated: result.updated })} />
      </section>
    </Page>
  );
}
