import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_KEY, KIT_MODULES, kitExpression, takesKit } from '../../../lib/startup/kit';
import { publishKit } from '../../../lib/startup/kit-publish';
import * as preact from 'preact';
import * as dates from '../../../lib/domain/dates';

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
    const kit = win[KIT_KEY] as Record<string, object>;
    expect(Object.keys(kit).sort()).toEqual([...KIT_MODULES].sort());
    expect(kit.preact).toBe(preact);
    expect(kit['lib/domain/dates']).toBe(dates);
    publishKit(win);
    expect(win[KIT_KEY]).not.toBe(kit);
    expect(kitExpression('preact/hooks')).toBe(`${KIT_KEY}["preact/hooks"]`);
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
