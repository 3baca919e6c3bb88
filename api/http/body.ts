/** Reads a request body (JSON, or raw text for BPMN/XML uploads) with a size limit. */
import type Koa from 'koa';
import { MalformedRequestError } from './errors.js';
import { decodeXml } from '../../engine/index.js';

const LIMIT = 10 * 1024 * 1024;

export async function readBody(ctx: Koa.Context): Promise<unknown> {
  if (ctx.method === 'GET' || ctx.method === 'DELETE' || ctx.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new MalformedRequestError(`request body is larger than ${LIMIT} bytes`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const type = ctx.request.type;
  // XML is read in the encoding its declaration names (tools export ISO-8859-1 and windows-1252 too).
  const text = type.includes('xml') ? decodeXml(bytes) : bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new MalformedRequestError(`request body is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (type.includes('xml') || type.startsWith('text/')) return text;
  throw new MalformedRequestError(`content type ${type} is not supported (use application/json)`, 'UNSUPPORTED_MEDIA_TYPE');
}
