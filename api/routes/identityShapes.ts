/**
 * What the identity routes answer, as zod schemas: the OpenAPI document and
 * the browser app's typed client (the admin pages) are generated from them.
 */
import * as z from 'zod';

const date = z.string().describe('ISO 8601 date-time');
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const userShape = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  groups: z.array(z.string()),
  createdAt: date,
  disabledAt: date.nullable().describe('set while the account is disabled'),
});
export const userPageShape = pageOf(userShape);

export const groupShape = z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) });
export const groupPageShape = pageOf(groupShape);

export const tokenShape = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  scope: z.enum(['user', 'worker']),
  createdAt: date,
  expiresAt: date.optional(),
  revokedAt: date.nullable(),
});
export const tokenPageShape = pageOf(tokenShape);
export const createdTokenShape = tokenShape.extend({ secret: z.string().describe('shown only in this response') });

export const colleagueShape = z.object({ id: z.string(), displayName: z.string(), groups: z.array(z.string()) });
