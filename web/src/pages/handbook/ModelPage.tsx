// The public model (den visualiserte modellen): the levels 0–3 of the action guide with their steps,
// and the municipality's teams, drawn from the API's answer — the published guide and the team
// configuration — so it changes when either does. The diagram is HTML and CSS with real links (a
// keyboard reaches every step and team; the arrow between levels is decoration); a text version
// follows it for screen readers and anyone who prefers a list. It prints on one A4 page.
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { PublicModel } from '../../../../common/contracts/handbook.ts';
import './handbook.css';

type Team = PublicModel['teams'][number];
type ModelLink = PublicModel['levels'][number]['steps'][number]['links'][number];

function InAppOrOut({ link }: { link: ModelLink }) {
  // Handbook pages open in the app; forms (a PDF) and outside pages are ordinary links.
  return link.kind === 'handbook'
    ? <Link asChild><RouterLink to={link.url}>{link.label}</RouterLink></Link>
    : <Link href={link.url}>{link.label}</Link>;
}

function useTeamAges() {
  const { t } = useI18n();
  return (team: Team) => {
    // A team for the first year (0–11 months) is "up to 1 year", as its name says.
    const to = Math.max(1, Math.floor(team.ageToMonths / 12));
    return team.ageFromMonths < 0 ? t('handbook.model.agesPregnancy', { to }) : t('handbook.model.ages', { from: Math.floor(team.ageFromMonths / 12), to });
  };
}

/** The catalogue's services for the team's ages (the catalogue filters by one age: the middle of the range). */
const servicesFor = (team: Team) => `/tjenester?age=${Math.max(0, Math.floor((Math.max(0, team.ageFromMonths) + team.ageToMonths) / 24))}`;

export function ModelPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const code = params.get('kommune');
  const model = useApiQuery<PublicModel>(`/api/model${code ? `?municipality=${encodeURIComponent(code)}` : ''}`);
  const ages = useTeamAges();
  const m = model.data;
  if (!m) return <QueryFallback query={model} />;
  const levelName = (level: number) => t(`cases.ui.level${level}` as 'cases.ui.level0');
  const kinds = (['early_intervention', 'system_level'] as const).map((kind) => ({ kind, teams: m.teams.filter((x) => x.kind === kind) }));

  return (
    <Page title={t('handbook.model.title', { municipality: m.municipality.name })} lead={<Paragraph className="lead">{t('handbook.model.intro')}</Paragraph>}>
      <div className="button-row no-print">
        <Button type="button" variant="secondary" onClick={() => window.print()}>{t('handbook.model.print')}</Button>
        <Link asChild><RouterLink to="/tjenester">{t('handbook.model.allServices')}</RouterLink></Link>
      </div>
      {m.guideVersion && m.publishedAt ? <Paragraph data-size="sm">{t('handbook.model.version', { version: m.guideVersion, date: formatDate(m.publishedAt) })}</Paragraph> : <Paragraph>{t('handbook.model.noGuide')}</Paragraph>}

      <figure className="model" aria-labelledby="model-diagram">
        <figcaption id="model-diagram" className="model__caption">{t('handbook.model.diagram')}</figcaption>
        <ol className="model__levels">
          {m.levels.map((l) => (
            <li key={l.level} className={`model__level model__level--${l.level}`} aria-labelledby={`model-level-${l.level}`}>
              <h2 className="model__level-name" id={`model-level-${l.level}`}>
                <span className="model__level-number">{t('handbook.model.level', { level: l.level })}</span> {levelName(l.level)}
              </h2>
              <ol className="model__steps">
                {l.steps.map((s) => (
                  <li key={s.stepKey} className="model__step" data-testid={`model-step-${s.stepKey}`}>
                    <span className="model__step-title">{s.title}</span>
                    {s.links.length ? (
                      <ul className="model__links" aria-label={t('handbook.model.stepLinks', { title: s.title })}>
                        {s.links.map((link) => <li key={link.url}><InAppOrOut link={link} /></li>)}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
        <svg className="model__arrow" viewBox="0 0 400 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <defs><linearGradient id="model-grad" x1="0" x2="1"><stop offset="0" stopColor="#c7e3c7" /><stop offset="1" stopColor="#1e5a96" /></linearGradient></defs>
          <polygon points="0,4 380,4 380,0 400,10 380,20 380,16 0,16" fill="url(#model-grad)" />
        </svg>
        <div className="model__teams">
          {kinds.map(({ kind, teams }) => (
            <section key={kind} className={`model__team-group model__team-group--${kind}`} aria-labelledby={`model-teams-${kind}`}>
              <h2 className="model__team-kind" id={`model-teams-${kind}`}>{t(`handbook.model.teamKind.${kind}`)}</h2>
              <ul className="model__team-list">
                {teams.map((team) => (
                  <li key={team.id} className="model__team">
                    <span className="model__team-name">{team.name}</span>
                    <span className="model__team-meta">{ages(team)} · {team.area ? t('handbook.model.area', { area: team.area }) : t('handbook.model.wholeMunicipality')}</span>
                    <span className="model__team-links">
                      {team.page ? <Link asChild><RouterLink to={`/handbok/${team.page.slug}`}>{t('handbook.model.readMore', { title: team.page.title })}</RouterLink></Link> : null}
                      {kind === 'early_intervention' ? <Link asChild><RouterLink to={servicesFor(team)}>{t('handbook.model.services')}</RouterLink></Link> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </figure>

      <section aria-labelledby="model-text" className="page-section model-text">
        <Heading level={2} data-size="sm" id="model-text">{t('handbook.model.textVersion')}</Heading>
        <ol>
          {m.levels.map((l) => (
            <li key={l.level}>
              {t('cases.ui.levelName', { level: l.level, name: levelName(l.level) })} ({t('handbook.model.steps', { count: l.steps.length })})
              <ol>
                {l.steps.map((s) => (
                  <li key={s.stepKey}>{s.title}{s.body ? `: ${s.body}` : ''}</li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
        <Heading level={3} data-size="xs">{t('handbook.model.teams')}</Heading>
        <ul>
          {m.teams.map((team) => <li key={team.id}>{t(`handbook.model.teamKind.${team.kind}`)}: {team.name} ({ages(team)})</li>)}
        </ul>
      </section>
    </Page>
  );
}
