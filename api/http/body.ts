/** Reads a request body (JSON, or raw text for BPMN/XML uploads) with a size limit. */
import type Koa from 'koa';
import { MalformedRequestError } from './errors.js';

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
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  const type = ctx.request.type;
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
