/**
 * Extension pages and content scripts run under a CSP without eval: tell zod not to try its code-generating fast path
 * (it would only fall back after a CSP violation report). Import this first in every entrypoint.
 */
import { z } from 'zod';

z.config({ jitless: true });
