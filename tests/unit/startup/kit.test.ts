import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_KEY, KIT_MODULES, kitExpression, takesKit } from '../../../lib/startup/kit';
import { publishKit } from '../../../lib/startup/kit-publish';
import * as preact from 'preact';
import * as slots from '../../../lib/startup/slots';

const root = path.resolve(__dirname, '../../..');

describe('the shared kit of the UKA scripts', () => {
  it('names files of ours that exist, and packages', () => {
    for (const module of KIT_MODULES) {
      if (module.startsWith('preact')) continue;
      expect(['.ts', '.tsx'].some((ext) => existsSync(path.join(root, module + ext))), module).toBe(true);
    }
    expect(new Set(KIT_MODULES).size).toBe(KIT_MODULES.length);
  });

  it('is published whole, a new object at every start of a main script', () => {
    const win: Record<string, unknown> = {};
    publishKit(win);
    const kit = win[KIT_KEY] as object[];
    expect(kit).toHaveLength(KIT_MODULES.length);
    expect(kit[KIT_MODULES.indexOf('preact')]).toBe(preact);
    expect(kit[KIT_MODULES.indexOf('lib/startup/slots')]).toBe(slots);
    expect(Object.isFrozen(kit)).toBe(true);
    publishKit(win);
    expect(win[KIT_KEY]).not.toBe(kit);
    // What a later script's build reads it by.
    expect(kitExpression('lib/startup/slots')).toBe(`${KIT_KEY}[${KIT_MODULES.indexOf('lib/startup/slots')}]`);
  });

  it('is taken by every UKA script injected after the main one, and by no other', () => {
    const scripts = readdirSync(path.join(root, 'entrypoints'))
      .filter((f) => /^uka-.+\.tsx?$/.test(f))
      .map((f) => f.replace(/\.tsx?$/, ''));
    for (const name of scripts) expect(takesKit(name), name).toBe(name !== 'uka-early');
    expect(scripts).toContain('uka-person');
    for (const name of ['uka', 'uka-early', 'scb', 'background', 'popup']) expect(takesKit(name), name).toBe(false);
  });
});
