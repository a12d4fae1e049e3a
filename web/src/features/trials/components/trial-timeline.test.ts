import { describe, expect, it } from 'vitest';
import { type TimelineSource, timelineEvents } from './trial-timeline.ts';

function aTrialTimeline(changes: Partial<TimelineSource> = {}): TimelineSource {
  return {
    timeline: [
      { from: '2026-03-01', doseMg: 1.5, status: 'PAST' },
      { from: '2026-03-15', doseMg: 3, status: 'CURRENT' },
      { from: '2026-03-29', doseMg: 4.5, status: 'NEXT' },
    ],
    holds: [],
    assessmentWindow: { opensOn: '2026-04-26', dueBy: '2026-05-24' },
    assessments: [],
    discontinuedOn: null,
    ...changes,
  };
}

describe('timelineEvents', () => {
  it('lists the dose steps, then the assessment window, in date order', () => {
    expect(timelineEvents(aTrialTimeline()).map((event) => [event.date, event.label])).toEqual([
      ['2026-03-01', 'Start at 1.5 mg at bedtime'],
      ['2026-03-15', 'Dose 3.0 mg at bedtime'],
      ['2026-03-29', 'Dose 4.5 mg at bedtime'],
      ['2026-04-26', 'Assessment window opens'],
      ['2026-05-24', 'Assessment due by'],
    ]);
  });

  it('places a hold and its resumption among the steps', () => {
    const events = timelineEvents(
      aTrialTimeline({
        holds: [{ heldOn: '2026-03-20', resumedOn: '2026-03-25', reason: 'ADVERSE_EFFECT' }],
      }),
    );
    expect(events.map((event) => event.kind)).toEqual([
      'DOSE',
      'DOSE',
      'HOLD',
      'RESUME',
      'DOSE',
      'WINDOW_OPENS',
      'WINDOW_DUE',
    ]);
    expect(events[2]?.label).toBe('On hold: adverse effect');
  });

  it('puts an assessment before the discontinuation it decided on the same day', () => {
    const events = timelineEvents(
      aTrialTimeline({
        assessments: [{ assessedOn: '2026-05-01', responseClass: 'NONE', decision: 'DISCONTINUE' }],
        discontinuedOn: '2026-05-01',
      }),
    );
    expect(events.slice(-3).map((event) => event.kind)).toEqual(['ASSESSMENT', 'DISCONTINUED', 'WINDOW_DUE']);
  });

  it('leaves out an assessment entered in error (workflows.md, corrections)', () => {
    const events = timelineEvents(
      aTrialTimeline({
        assessments: [
          {
            assessedOn: '2026-04-28',
            responseClass: 'MEANINGFUL',
            decision: 'CONTINUE',
            enteredInError: false,
          },
          { assessedOn: '2026-05-01', responseClass: 'NONE', decision: 'DISCONTINUE', enteredInError: true },
        ],
      }),
    );
    expect(events.filter((event) => event.kind === 'ASSESSMENT').map((event) => event.date)).toEqual([
      '2026-04-28',
    ]);
  });
});
