/** Settings with the metodbok pack's routine applied (see routine.ts), loaded from storage. */
import { loadSettings } from '../settings';
import { loadActivePack } from './pack';
import { applyPackDefaults, type Effective } from './routine';

export { applyPackDefaults, type Effective } from './routine';

export async function loadEffective(): Promise<Effective> {
  const [loaded, active] = await Promise.all([loadSettings(), loadActivePack()]);
  return applyPackDefaults(loaded, active.pack);
}
