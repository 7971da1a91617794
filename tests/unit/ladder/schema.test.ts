import { describe, expect, it } from 'vitest';
import { LadderSettingsSchema, LocalNoteSchema } from '../../../lib/ladder/schema';

describe('schemas', () => {
  it('accepts valid notes and rejects bad dates or unknown steps', () => {
    expect(LocalNoteSchema.safeParse({ step: 'homeVisitPlanned', date: '2026-12-10' }).success).toBe(true);
    expect(LocalNoteSchema.safeParse({ step: 'skatteverketReported' }).success).toBe(true);
    expect(LocalNoteSchema.safeParse({ step: 'homeVisitDone', date: '2026-12-10' }).success).toBe(false);
    expect(LocalNoteSchema.safeParse({ step: 'letterSent', date: '2026-02-30' }).success).toBe(false);
    expect(LocalNoteSchema.safeParse({ step: 'somethingElse', date: '2026-02-01' }).success).toBe(false);
  });
  it('accepts partial settings, rejects unknown keys and nonsense', () => {
    expect(LadderSettingsSchema.safeParse({ followUpMonths: 2 }).success).toBe(true);
    expect(LadderSettingsSchema.safeParse({ followUpMonth: 2 }).success).toBe(false);
    expect(LadderSettingsSchema.safeParse({ adultAge: 3 }).success).toBe(false);
  });
});
