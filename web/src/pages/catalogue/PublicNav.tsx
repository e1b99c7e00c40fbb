// The menu of a visitor who is not signed in: the public service catalogue, the public model and
// handbook, and the sign-in page.
import { NavLink } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import './catalogue.css';

export function PublicNav() {
  const { t } = useI18n();
  const links = [
    { to: '/tjenester', label: t('catalogue.nav.findHelp') },
    { to: '/tjenester/veileder', label: t('catalogue.nav.guide') },
    { to: '/ung', label: t('catalogue.nav.youth') },
    { to: '/modell', label: t('handbook.nav.model') },
    { to: '/handbok', label: t('handbook.nav.handbook') },
    { to: '/', label: t('catalogue.nav.signIn') },
  ];
  return (
    <nav className="app-nav public-nav" aria-label={t('catalogue.nav.label')}>
      <ul className="container app-nav__list">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end className="app-nav__link">{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
