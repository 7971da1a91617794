/**
 * R2 is described the same way wherever a coach reads it: the checker's rule text, the pack's explainer and tip, and
 * the finding's message all speak of the measure period (start to end, or to the end of the collection period while
 * ongoing), never of the registration period.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/scb/rules';
import { defaultPack } from '../../../lib/content';
import { validateScbFile } from '../../../lib/scb/validate';
import { buildFile, pickYouths, validYouth, PERIOD, TODAY } from './build-file';

describe('R2 texts', () => {
  const explainer = defaultPack.explainers.R2!;
  const tip = defaultPack.tips.find((t) => t.contexts.warningKinds?.includes('R2'))!;
  const [P1] = pickYouths(TODAY, 1) as [string];
  const finding = validateScbFile(buildFile([validYouth(P1, { contacts: [{ date: '2026-09-15', occ: '05' }], measures: [{ code: '16', start: '2026-10-01' }] })]), {
    kommun: '2281',
    period: PERIOD,
    today: TODAY,
  }).findings.find((f) => f.ruleId === 'R2')!;

  it('every text names the measure period, none the registration period', () => {
    for (const [name, text] of [
      ['rule title and fix', `${RULES.R2!.title} ${RULES.R2!.fix}`],
      ['explainer', `${explainer.title} ${explainer.meaning} ${explainer.steps.join(' ')}`],
      ['tip', `${tip.title} ${tip.text}`],
      ['finding', finding.message],
    ] as const) {
      expect(text, name).toMatch(/åtgärdsperiod/i);
      expect(text, name).not.toMatch(/registreringsperiod/i);
    }
  });
  it('the rule text and the explainer give the same bounds: start to end, or to the end of the collection period', () => {
    for (const text of [RULES.R2!.fix, explainer.meaning]) {
      expect(text).toMatch(/startdatum/);
      expect(text).toMatch(/slutdatum/);
      expect(text).toMatch(/insamlingsperiodens slut om åtgärden pågår/);
      expect(text).toMatch(/före åtgärden räknas inte/);
    }
    expect(finding.message).toMatch(/insamlingsperiodens slut 2026-12-31/);
  });
});
