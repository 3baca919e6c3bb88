/** Priority 0–100 in words, as Camunda's Tasklist shows it. */
export function priorityLabel(priority: number): { label: string; level: 'critical' | 'high' | 'medium' | 'low' } {
  if (priority > 75) return { label: 'Critical', level: 'critical' };
  if (priority > 50) return { label: 'High', level: 'high' };
  if (priority > 25) return { label: 'Medium', level: 'medium' };
  return { label: 'Low', level: 'low' };
}
