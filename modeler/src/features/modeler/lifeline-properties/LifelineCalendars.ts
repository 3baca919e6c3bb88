/**
 * didi service: the business calendars the server knows (GET /api/calendars),
 * fetched once per modeler, for the calendar select of the Lifeline group.
 */
import { api, ok } from '../../../api';

export interface CalendarChoice {
  name: string;
  isDefault: boolean;
}

export default class LifelineCalendars {
  private loading?: Promise<CalendarChoice[]>;

  /** The calendars by name (an empty list when they cannot be read: the select still offers the default). */
  load(): Promise<CalendarChoice[]> {
    this.loading ??= ok(api.GET('/api/calendars')).then(
      (page) => ((page as { items?: { name: string; isDefault?: boolean }[] }).items ?? []).map((c) => ({ name: c.name, isDefault: Boolean(c.isDefault) })).sort((a, b) => a.name.localeCompare(b.name)),
      () => [],
    );
    return this.loading;
  }
}
