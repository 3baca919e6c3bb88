/** Links to the instances or tasks behind a figure: the reports' own lists, with exactly the filter the figure counted. */
import type { InstancesQuery, TasksQuery } from '../reportsApi';

const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  return search.toString();
};

/** /reports/instances?… */
export const instancesHref = (q: Partial<InstancesQuery> & { title?: string }) => `/reports/instances?${query(q as Record<string, string>)}`;

/** /reports/tasks?… */
export const tasksHref = (q: Partial<TasksQuery> & { title?: string }) => `/reports/tasks?${query(q as Record<string, string>)}`;
