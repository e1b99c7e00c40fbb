// The auditor's view of the access log: who did what to whose data, when, why and whether it was
// allowed. Search by name, action, outcome and period; 50 events a page.
import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../common/i18n/core.ts';
import domainTexts from '../../../common/i18n/nb/domain.json' with { type: 'json' };
import { query } from '../api.ts';
import { toIsoDate } from '../dates.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { fieldErrors, fieldId, FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { AuditEvent, AuditPage as AuditResult } from '../../../common/contracts/audit.ts';

/** Every action the server records has its text in domain.json (server/modules/audit/presentation.ts). */
const ACTIONS = Object.keys(domainTexts).filter((k) => k.startsWith('action.')).map((k) => k.slice('action.'.length));

interface Search {
  q: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
  page: number;
}

const FORM = 'audit';

export function AuditPage() {
  const { t, tx } = useI18n();
  const [form, setForm] = useState<Omit<Search, 'page'>>({ q: '', action: '', outcome: '', from: '', to: '' });
  const [search, setSearch] = useState<Search>({ q: '', action: '', outcome: '', from: '', to: '', page: 1 });
  const [attempt, setAttempt] = useState(0);
  const url = `/api/audit/events${query({ q: search.q.trim(), action: search.action, outcome: search.outcome, from: toIsoDate(search.from), to: toIsoDate(search.to), page: search.page > 1 ? search.page : undefined })}`;
  const result = useApiQuery<AuditResult>(url);
  const error = result.error;
  const errors = fieldErrors(error);
  const labels: Record<string, string> = {
    q: t('ui.audit.q'), action: t('ui.audit.action'), outcome: t('ui.audit.outcome'), from: t('ui.audit.from'), to: t('ui.audit.to'),
  };
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { ...form, page: 1 };
    // The same search again fetches again (new events may have come).
    if (JSON.stringify(next) === JSON.stringify(search)) void result.refetch();
    setSearch(next);
    setAttempt((a) => a + 1);
  };
  const actionName = (action: string) => tx(`domain.action.${action}`, action);
  const events = result.data?.events ?? [];
  const subject = (e: AuditEvent) => e.subjectName ?? (e.entityType ? tx(`ui.audit.entity.${e.entityType}`, e.entityType) : '–');

  return (
    <Page title={t('ui.audit.title')}>
      <Paragraph>{t('ui.audit.intro')}</Paragraph>
      <Paragraph>{t('ui.audit.qHint')}</Paragraph>
      <form className="form search-form" noValidate onSubmit={submit} role="search" aria-label={t('ui.audit.searchLabel')}>
        <FormErrors error={error && error.fields.length > 0 ? error : null} form={FORM} labelFor={(f) => labels[f] ?? null} attempt={attempt} />
        <div className="search-form__grid">
          <TextField id={fieldId(FORM, 'q')} label={labels.q!} type="search" value={form.q} onChange={set('q')} error={errors.q} />
          <SelectField
            id={fieldId(FORM, 'action')}
            label={labels.action!}
            value={form.action}
            onChange={set('action')}
            placeholder={t('ui.audit.allActions')}
            options={ACTIONS.map((a) => ({ value: a, label: actionName(a) }))}
            error={errors.action}
          />
          <SelectField
            id={fieldId(FORM, 'outcome')}
            label={labels.outcome!}
            value={form.outcome}
            onChange={set('outcome')}
            placeholder={t('ui.audit.allOutcomes')}
            options={['allowed', 'denied'].map((o) => ({ value: o, label: tx(`domain.outcome.${o}`, o) }))}
            error={errors.outcome}
          />
          <DateField id={fieldId(FORM, 'from')} label={labels.from!} description={t('ui.form.dateShortHint')} value={form.from} onChange={set('from')} error={errors.from} />
          <DateField id={fieldId(FORM, 'to')} label={labels.to!} description={t('ui.form.dateShortHint')} value={form.to} onChange={set('to')} error={errors.to} />
          <div className="search-form__submit">
            <Button type="submit">{t('ui.audit.search')}</Button>
          </div>
        </div>
      </form>

      <div role="status" className="result-status">
        {result.isFetching ? <Paragraph data-size="sm">{t('ui.common.loading')}</Paragraph> : result.data ? (
          <Paragraph data-size="sm">
            {events.length === 0 ? t('ui.audit.noResults') : t('ui.audit.resultPage', { page: result.data.page, count: events.length })}
          </Paragraph>
        ) : null}
      </div>
      {error && error.fields.length === 0 ? <FormErrors error={error} form={FORM} labelFor={() => null} attempt={attempt} /> : null}

      {events.length > 0 ? (
        <TableScroll label={t('ui.audit.tableCaption')}>
          <Table zebra className="data-table data-table--wide">
            <caption className="sr-only">{t('ui.audit.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('ui.audit.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.audit.actor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.audit.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.audit.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.audit.purpose')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.audit.outcome')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell className="nowrap">{formatDateTime(e.occurredAt)}</Table.Cell>
                  <Table.Cell>
                    <span className="cell-strong">{e.actorName ?? t('ui.audit.unknownActor')}</span>
                    <span className="cell-meta">
                      {e.actorRole ? tx(`domain.role.${e.actorRole}`, e.actorRole) : e.actorKind === 'citizen' ? t('domain.role.citizen') : ''}
                      {e.actorUnit ? `, ${e.actorUnit}` : ''}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{subject(e)}</Table.Cell>
                  <Table.Cell>{e.what}</Table.Cell>
                  <Table.Cell>{e.purpose ? tx(`domain.purpose.${e.purpose}`, e.purpose) : '–'}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={e.outcome === 'denied' ? 'danger' : 'success'} data-size="sm">{tx(`domain.outcome.${e.outcome}`, e.outcome)}</Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      {result.data && (result.data.page > 1 || result.data.hasMore) ? (
        <nav className="pager" aria-label={t('ui.audit.paging')}>
          <Button type="button" variant="secondary" disabled={result.data.page <= 1} onClick={() => setSearch((s) => ({ ...s, page: s.page - 1 }))}>
            {t('ui.audit.previous')}
          </Button>
          <span>{t('ui.audit.pageN', { page: result.data.page })}</span>
          <Button type="button" variant="secondary" disabled={!result.data.hasMore} onClick={() => setSearch((s) => ({ ...s, page: s.page + 1 }))}>
            {t('ui.audit.next')}
          </Button>
        </nav>
      ) : null}
    </Page>
  );
}
