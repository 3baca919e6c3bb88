/**
 * The period every report page shares, kept in the URL (bookmarkable,
 * and the same period when moving between reports): from, to, bucket and
 * time zone. What is not in the URL the server fills in (the last four
 * weeks, in weeks, in the default business calendar's zone), and the page
 * shows what it answered.
 */
import { navigate, useLocation } from '../../../app/router';
import type { PeriodQuery } from '../reportsApi';

export const PERIOD_KEYS = ['from', 'to', 'bucket', 'timeZone'] as const;

/** The period as the URL has it, and a setter that keeps the rest of the URL. */
export function usePeriod(): [PeriodQuery, (change: Partial<PeriodQuery>) => void, URLSearchParams] {
  const { search } = useLocation();
  const period: PeriodQuery = {};
  for (const key of PERIOD_KEYS) {
    const value = search.get(key);
    if (value) (period as Record<string, string>)[key] = value;
  }
  const set = (change: Partial<PeriodQuery>) => {
    const next = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, String(value));
      else next.delete(key);
    }
    navigate(`${location.pathname}?${next.toString()}`, { replace: true });
  };
  return [period, set, search];
}

/** The period's part of a query string, to carry it along in links between reports. */
export function periodSearch(period: { from: string; to: string; bucket: string; timeZone: string }): string {
  return new URLSearchParams({ from: period.from, to: period.to, bucket: period.bucket, timeZone: period.timeZone }).toString();
}
