// Every page has one h1, which also names the browser tab. After a navigation inside the app the
// h1 receives focus, so screen-reader and keyboard users start at the new page's content.
import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

let firstPage = true;

export function Page({ title, children, lead }: { title: string; children?: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Sammen`;
  }, [title]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <>
      <Heading level={1} data-size="lg" tabIndex={-1} ref={ref} className="page-title">
        {title}
      </Heading>
      {lead}
      {children}
    </>
  );
}
