// The law's deadlines for a report to child welfare, counted in calendar days in Oslo from the day
// of receipt, whatever the hour or weekday it arrived: across weekends, daylight-saving changes and
// the year's end. The expected dates are written out by hand from a calendar.
import { describe, expect, it } from 'vitest';
import { finalFeedbackBy, investigationEndBy, isOverdue, receiptDeadlines } from '../../server/modules/child-welfare-reports/deadlines.ts';

describe('review within one week and feedback within three weeks of receipt', () => {
  const cases: [string, string, { receivedOn: string; reviewBy: string; feedbackBy: string }][] = [
    ['a Friday at 23:30 in Oslo (22:30 UTC)', '2026-11-20T22:30:00Z', { receivedOn: '2026-11-20', reviewBy: '2026-11-27', feedbackBy: '2026-12-11' }],
    ['a Saturday just after midnight in Oslo (Friday 23:15 UTC)', '2026-11-20T23:15:00Z', { receivedOn: '2026-11-21', reviewBy: '2026-11-28', feedbackBy: '2026-12-12' }],
    ['a Sunday afternoon', '2026-11-22T15:00:00Z', { receivedOn: '2026-11-22', reviewBy: '2026-11-29', feedbackBy: '2026-12-13' }],
    ['the evening before summer time starts (28 March 2026, 23:30 CET)', '2026-03-28T22:30:00Z', { receivedOn: '2026-03-28', reviewBy: '2026-04-04', feedbackBy: '2026-04-18' }],
    ['the night summer time starts, after the clocks jumped (03:30 CEST)', '2026-03-29T01:30:00Z', { receivedOn: '2026-03-29', reviewBy: '2026-04-05', feedbackBy: '2026-04-19' }],
    ['the night summer time ends, in the repeated hour (02:30 CET)', '2026-10-25T01:30:00Z', { receivedOn: '2026-10-25', reviewBy: '2026-11-01', feedbackBy: '2026-11-15' }],
    ['New Year\'s Eve at 23:30 in Oslo', '2026-12-31T22:30:00Z', { receivedOn: '2026-12-31', reviewBy: '2027-01-07', feedbackBy: '2027-01-21' }],
    ['New Year\'s Day at 00:30 in Oslo (still 31 December in UTC)', '2026-12-31T23:30:00Z', { receivedOn: '2027-01-01', reviewBy: '2027-01-08', feedbackBy: '2027-01-22' }],
    ['late December, feedback in the new year', '2026-12-20T10:00:00Z', { receivedOn: '2026-12-20', reviewBy: '2026-12-27', feedbackBy: '2027-01-10' }],
    ['a leap day', '2028-02-29T08:00:00Z', { receivedOn: '2028-02-29', reviewBy: '2028-03-07', feedbackBy: '2028-03-21' }],
  ];
  for (const [when, at, expected] of cases) {
    it(`received ${when}`, () => {
      expect(receiptDeadlines(new Date(at))).toEqual(expected);
    });
  }
});

describe('an investigation within three months of receipt, six when extended', () => {
  it('ends on the same date three or six months later', () => {
    expect(investigationEndBy('2026-03-15', false)).toBe('2026-06-15');
    expect(investigationEndBy('2026-03-15', true)).toBe('2026-09-15');
  });

  it('ends on the last day of a shorter month', () => {
    expect(investigationEndBy('2026-11-30', false)).toBe('2027-02-28');
    expect(investigationEndBy('2027-11-30', false)).toBe('2028-02-29');
    expect(investigationEndBy('2026-08-31', true)).toBe('2027-02-28');
    expect(investigationEndBy('2026-05-31', false)).toBe('2026-08-31');
  });

  it('crosses the year', () => {
    expect(investigationEndBy('2026-10-01', false)).toBe('2027-01-01');
    expect(investigationEndBy('2026-12-31', true)).toBe('2027-06-30');
  });

  it('gives the reporter a second feedback within three weeks after the investigation ends', () => {
    expect(finalFeedbackBy('2026-12-20')).toBe('2027-01-10');
  });
});

describe('a deadline is missed when its day has passed in Oslo', () => {
  it('is not missed on the day itself, even at 23:59 in Oslo', () => {
    expect(isOverdue('2026-11-27', new Date('2026-11-27T22:59:00Z'))).toBe(false);
  });

  it('is missed from midnight in Oslo, though it is still the same day in UTC', () => {
    expect(isOverdue('2026-11-27', new Date('2026-11-27T23:00:00Z'))).toBe(true);
  });

  it('counts summer time too', () => {
    expect(isOverdue('2026-06-30', new Date('2026-06-30T21:59:00Z'))).toBe(false);
    expect(isOverdue('2026-06-30', new Date('2026-06-30T22:00:00Z'))).toBe(true);
  });
});
