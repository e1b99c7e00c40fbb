// The digital handbook (digital håndbok): its published pages, and a search that forgives typos
// and word forms as the catalogue's does. Open to everyone; staff also see the pages marked for
// staff only (the server decides which pages a reader gets).
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { TextField } from '../../components/Fields.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { PageSearch } from '../../../../common/contracts/handbook.ts';
import './handbook.css';

export function HandbookPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const result = useApiQuery<PageSearch>(`/api/handbook/pages${q ? `?q=${encodeURIComponent(q)}` : ''}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <Page title={t('handbook.ui.title')} lead={<Paragraph data-size="lg" className="lead">{t('handbook.ui.intro')}</Paragraph>}>
      <form role="search" className="form handbook-search" onSubmit={submit}>
        <TextField id="handbook-q" label={t('handbook.ui.search')} value={text} onChange={setText} type="search" />
        <div className="button-row"><Button type="submit">{t('handbook.ui.searchButton')}</Button></div>
      </form>
      <QueryFallback query={result} />
      {result.data?.alsoSearchedFor.length ? <Paragraph data-size="sm">{t('handbook.ui.alsoSearched', { words: result.data.alsoSearchedFor.join(', ') })}</Paragraph> : null}
      {result.data && result.data.pages.length === 0 ? <Paragraph>{t('handbook.ui.noResults')}</Paragraph> : null}
      <ul className="plain-list handbook-list" aria-live="polite">
        {result.data?.pages.map((p) => (
          <li key={p.slug}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs"><Link asChild><RouterLink to={`/handbok/${p.slug}`}>{p.title}</RouterLink></Link></Heading>
              {p.visibility === 'staff' ? <Tag data-color="warning">{t('handbook.ui.staffOnly')}</Tag> : null}
              <Paragraph data-size="sm">{p.excerpt}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </Page>
  );
}
