// The administrator's service catalogue: every service with its draft and published versions, and
// the situation guide's questions (JSON), which the rules refer to.
import { Button, Details, Field, Heading, Label, Link, Paragraph, Table, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import { ApiError } from '../../api.ts';
import { fieldErrors, FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, LoadError, QueryFallback } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useApiPages, useApiQuery, useSubmit } from '../../query.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import type { VersionSaved } from '../../../../common/contracts/shared.ts';
import { useI18n } from '../../i18n.tsx';
import type { AdminGuide, AdminServiceItem, AdminServiceList } from '../../../../common/contracts/catalogue.ts';
import './catalogue.css';

function GuideEditor() {
  const { t } = useI18n();
  const guide = useApiQuery<AdminGuide>('/api/admin/catalogue/guide');
  const [text, setText] = useState('');
  const save = useSubmit<VersionSaved>('guide-admin');
  // A definition that is not JSON never leaves the browser.
  const [notJson, setNotJson] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const error = notJson ?? save.error;
  const attempt = save.attempt + (notJson ? 1 : 0);
  useEffect(() => {
    if (guide.data) setText(JSON.stringify(guide.data.definition, null, 2));
  }, [guide.data]);
  // Every problem is about the one text box.
  const combined = error && error.fields.length
    ? new ApiError(error.status, error.code, error.message, [{ field: 'definition', message: error.fields.map((f) => f.message).join(' ') }])
    : error;
  const errors = fieldErrors(combined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch {
      setNotJson(new ApiError(400, 'VALIDATION', t('ui.form.errorHeading'), [{ field: 'definition', message: t('catalogue.editor.rulesInvalidJson') }]));
      return;
    }
    setNotJson(null);
    setMessage(null);
    await save.send({
      method: 'PUT', url: '/api/admin/catalogue/guide', body: { baseVersion: guide.data?.version ?? 0, definition },
      onDone: (saved) => setMessage(t('catalogue.guideAdmin.saved', { version: saved.version })),
    });
  };

  return (
    <Details className="page-section">
      <Details.Summary>{t('catalogue.guideAdmin.heading')}</Details.Summary>
      <Details.Content>
        <Paragraph>{t('catalogue.guideAdmin.intro')}</Paragraph>
        <LiveMessage>{message}</LiveMessage>
        {guide.error ? <LoadError error={guide.error} /> : null}
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <FormErrors error={combined} form="guide-admin" labelFor={() => t('catalogue.guideAdmin.definition')} attempt={attempt} />
          <Field className="form-field form-field--full json-editor">
            <Label htmlFor="guide-admin-definition">{t('catalogue.guideAdmin.definition')}</Label>
            <Textarea id="guide-admin-definition" rows={16} spellCheck={false} value={text} aria-invalid={errors.definition ? true : undefined} onChange={(e) => setText(e.target.value)} />
            {errors.definition ? <ValidationMessage>{errors.definition}</ValidationMessage> : null}
          </Field>
          <div className="button-row form-actions">
            <Button type="submit" variant="secondary">{t('catalogue.guideAdmin.save')}</Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export function AdminCataloguePage() {
  const { t } = useI18n();
  const loaded = useApiPages('/api/admin/catalogue/services', (page: AdminServiceList) => page.services);
  const list = loaded.items;
  const stateText = (s: AdminServiceItem) =>
    !s.hasDraft ? t('catalogue.admin.state.published', { version: s.latestVersion })
    : s.publishedVersion === null ? t('catalogue.admin.state.unpublished', { version: s.latestVersion })
    : t('catalogue.admin.state.draft', { version: s.latestVersion, published: s.publishedVersion });
  return (
    <Page title={t('catalogue.admin.title')}>
      <Paragraph>{t('catalogue.admin.intro')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/admin/tjenester/ny">{t('catalogue.admin.new')}</RouterLink>
        </Button>
      </div>
      <GuideEditor />
      <section className="page-section" aria-labelledby="catalogue-admin-list">
        <Heading level={2} data-size="sm" id="catalogue-admin-list">{t('catalogue.admin.tableCaption')}</Heading>
        <QueryFallback query={loaded} />
        {list.length ? (
          <TableScroll label={t('catalogue.admin.tableCaption')}>
            <Table zebra className="data-table">
              <caption className="sr-only">{t('catalogue.admin.tableCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('catalogue.admin.col.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('catalogue.admin.col.state')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('catalogue.admin.col.updated')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/admin/tjenester/${s.id}`} aria-label={t('catalogue.admin.edit', { name: s.name })}>{s.name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{stateText(s)}</Table.Cell>
                    <Table.Cell className="nowrap">{formatDateTime(s.updatedAt)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        ) : null}
        <ShowMore more={loaded.more} />
      </section>
    </Page>
  );
}
