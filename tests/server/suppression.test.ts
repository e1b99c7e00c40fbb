// The one small-number rule (common/suppression.ts) on tables worked out by hand: a count of 1–4 is
// "fewer than 5", zero is shown, and a single hidden part of a shown total takes another part with it.
import { describe, expect, it } from 'vitest';
import { suppressCount, suppressMeasure, suppressShare, suppressTable } from '../../common/suppression.ts';

const fewer = { suppressed: 'small', fewerThan: 5 };
const secondary = { suppressed: 'secondary' };

describe('small-number suppression', () => {
  it('hides a count from 1 to 4 and shows zero and five', () => {
    expect([0, 1, 4, 5, 120].map((n) => suppressCount(n, 5))).toEqual([{ value: 0 }, fewer, fewer, { value: 5 }, { value: 120 }]);
    expect(suppressCount(9, 10)).toEqual({ suppressed: 'small', fewerThan: 10 });
  });

  it('leaves a table alone when nothing in it is small', () => {
    expect(suppressTable(30, [10, 20], 5)).toEqual({ total: { value: 30 }, parts: [{ value: 10 }, { value: 20 }] });
  });

  it('hides a second part when one part alone is hidden, so the total minus the rest does not give it away', () => {
    // 40 = 3 + 7 + 30: 3 is small; 40 − 7 − 30 would reveal it, so the smallest other part, 7, goes too.
    expect(suppressTable(40, [3, 7, 30], 5)).toEqual({ total: { value: 40 }, parts: [fewer, secondary, { value: 30 }] });
  });

  it('takes a non-zero part before a zero one for the second hiding', () => {
    // Hiding the 0 would leave 3 = 33 − 0 − 30 − … still readable as "3 and 0".
    expect(suppressTable(33, [3, 0, 30], 5)).toEqual({ total: { value: 33 }, parts: [fewer, { value: 0 }, secondary] });
  });

  it('needs no second hiding when two parts are already hidden', () => {
    expect(suppressTable(27, [2, 3, 22], 5)).toEqual({ total: { value: 27 }, parts: [fewer, fewer, { value: 22 }] });
  });

  it('hides the total when no other part can protect the hidden one', () => {
    expect(suppressTable(6, [2, 4], 5).total).toEqual({ value: 6 });
    expect(suppressTable(8, [3], 5)).toEqual({ total: secondary, parts: [fewer] });
  });

  it('hides every non-zero part of a small total', () => {
    expect(suppressTable(4, [4, 0], 5)).toEqual({ total: fewer, parts: [fewer, { value: 0 }] });
  });

  it('hides a share made from a hidden count, and an average over too few answers', () => {
    expect(suppressShare({ value: 6 }, { value: 12 })).toEqual({ value: 0.5 });
    expect(suppressShare(fewer as never, { value: 12 })).toEqual(secondary);
    expect(suppressShare({ value: 0 }, { value: 0 })).toBeNull();
    expect(suppressMeasure(4.5, 1, 5)).toEqual(fewer);
    expect(suppressMeasure(4.5, 5, 5)).toEqual({ value: 4.5 });
    expect(suppressMeasure(null, 0, 5)).toBeNull();
  });
});
