/**
 * The period of a report as the query string gives it: `from` and `to`
 * (local days, both included), `bucket` (day, week, month) and `timeZone`
 * (IANA). Unset: the last four weeks up to today, in weeks, in the default
 * business calendar's zone (else UTC), today by the server's clock.
 */
import * as z from 'zod';
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../../engine/index.js';
import type { ReportPeriod } from '../../db/index.js';
import type { Services } from '../http/route.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** True for a time zone both the browser's and PostgreSQL's tz database know by name. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The period's query parameters. */
export const periodQuery = {
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(['day', 'week', 'month']).default('week'),
  timeZone: z.string().max(64).refine(knownZone, 'an IANA time zone such as Europe/Berlin').optional(),
};

/** The longest period a report covers, and the most day buckets. */
const MAX_DAYS = 1100;
const MAX_DAY_BUCKETS = 400;

/** The default business calendar's zone, else UTC. */
async function defaultZone(services: Services): Promise<string> {
  const calendar = (await services.engine.listCalendars()).find((c) => c.isDefault);
  return calendar?.definition.timeZone ?? 'UTC';
}

/** The period a request asks for, with the defaults filled in; a clear error for an impossible one. */
export async function resolvePeriod(query: { from?: string; to?: string; bucket: ReportPeriod['bucket']; timeZone?: string }, services: Services): Promise<ReportPeriod> {
  const timeZone = query.timeZone ?? (await defaultZone(services));
  const parse = (text: string, name: string) => {
    try {
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      throw new ValidationError(`${name}: ${text} is not a day of the calendar`, { [name]: text });
    }
  };
  const today = Temporal.Instant.fromEpochMilliseconds(services.clock.now().getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const to = query.to ? parse(query.to, 'to') : today;
  const from = query.from ? parse(query.from, 'from') : to.subtract({ days: 27 });
  const days = from.until(to, { largestUnit: 'days' }).days + 1;
  if (days < 1) throw new ValidationError(`from (${from}) is after to (${to})`, { from: String(from), to: String(to) });
  if (days > MAX_DAYS) throw new ValidationError(`a report covers at most ${MAX_DAYS} days; ${from} to ${to} is ${days}`, { days });
  if (query.bucket === 'day' && days > MAX_DAY_BUCKETS) throw new ValidationError(`day buckets cover at most ${MAX_DAY_BUCKETS} days; choose weeks or months for ${days} days`, { days });
  return { from: String(from), to: String(to), bucket: query.bucket, timeZone };
}

/** The period as the answers show it. */
export const periodShape = z.object({ from: z.string(), to: z.string(), bucket: z.enum(['day', 'week', 'month']), timeZone: z.string() });
