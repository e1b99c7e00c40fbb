// A page made of sections a reader can jump between: each section registers its heading with the
// page's SectionNav, which lists them in the order they stand on the page. A section that renders
// nothing (no data, no right to see it) is not in the list, so the list never points at nothing.
// On a long page (Min side on a phone) this is how a parent gets to the part they came for.
import { Heading } from '@digdir/designsystemet-react';
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Entry { id: string; title: string; element: HTMLElement }
type Register = (entry: Entry) => () => void;

const RegisterContext = createContext<Register | null>(null);
const EntriesContext = createContext<Entry[]>([]);

const inPageOrder = (a: Entry, b: Entry) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

export function SectionNavProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const register = useCallback<Register>((entry) => {
    setEntries((list) => [...list.filter((e) => e.id !== entry.id), entry].sort(inPageOrder));
    return () => setEntries((list) => list.filter((e) => e !== entry));
  }, []);
  return (
    <RegisterContext.Provider value={register}>
      <EntriesContext.Provider value={entries}>{children}</EntriesContext.Provider>
    </RegisterContext.Provider>
  );
}

/** The page's table of contents: a link to each section on the page. Nothing when there are fewer than two. */
export function SectionNav({ label }: { label: string }) {
  const entries = useContext(EntriesContext);
  if (entries.length < 2) return null;
  return (
    <nav aria-label={label} className="section-nav" data-testid="section-nav">
      <ul>
        {entries.map((e) => <li key={e.id}><a href={`#${e.id}`}>{e.title}</a></li>)}
      </ul>
    </nav>
  );
}

/**
 * A titled part of a page (h2). `summary` is the one line a reader sees first; `children` follow.
 * Inside a SectionNavProvider it is listed in the page's SectionNav; elsewhere it is a plain section.
 */
export function PageSection({ id, title, summary, children, testId }: { id: string; title: string; summary?: ReactNode; children?: ReactNode; testId?: string }) {
  const ref = useRef<HTMLElement>(null);
  const register = useContext(RegisterContext);
  useLayoutEffect(() => {
    if (!register || !ref.current) return undefined;
    return register({ id, title, element: ref.current });
  }, [register, id, title]);
  return (
    <section ref={ref} aria-labelledby={id} className="page-section" data-testid={testId}>
      <Heading level={2} data-size="sm" id={id} className="page-section__heading">{title}</Heading>
      {summary ? <div className="page-section__summary">{summary}</div> : null}
      {children}
    </section>
  );
}

/** Details a reader opens when they want them: closed at first, so the page starts short. */
export function Collapsible({ summary, children, open = false, testId }: { summary: string; children: ReactNode; open?: boolean; testId?: string }) {
  return (
    <details className="collapsible" open={open} data-testid={testId}>
      <summary>{summary}</summary>
      <div className="collapsible__body">{children}</div>
    </details>
  );
}
