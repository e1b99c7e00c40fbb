// "Fravær" for kindergarten and school staff: the contact teacher's pupils above 10 % absence with
// weak progress, each with the action guide's first step and a link to the child; and the import of
// the unit's absence figures from a CSV file, refused whole (and said so up front) if a line is bad.
import { Alert, Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { CsvImportForm } from '../components/CsvImportForm.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useApiQuery } from '../query.tsx';
import type { ImportAbsenceResponse } from '../../../common/contracts/absence.ts';
import { useI18n } from '../i18n.tsx';
import type { ListHighAbsenceResponse } from '../../../common/contracts/absence.ts';

interface GuideStep {
  key: string;
  title: string;
  body: string;
  links: { label: string; url: string }[];
}

type HighAbsence = ListHighAbsenceResponse;

const COLUMNS = ['fodselsnummer', 'fra', 'til', 'fravaer_prosent', 'progresjon', 'kontaktlaerer_epost'] as const;
const EXAMPLE = [
  'fodselsnummer;fra;til;fravaer_prosent;progresjon;kontaktlaerer_epost',
  '12345678901;01.08.2026;31.12.2026;12,5;svak;kontaktlaerer@kommune.no',
  '10987654321;01.08.2026;31.12.2026;3;god;kontaktlaerer@kommune.no',
].join('\n');

function StepLink({ url, label }: { url: string; label: string }) {
  // Handbook pages inside Sammen open in the app; routines elsewhere are ordinary links.
  return url.startsWith('/') ? (
    <Link asChild>
      <RouterLink to={url}>{label}</RouterLink>
    </Link>
  ) : (
    <Link href={url}>{label}</Link>
  );
}

function FirstStep({ step }: { step: GuideStep | null }) {
  const { t } = useI18n();
  if (!step) return <span>{t('notifications.absence.high.noGuide')}</span>;
  return (
    <div className="guide-step">
      <strong>{step.title}</strong>
      {step.links.length > 0 ? (
        <List.Unordered data-size="sm">
          {step.links.map((l) => (
            <List.Item key={l.url}>
              <StepLink url={l.url} label={l.label} />
            </List.Item>
          ))}
        </List.Unordered>
      ) : null}
    </div>
  );
}

function HighAbsenceList({ data }: { data: HighAbsence }) {
  const { t } = useI18n();
  if (data.children.length === 0) return <Paragraph>{t('notifications.absence.high.empty')}</Paragraph>;
  return (
    <TableScroll label={t('notifications.absence.high.tableCaption')}>
      <Table zebra className="data-table">
        <caption className="sr-only">{t('notifications.absence.high.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('notifications.absence.high.child')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.absence.high.period')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.absence.high.percent')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.absence.high.progress')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.absence.high.firstStep')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.children.map((c) => (
            <Table.Row key={c.personId}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/barn/${c.personId}`}>{c.givenName} {c.familyName}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{c.period}</Table.Cell>
              <Table.Cell>{t('notifications.absence.high.percentValue', { percent: c.absencePercentText })}</Table.Cell>
              <Table.Cell>{t(c.progress === 'weak' ? 'notifications.absence.progress.weak' : 'notifications.absence.progress.good')}</Table.Cell>
              <Table.Cell><FirstStep step={data.firstStep} /></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function AbsencePage() {
  const { t } = useI18n();
  const high = useApiQuery<HighAbsence>('/api/absence/high');
  const refused = high.error?.status === 403;
  return (
    <Page title={t('notifications.absence.title')}>
      <Paragraph>{t('notifications.absence.intro')}</Paragraph>
      {refused ? (
        <Alert data-color="info">
          <Paragraph>{t('notifications.absence.notAvailable')}</Paragraph>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="absence-high" className="page-section">
            <Heading level={2} data-size="sm" id="absence-high">{t('notifications.absence.high.heading')}</Heading>
            <Paragraph>{t('notifications.absence.high.intro')}</Paragraph>
            <QueryFallback query={high} />
            {high.data ? <HighAbsenceList data={high.data} /> : null}
          </section>
          <section aria-labelledby="absence-import" className="page-section">
            <Heading level={2} data-size="sm" id="absence-import">{t('notifications.absence.import.heading')}</Heading>
            <CsvImportForm<ImportAbsenceResponse> name="absence" texts="notifications.absence.import" url="/api/absence/imports" columns={COLUMNS} example={EXAMPLE}
              done={(result) => t('notifications.absence.import.done', { count: result.rows })} />
          </section>
        </>
      )}
    </Page>
  );
}
