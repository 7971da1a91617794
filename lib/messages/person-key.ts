import { z } from 'zod';

/** A pseudonymous person key: HMAC-SHA-256 as 64 lower-case hex characters. */
export const PersonKey = z.string().regex(/^[0-9a-f]{64}$/, 'ogiltig personnyckel');
