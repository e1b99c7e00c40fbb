// A wide table scrolls sideways on a narrow screen; the scroll area is focusable so keyboard users
// can scroll it too, and named after the table.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
