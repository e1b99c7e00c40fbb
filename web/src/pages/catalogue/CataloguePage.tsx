// "Finn hjelp": the public catalogue, open without sign-in. Navigation by whom it is for and by life
// situation (seed 002: "til deg selv, til dine barn eller som pårørende"), a search that forgives
// typos, and an age filter. The choices live in the address, so back, forward and links work.
import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { AUDIENCES } from '../../../../common/catalogue.ts';
import { query } from '../../api.ts';
import { TextField } from '../../components/Fields.tsx';
import { fieldErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { ServiceList, SITUATIONS, useSituationName } from './parts.tsx';
import type { Overview, SearchResult } from '../../../../common/contracts/catalogue.ts';

const FILTERS = ['q', 'situation', 'audience', 'age'] as const;

export function CataloguePage() {
  const { t } = useI18n();
  const situationName = useSituationName();
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [text, setText] = useState(current.q);
  const [age, setAge] = useState(current.age);
  useEffect(() => {
    setText(current.q);
    setAge(current.age);
  }, [current.q, current.age]);

  const overview = useApiQuery<Overview>('/api/catalogue');
  const results = useApiQuery<SearchResult>(`/api/catalogue/services${query(current)}`);
  const errors = fieldErrors(results.error);
  const list = results.data?.services ?? [];
  const active = FILTERS.some((f) => current[f] !== '');

  /** The address with one choice changed; choosing the active one again removes it. */
  const withChoice = (name: 'situation' | 'audience', value: string) => {
    const next = new URLSearchParams(params);
    if (current[name] === value) next.delete(name);
    else next.set(name, value);
    const s = next.toString();
    return s ? `/tjenester?${s}` : '/tjenester';
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [key, value] of [['q', text.trim()], ['age', age.trim()]] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const countText = list.length === 1 ? t('catalogue.results.countOne') : t('catalogue.results.count', { count: list.length });

  const shortcuts = (
    <ul className="catalogue-shortcuts" aria-label={t('catalogue.list.shortcuts')}>
      <li>
        <Card className="shortcut-card" data-color="accent" variant="tinted">
          <Heading level={2} data-size="xs">
            <Link asChild><RouterLink to="/tjenester/veileder">{t('catalogue.list.guideTitle')}</RouterLink></Link>
          </Heading>
          <Paragraph data-size="sm">{t('catalogue.list.guideText')}</Paragraph>
        </Card>
      </li>
      <li>
        <Card className="shortcut-card" data-color="accent" variant="tinted">
          <Heading level={2} data-size="xs">
            <Link asChild><RouterLink to="/ung">{t('catalogue.list.youthTitle')}</RouterLink></Link>
          </Heading>
          <Paragraph data-size="sm">{t('catalogue.list.youthText')}</Paragraph>
        </Card>
      </li>
    </ul>
  );

  return (
    <Page title={t('catalogue.list.title')}>
      <Paragraph data-size="lg" className="lead">
        {overview.data ? t('catalogue.list.lead', { municipality: overview.data.municipality }) : t('catalogue.list.leadGeneric')}
      </Paragraph>
      {/* Before anything is chosen the shortcuts lead the way; once something is, the results come first. */}
      {active ? null : shortcuts}

      <form role="search" className="catalogue-search" noValidate onSubmit={submit}>
        <TextField id="catalogue-q" label={t('catalogue.search.label')} description={t('catalogue.search.hint')} type="search" value={text} onChange={setText} error={errors.q} />
        <TextField id="catalogue-age" label={t('catalogue.filter.age')} description={t('catalogue.filter.ageHint')} optional inputMode="numeric" value={age} onChange={setAge} error={errors.age} />
        <Button type="submit">{t('catalogue.search.button')}</Button>
      </form>

      <div className="catalogue-layout">
      <div className="catalogue-filters">
        <nav aria-labelledby="catalogue-audience">
          <Heading level={2} data-size="2xs" id="catalogue-audience">{t('catalogue.filter.audience')}</Heading>
          <ul className="filter-links">
            {AUDIENCES.map((a) => (
              <li key={a}>
                <RouterLink className="filter-link" to={withChoice('audience', a)} aria-current={current.audience === a ? 'true' : undefined}>
                  {t(`catalogue.audience.${a}`)}
                </RouterLink>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="catalogue-situation">
          <Heading level={2} data-size="2xs" id="catalogue-situation">{t('catalogue.filter.situation')}</Heading>
          <ul className="filter-links">
            {SITUATIONS.map((s) => (
              <li key={s}>
                <RouterLink className="filter-link" to={withChoice('situation', s)} aria-current={current.situation === s ? 'true' : undefined}>
                  {overview.data?.situationCounts[s] !== undefined
                    ? t('catalogue.filter.situationCount', { name: situationName(s), count: overview.data.situationCounts[s] ?? 0 })
                    : situationName(s)}
                </RouterLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section className="page-section" aria-labelledby="catalogue-results">
        <Heading level={2} data-size="sm" id="catalogue-results">{t('catalogue.results.heading')}</Heading>
        <div role="status" className="result-status">
          {results.data ? (
            <Paragraph>
              {current.q ? t('catalogue.results.forQuery', { query: current.q, count: countText }) : countText}
              {results.data.alsoSearchedFor.length ? ` ${t('catalogue.results.alsoSearched', { words: results.data.alsoSearchedFor.join(', ') })}` : ''}
            </Paragraph>
          ) : null}
        </div>
        {active ? (
          <Paragraph>
            <Link asChild><RouterLink to="/tjenester">{t('catalogue.filter.clear')}</RouterLink></Link>
          </Paragraph>
        ) : null}
        <QueryFallback query={results} />
        {results.data && list.length === 0 ? <Paragraph>{t('catalogue.results.none')}</Paragraph> : null}
        {list.length > 0 ? <ServiceList services={list} label={t('catalogue.results.heading')} /> : null}
      </section>
      </div>
    </Page>
  );
}
