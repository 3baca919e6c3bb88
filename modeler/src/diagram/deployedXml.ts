/** The XML of a deployed process version, for the viewers that draw it (monitor, reports). */
import { api, ok } from '../api';

/** Deployed XML never changes: each version is fetched once per page load (a failed fetch is tried again next time). */
const xmlCache = new Map<string, Promise<string>>();

export function loadXml(definitionId: string): Promise<string> {
  let xml = xmlCache.get(definitionId);
  if (!xml) {
    xml = ok(api.GET('/api/process-definitions/{id}/xml', { params: { path: { id: definitionId } }, parseAs: 'text' })) as Promise<unknown> as Promise<string>;
    xml.catch(() => xmlCache.delete(definitionId));
    xmlCache.set(definitionId, xml);
  }
  return xml;
}
