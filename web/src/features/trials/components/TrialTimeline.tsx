import { Badge, type BadgeTone } from '../../../components/ui/Badge.tsx';
import { formatDate } from '../../../lib/format.ts';
import { type TimelineSource, timelineEvents } from './trial-timeline.ts';

const STEP_TONE: Record<string, BadgeTone> = {
  PAST: 'neutral',
  CURRENT: 'success',
  NEXT: 'info',
  PROJECTED: 'neutral',
};

/** The trial from start to assessment as an ordered list of dated events. */
export function TrialTimeline({ source, asOf }: { source: TimelineSource; asOf: string }) {
  const events = timelineEvents(source);
  return (
    <ol className="timeline" aria-label="Trial timeline">
      {events.map((event, index) => {
        const future = event.date > asOf;
        return (
          <li
            key={`${event.kind}-${event.date}-${index}`}
            className={`timeline-event timeline-${event.kind.toLowerCase()}${future ? ' timeline-future' : ''}`}
            aria-current={event.stepStatus === 'CURRENT' ? 'step' : undefined}
          >
            <time dateTime={event.date}>{formatDate(event.date)}</time>
            <span>{event.label}</span>
            {event.stepStatus !== undefined && (
              <Badge value={event.stepStatus} tone={STEP_TONE[event.stepStatus] ?? 'neutral'} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
