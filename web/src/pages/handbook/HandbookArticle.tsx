// One published handbook page, in the reader's language where it is written (bokmål otherwise),
// with the action guide's steps that point to it. The HTML was sanitised when it was stored (the
// server refuses anything that could run), so it is shown as it is.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { PublishedPage } from '../../../../common/contracts/handbook.ts';
import './handbook.css';

export function HandbookArticle() {
  const { t, lang } = useI18n();
  const { slug = '' } = useParams();
  const page = useApiQuery<PublishedPage>(`/api/handbook/pages/${encodeURIComponent(slug)}`);
  const back = (
    <Paragraph className="back-link"><Link asChild><RouterLink to="/handbok">{t('handbook.ui.back')}</RouterLink></Link></Paragraph>
  );
  const p = page.data;
  if (!p) {
    return (
      <>
        {back}
        <QueryFallback query={page} />
      </>
    );
  }
  return (
    <>
      {back}
      <Page title={p.title}>
        <div className="button-row">
          {p.visibility === 'staff' ? <Tag data-color="warning">{t('handbook.ui.staffOnly')}</Tag> : null}
          <Tag data-color="neutral">{t('handbook.ui.published', { date: formatDate(p.publishedAt), version: p.version })}</Tag>
        </div>
        {p.lang !== lang ? <Paragraph data-size="sm">{t('handbook.ui.onlyBokmal')}</Paragraph> : null}
        <div className="handbook-body prose" lang={p.lang} dangerouslySetInnerHTML={{ __html: p.html }} />
        <section aria-labelledby="handbook-linked" className="page-section">
          <Heading level={2} data-size="xs" id="handbook-linked">{t('handbook.ui.linkedFrom')}</Heading>
          {p.linkedFrom.length === 0 ? <Paragraph data-size="sm">{t('handbook.ui.linkedFromNone')}</Paragraph> : (
            <ul>
              {p.linkedFrom.map((s) => <li key={`${s.level}:${s.stepKey}`}>{t('handbook.ui.stepLine', { level: s.level, title: s.title })}</li>)}
            </ul>
          )}
        </section>
      </Page>
    </>
  );
}
