// Writing a handbook page: the address (for a new page), who may read it, which kind of team it
// describes (the public model links those teams to it), the title and rich text in bokmål and
// optionally nynorsk and English. Saving makes a new draft version; the draft is sent for review
// and then published, by the buttons the API's abilities allow. Every version is listed with who
// wrote, reviewed and published it, and the action guide's steps that point to the page.
import { Button, Card, Fieldset, Heading, Link, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import { PAGE_VISIBILITIES, type PageVisibility } from '../../../../common/handbook.ts';
import type { Language } from '../../../../common/roles.ts';
import type { AdminPage, PageStateChanged } from '../../../../common/contracts/handbook.ts';
import type { Saved } from '../../../../common/contracts/shared.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, Loading, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { LANGUAGE_NAMES, useI18n } from '../../i18n.tsx';
import './handbook.css';

const LANGS: Language[] = ['nb', 'nn', 'en'];
type Texts = Record<Language, { title: string; html: string }>;
const emptyTexts = (): Texts => ({ nb: { title: '', html: '' }, nn: { title: '', html: '' }, en: { title: '', html: '' } });
const TEAM_KINDS = ['early_intervention', 'system_level'] as const;
// The editor (ProseMirror) is the heaviest part of the page: it comes in its own chunk, after the form.
const RichTextEditor = lazy(() => import('./RichTextEditor.tsx').then((m) => ({ default: m.RichTextEditor })));

export function PageEditorPage() {
  const { id } = useParams();
  const isNew = !id;
  const loaded = useApiQuery<AdminPage>(isNew ? null : `/api/admin/handbook/pages/${id}`);
  if (!isNew && !loaded.data) return <QueryFallback query={loaded} />;
  return <Editor key={id ?? 'new'} page={loaded.data ?? null} />;
}

function Editor({ page }: { page: AdminPage | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [slug, setSlug] = useState('');
  const [visibility, setVisibility] = useState<PageVisibility>(page?.visibility ?? 'public');
  const [aboutTeamKind, setAboutTeamKind] = useState<string>(page?.aboutTeamKind ?? '');
  const [texts, setTexts] = useState<Texts>(page?.texts ?? emptyTexts());
  const [changeNote, setChangeNote] = useState('');
  const [message, setMessage] = useState('');
  const form = useSubmit<Saved>('page');
  const step = useSubmit<PageStateChanged>('page-state');
  useEffect(() => {
    if (!page) return;
    setVisibility(page.visibility);
    setAboutTeamKind(page.aboutTeamKind ?? '');
    setTexts(page.texts);
  }, [page]);

  const setText = (lang: Language, change: Partial<Texts[Language]>) => setTexts((all) => ({ ...all, [lang]: { ...all[lang], ...change } }));
  const body = {
    visibility,
    aboutTeamKind: aboutTeamKind || null,
    texts: Object.fromEntries(LANGS.filter((l) => l === 'nb' || texts[l].title || texts[l].html).map((l) => [l, texts[l]])),
    changeNote: changeNote || undefined,
  };
  const save = (event: FormEvent) => {
    if (!page) {
      void form.run(event, '/api/admin/handbook/pages', { slug, ...body }, (r) => {
        void navigate(`/admin/handbok/${r.id}`);
      });
    } else {
      void form.run(event, `/api/admin/handbook/pages/${page.id}`, { baseVersion: page.version, ...body }, (r) => {
        setMessage(t('handbook.admin.saved', { version: r.version }));
        setChangeNote('');
      }, 'PUT');
    }
  };
  const advance = (action: 'review' | 'publish') => {
    if (!page) return;
    void step.send({ url: `/api/admin/handbook/pages/${page.id}/${action}`, body: { version: page.version }, onDone: (r) => {
      setMessage(t(action === 'review' ? 'handbook.admin.submitted' : 'handbook.admin.publishedMessage', { version: r.version }));
    } });
  };
  const title = page ? (page.texts.nb.title || t('handbook.admin.newPage')) : t('handbook.admin.newPage');

  return (
    <>
      <Paragraph className="back-link"><Link asChild><RouterLink to="/admin/handbok">{t('handbook.admin.title')}</RouterLink></Link></Paragraph>
      <Page title={title}>
        <LiveMessage>{message || null}</LiveMessage>
        {page ? (
          <div className="button-row">
            <Tag data-color={page.state === 'published' ? 'success' : page.state === 'review' ? 'warning' : 'neutral'}>{t('handbook.admin.state', { state: t(`handbook.admin.state.${page.state}`) })}</Tag>
            {page.publishedVersion ? <Link asChild><RouterLink to={`/handbok/${page.slug}`}>{t('handbook.admin.open')}</RouterLink></Link> : null}
          </div>
        ) : null}
        <form className="form" noValidate onSubmit={save}>
          <FormErrors error={form.error} form="page" attempt={form.attempt} labelFor={(f) => (f === 'slug' ? t('handbook.admin.slug') : f.startsWith('texts.') ? t('handbook.admin.body', { lang: LANGUAGE_NAMES[(f.split('.')[1] ?? 'nb') as Language] ?? '' }) : null)} />
          {page ? null : <TextField id={form.id('slug')} label={t('handbook.admin.slug')} description={t('handbook.admin.slugHelp')} value={slug} onChange={setSlug} width="medium" error={form.errors.slug} />}
          <Fieldset className="form-fieldset" id={form.id('visibility')}>
            <Fieldset.Legend>{t('handbook.admin.visibility')}</Fieldset.Legend>
            {PAGE_VISIBILITIES.map((v) => (
              <Radio key={v} id={form.id(`visibility-${v}`)} name="page-visibility" value={v} label={t(`handbook.admin.visibility.${v}`)} checked={visibility === v} onChange={() => setVisibility(v)} />
            ))}
          </Fieldset>
          <SelectField id={form.id('aboutTeamKind')} label={t('handbook.admin.aboutTeamKind')} value={aboutTeamKind} onChange={setAboutTeamKind}
            options={[{ value: '', label: t('handbook.admin.aboutTeamKind.none') }, ...TEAM_KINDS.map((k) => ({ value: k, label: t(`handbook.admin.aboutTeamKind.${k}`) }))]} />
          {LANGS.map((lang) => (
            <Card key={lang} className="page-section" data-color="neutral">
              <Heading level={2} data-size="xs">{LANGUAGE_NAMES[lang]}</Heading>
              {lang !== 'nb' ? <Paragraph data-size="sm">{t('handbook.admin.optionalLanguage')}</Paragraph> : null}
              <TextField id={form.id(`texts.${lang}.title`)} label={t('handbook.admin.pageTitle', { lang: LANGUAGE_NAMES[lang] })} optional={lang !== 'nb'} value={texts[lang].title}
                onChange={(v) => setText(lang, { title: v })} error={form.errors[`texts.${lang}.title`]} />
              <p className="ds-label" id={`page-body-${lang}-label`}>{t('handbook.admin.body', { lang: LANGUAGE_NAMES[lang] })}</p>
              <Suspense fallback={<Loading />}>
                <RichTextEditor id={form.id(`texts.${lang}.html`)} labelId={`page-body-${lang}-label`} value={texts[lang].html} onChange={(html) => setText(lang, { html })} invalid={Boolean(form.errors[`texts.${lang}.html`])} />
              </Suspense>
              {form.errors[`texts.${lang}.html`] ? <Paragraph data-size="sm" data-color="danger" className="field-error">{form.errors[`texts.${lang}.html`]}</Paragraph> : null}
            </Card>
          ))}
          <TextField id={form.id('changeNote')} label={t('handbook.admin.changeNote')} optional value={changeNote} onChange={setChangeNote} error={form.errors.changeNote} />
          <div className="button-row form-actions">
            <Button type="submit" disabled={form.busy}>{t('handbook.admin.save')}</Button>
          </div>
        </form>
        {page ? (
          <>
            <FormErrors error={step.error} form="page-state" attempt={step.attempt} labelFor={() => null} />
            <div className="button-row">
              {page.state === 'draft' && page.abilities.edit ? <Button type="button" variant="secondary" disabled={step.busy} onClick={() => advance('review')}>{t('handbook.admin.submitReview')}</Button> : null}
              {page.state === 'review' && page.abilities.publish ? <Button type="button" disabled={step.busy} onClick={() => advance('publish')}>{t('handbook.admin.publish')}</Button> : null}
            </div>
            <section aria-labelledby="page-linked" className="page-section">
              <Heading level={2} data-size="sm" id="page-linked">{t('handbook.ui.linkedFrom')}</Heading>
              {page.linkedFrom.length === 0 ? <Paragraph data-size="sm">{t('handbook.ui.linkedFromNone')}</Paragraph> : (
                <ul>{page.linkedFrom.map((s) => <li key={`${s.level}:${s.stepKey}`}>{t('handbook.ui.stepLine', { level: s.level, title: s.title })}</li>)}</ul>
              )}
            </section>
            <section aria-labelledby="page-history" className="page-section">
              <Heading level={2} data-size="sm" id="page-history">{t('handbook.admin.history')}</Heading>
              <ul className="plain-list">
                {page.history.map((v) => (
                  <li key={v.version}>
                    {t('handbook.admin.historyLine', { version: v.version, state: t(`handbook.admin.state.${v.state}`), date: formatDateTime(v.createdAt), name: v.createdBy ?? '–' })}
                    {v.submittedBy ? `, ${t('handbook.admin.historySubmitted', { name: v.submittedBy })}` : ''}
                    {v.publishedAt ? `, ${t('handbook.admin.historyPublished', { date: formatDate(v.publishedAt), name: v.publishedBy ?? '–' })}` : ''}
                    {v.changeNote ? ` – ${v.changeNote}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          </>
        ) : null}
      </Page>
    </>
  );
}
