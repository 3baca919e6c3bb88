/** The list's heading in words: "Running instances of Order (version 2) with incidents". */
import { stateWord } from '../components/StateBadge';
import { describeThreshold, fromDuration } from '../stuckThreshold';
import type { DefinitionOption } from './InstanceFilters';
import type { ListFilter } from './listFilter';

export function describeFilter(filter: ListFilter, definitions: DefinitionOption[]): string {
  const definition = definitions.find((d) => d.id === filter.definitionId);
  const keyName = definitions.find((d) => d.key === filter.definitionKey)?.name ?? filter.definitionKey;
  const of = definition ? ` of ${definition.name ?? definition.key} (version ${definition.version})` : keyName ? ` of ${keyName}` : '';
  const conditions: string[] = [];
  if (filter.incidents) conditions.push('with incidents');
  if (filter.stuckFor) conditions.push(`with no step for more than ${fromDuration(filter.stuckFor) ? describeThreshold(fromDuration(filter.stuckFor)!) : filter.stuckFor}`);
  if (filter.overdue) conditions.push('with overdue tasks');
  if (filter.sla === 'at_risk') conditions.push('with SLA at risk');
  if (filter.sla === 'breached') conditions.push('with SLA breached');
  if (filter.businessKey) conditions.push(`whose business key contains “${filter.businessKey}”`);
  if (filter.from && filter.to) conditions.push(`started ${filter.from} to ${filter.to}`);
  else if (filter.from) conditions.push(`started on or after ${filter.from}`);
  else if (filter.to) conditions.push(`started on or before ${filter.to}`);
  const state = filter.state ? `${stateWord(filter.state)} instances` : 'Instances';
  return `${state}${of}${conditions.length ? ` ${conditions.join(', ')}` : ''}`;
}
