import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** How a revealed form ends: with a message to announce (recorded), or none (cancelled). */
export type CloseDisclosure = (done?: string) => void;

/**
 * A button that reveals a compact form beneath it. Opening moves focus into the form; Escape or
 * the form's cancel closes it and returns focus to the button; a success message is announced.
 */
export function Disclosure({
  label,
  accessibleLabel,
  children,
}: {
  label: string;
  /** A fuller name for the button where the visible label needs its context (`Stop oxycodone`). */
  accessibleLabel?: string;
  children: (close: CloseDisclosure) => ReactNode;
}) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    } else if (wasOpen.current) {
      button.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);

  const close: CloseDisclosure = (done) => {
    setAnnouncement(done ?? '');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <div className="disclosure">
      <div className="disclosure-bar">
        <button
          ref={button}
          type="button"
          className="button-secondary"
          aria-label={accessibleLabel}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => {
            setAnnouncement('');
            setOpen((previous) => !previous);
          }}
        >
          {label}
        </button>
        <output className="disclosure-status" aria-live="polite">
          {announcement}
        </output>
      </div>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the form closes it
        <div id={panelId} ref={panel} className="disclosure-panel" onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
