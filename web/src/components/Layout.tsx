// The frame of every page: skip link, header (Sammen, the municipality, the user, role and
// language switchers, sign-out), the menu of the active role, and the main content.
import { Button, Field, Label, Select, SkipLink } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, NavLink } from 'react-router';
import type { StaffRole } from '../../../common/roles.ts';
import { LANGUAGES } from '../../../common/roles.ts';
import { useApiQuery } from '../query.tsx';
import { LANGUAGE_NAMES, useI18n } from '../i18n.tsx';
import { PAGE_PATHS, PAGE_TITLES, startPath, type PageKey } from '../navigation.ts';
import { DevMailboxLink, NotificationLink } from './NotificationLink.tsx';
import { useSession } from '../session.tsx';
import { PublicNav } from '../pages/catalogue/PublicNav.tsx';
import type { Principal, StaffPrincipal } from '../../../common/contracts/identity.ts';
import type { Municipality } from '../../../common/contracts/organisation.ts';

function LanguageSwitcher() {
  const { lang, t } = useI18n();
  const { changeLanguage } = useSession();
  return (
    <div className="language-switcher" role="group" aria-label={t('ui.language.label')}>
      {LANGUAGES.map((l) => (
        <Button
          key={l}
          type="button"
          lang={l}
          data-size="sm"
          variant={l === lang ? 'secondary' : 'tertiary'}
          aria-pressed={l === lang}
          onClick={() => void changeLanguage(l)}
        >
          {LANGUAGE_NAMES[l]}
        </Button>
      ))}
    </div>
  );
}

function RoleSwitcher({ principal }: { principal: StaffPrincipal }) {
  const { t } = useI18n();
  const { switchRole } = useSession();
  const [role, setRole] = useState<StaffRole>(principal.activeRole);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await switchRole(role);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="role-switcher" onSubmit={(e) => void submit(e)}>
      <Field data-size="sm">
        <Label htmlFor="active-role">{t('ui.header.role')}</Label>
        <Select id="active-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)} data-size="sm">
          {principal.roles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`domain.role.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" data-size="sm" disabled={busy}>
        {t('ui.header.switchRole')}
      </Button>
    </form>
  );
}

function UserBox({ principal }: { principal: Principal }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const roleName = principal.kind === 'staff' ? t(`domain.role.${principal.activeRole}`) : t('domain.role.citizen');
  return (
    <div className="user-box">
      <p className="user-box__name">
        <span className="sr-only">{t('ui.header.signedInAs')} </span>
        <strong>{principal.displayName}</strong>
        {principal.kind === 'citizen' || principal.roles.length <= 1 ? <span className="user-box__role">{roleName}</span> : null}
      </p>
      {principal.kind === 'staff' && principal.roles.length > 1 ? <RoleSwitcher key={principal.activeRole} principal={principal} /> : null}
      <Button type="button" variant="secondary" data-size="sm" onClick={() => void signOut()}>
        {t('ui.header.signOut')}
      </Button>
    </div>
  );
}

function MunicipalityName() {
  const municipality = useApiQuery<Municipality>('/api/municipality');
  return municipality.data ? <span className="brand__municipality">{municipality.data.name}</span> : null;
}

/** A menu this long folds on a phone; a family's two or three entries stay in sight. */
const FOLDS_FROM = 4;

/**
 * The active role's pages. On a phone a professional's nine or so entries would fill half the first
 * screen before any content, so there they fold behind a menu button (a disclosure); a wide screen
 * always shows them.
 */
function MainMenu({ pages }: { pages: PageKey[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const folds = pages.length >= FOLDS_FROM;
  return (
    <nav className="app-nav" aria-label={t('ui.nav.label')}>
      {folds ? (
        <div className="container app-nav__bar">
          <Button type="button" variant="tertiary" data-size="sm" aria-expanded={open} aria-controls="app-nav-list" onClick={() => setOpen(!open)}>
            <span aria-hidden="true" className="app-nav__icon" />
            {t('ui.nav.menu')}
          </Button>
        </div>
      ) : null}
      <ul id="app-nav-list" className="container app-nav__list" data-open={folds ? open : undefined}>
        {pages.map((page) => (
          <li key={page}>
            <NavLink to={PAGE_PATHS[page]} end className="app-nav__link" onClick={() => setOpen(false)}>
              {t(PAGE_TITLES[page])}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  const principal = me?.principal ?? null;
  return (
    <>
      <SkipLink href="#main">{t('ui.common.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="container app-header__top">
          <LanguageSwitcher />
        </div>
        <div className="container app-header__row">
          <RouterLink to={me && principal ? startPath(me) : '/'} className="brand">
            <span className="brand__name">Sammen</span>
            {principal?.kind === 'staff' ? <MunicipalityName /> : null}
          </RouterLink>
          {principal ? (
            <div className="app-header__user">
              <NotificationLink />
              <UserBox principal={principal} />
            </div>
          ) : null}
        </div>
      </header>
      {principal ? <MainMenu pages={me?.menu ?? []} /> : me ? <PublicNav /> : null}
      <main id="main" tabIndex={-1} className="container app-main">
        {children}
      </main>
      <footer className="app-footer">
        <div className="container">
          <p>{t('ui.footer.text')}</p>
          <DevMailboxLink />
        </div>
      </footer>
    </>
  );
}
