import type { ReactNode } from 'react';

/**
 * A region that may scroll (a wide table on a tablet): named and focusable, so keyboard users can
 * scroll it too.
 */
export function ScrollArea({
  label,
  tall = false,
  children,
}: {
  label: string;
  tall?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={tall ? 'table-scroll table-tall' : 'table-scroll'} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
