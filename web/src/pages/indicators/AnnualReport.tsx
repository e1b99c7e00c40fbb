// The annual status report (seed 003: Hva | 0-punkt | Mål | Status | Forbedring) for a chosen year:
// the table, each indicator's trend with a table as its text equivalent, the breakdown per team,
// kindergarten/school or service type, and the PDF and CSV. Figures arrive already suppressed; the
// page only puts them in words (components/Figure.tsx).
import { Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { lazy, Suspense, useState } from 'react';
import { Page } from '../../components/Page.tsx';
import { SelectField } from '../../components/Fields.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { useFigures, type Cell } from '../../components/Figure.tsx';
import type { AnnualReportResponse, ReportRow } from '../../../../common/contracts/indicators.ts';
import { thisYearInNorway } from '../../dates.ts';

function useCellText() {
  const f = useFigures();
  const { lang } = useI18n();
  const signed = (n: number, unit: ReportRow['indicator']['unit']) => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n)}${unit === 'share' ? ' %' : ''}`;
  return {
    cell: (c: Cell | null, unit: ReportRow['indicator']['unit']) => {
      const text = f.decimal(c);
      return c && 'value' in c && unit === 'share' ? `${text} %` : text;
    },
    signed,
  };
}

// The charting library comes in its own chunk once a report is there to draw.
const TrendChart = lazy(() => import('./TrendChart.tsx').then((m) => ({ default: m.TrendChart })));

function Trend({ row }: { row: ReportRow }) {
  const { t } = useI18n();
  const { cell } = useCellText();
  return (
    <>
      <Suspense fallback={null}>
        <TrendChart row={row} describe={(c) => cell(c, row.indicator.unit)} format={(n) => cell({ value: n }, row.indicator.unit)} />
      </Suspense>
      <details className="trend">
        <summary>{t('indicators.ui.trend', { name: row.indicator.name })}</summary>
        <Table data-size="sm" className="data-table">
          <caption className="sr-only">{t('indicators.ui.trend', { name: row.indicator.name })}</caption>
          <Table.Head><Table.Row><Table.HeaderCell>{t('indicators.ui.year')}</Table.HeaderCell><Table.HeaderCell>{t('indicators.report.status')}</Table.HeaderCell></Table.Row></Table.Head>
          <Table.Body>
            {row.trend.map((p) => <Table.Row key={p.year}><Table.Cell>{p.year}</Table.Cell><Table.Cell>{cell(p.value, row.indicator.unit)}</Table.Cell></Table.Row>)}
          </Table.Body>
        </Table>
      </details>
    </>
  );
}

function ReportTable({ report }: { report: AnnualReportResponse }) {
  const { t } = useI18n();
  const { cell, signed } = useCellText();
  const yesNo = (b: boolean | null) => (b === null ? '–' : <Tag data-color={b ? 'success' : 'warning'}>{t(b ? 'indicators.report.yes' : 'indicators.report.no')}</Tag>);
  const base = (r: ReportRow) => cell({ value: r.baseline.value }, r.indicator.unit);
  return (
    <TableScroll label={t('indicators.ui.reportCaption', { year: report.year })}>
      <Table className="data-table report-table" data-testid="annual-report">
        <caption className="sr-only">{t('indicators.ui.reportCaption', { year: report.year })}</caption>
        <Table.Head>
          <Table.Row>
            {(['what', 'baseline', 'target', 'status', 'changeFromBaseline', 'changeFromPrevious', 'targetMet'] as const).map((k) => <Table.HeaderCell key={k}>{t(`indicators.report.${k}`)}</Table.HeaderCell>)}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {report.rows.map((r) => (
            <Table.Row key={r.indicator.id} data-testid="report-row">
              <Table.Cell><strong>{r.indicator.name}</strong><div className="cell-meta">{r.indicator.definition}</div></Table.Cell>
              <Table.Cell>{base(r)} ({r.baseline.year})</Table.Cell>
              <Table.Cell>{r.target ? cell({ value: r.target.value }, r.indicator.unit) : '–'}</Table.Cell>
              <Table.Cell>{cell(r.status, r.indicator.unit)}</Table.Cell>
              <Table.Cell>{r.changeFromBaseline === null ? '–' : signed(r.changeFromBaseline, r.indicator.unit)}</Table.Cell>
              <Table.Cell>{r.changeFromPrevious === null ? '–' : signed(r.changeFromPrevious, r.indicator.unit)}</Table.Cell>
              <Table.Cell>{yesNo(r.targetMet)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function Breakdowns({ report }: { report: AnnualReportResponse }) {
  const { t } = useI18n();
  const { cell } = useCellText();
  return (
    <>
      {report.rows.map((r) => (
        <section key={r.indicator.id} className="page-section" aria-labelledby={`ind-${r.indicator.id}`}>
          <Heading level={3} data-size="xs" id={`ind-${r.indicator.id}`}>{r.indicator.name}</Heading>
          <Trend row={r} />
          {r.breakdown.length ? (
            <TableScroll label={t('indicators.ui.breakdown', { name: r.indicator.name })}>
              <Table data-size="sm" className="data-table" data-testid="breakdown">
                <caption className="sr-only">{t('indicators.ui.breakdown', { name: r.indicator.name })}</caption>
                <Table.Head><Table.Row><Table.HeaderCell>{t(`indicators.ui.scope.${r.breakdown[0]!.scopeKind}`)}</Table.HeaderCell><Table.HeaderCell>{t('indicators.report.status')}</Table.HeaderCell></Table.Row></Table.Head>
                <Table.Body>
                  {r.breakdown.map((b) => <Table.Row key={b.key}><Table.Cell>{b.name}</Table.Cell><Table.Cell>{cell(b.value, r.indicator.unit)}</Table.Cell></Table.Row>)}
                </Table.Body>
              </Table>
            </TableScroll>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function AnnualReportPage() {
  const { t } = useI18n();
  const thisYear = thisYearInNorway();
  const [year, setYear] = useState(String(thisYear - 1));
  const report = useApiQuery<AnnualReportResponse>(`/api/indicators/report?year=${year}`);
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  return (
    <Page title={t('indicators.ui.reportTitle')}>
      <div className="no-print">
        <SelectField id="report-year" label={t('indicators.ui.year')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: y }))} />
      </div>
      <QueryFallback query={report} />
      {report.data ? (
        <>
          <Heading level={2} data-size="sm">{t('indicators.report.title', { year: report.data.year })}</Heading>
          <Paragraph data-size="sm">{t('indicators.report.suppressionNote', { n: report.data.suppressionThreshold })}</Paragraph>
          {report.data.rows.length === 0 ? <Paragraph>{t('indicators.ui.noRows')}</Paragraph> : <ReportTable report={report.data} />}
          <div className="button-row no-print">
            <Link href={`/api/indicators/report.pdf?year=${report.data.year}`} download>{t('indicators.ui.downloadPdf')}</Link>
            <Link href={`/api/indicators/report.csv?year=${report.data.year}`} download>{t('indicators.ui.downloadCsv')}</Link>
            <Button type="button" variant="tertiary" onClick={() => window.print()}>{t('indicators.ui.print')}</Button>
          </div>
          <Breakdowns report={report.data} />
        </>
      ) : null}
    </Page>
  );
}
