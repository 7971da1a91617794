/**
 * The main UKA script's side of the shared kit (./kit.ts): it carries the kit's modules and publishes them, before
 * any later script is injected, in the extension's isolated world. A new object at every start of a main script, so a
 * bundle injected for a main script of an updated extension never takes the modules of the old one.
 */
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as preactJsxRuntime from 'preact/jsx-runtime';
import * as draw from '../../components/ui/draw';
import * as labels from '../../components/ui/labels';
import * as shadow from '../../components/ui/shadow';
import * as client from '../messages/client';
import * as nativeApi from '../platform/native-api';
import * as storageKeys from '../platform/storage-keys';
import * as earlyReads from './early-reads';
import * as kinds from './kinds';
import * as nextTask from './next-task';
import * as slots from './slots';
import * as redact from '../store/redact';
import { KIT_KEY, KIT_MODULES, type KitModule } from './kit';

/** Every module of KIT_MODULES (one missing or extra is a type error). */
const KIT = {
  preact,
  'preact/hooks': preactHooks,
  'preact/jsx-runtime': preactJsxRuntime,
  'components/ui/draw': draw,
  'components/ui/labels': labels,
  'components/ui/shadow': shadow,
  'lib/messages/client': client,
  'lib/platform/native-api': nativeApi,
  'lib/platform/storage-keys': storageKeys,
  'lib/startup/early-reads': earlyReads,
  'lib/startup/kinds': kinds,
  'lib/startup/slots': slots,
  'lib/store/redact': redact,
  'lib/startup/next-task': nextTask,
} satisfies Record<KitModule, object>;
const _noExtra: keyof typeof KIT extends KitModule ? true : never = true;
void _noExtra;

/** Publish the kit for the scripts injected after the main script (once, at its start). */
export function publishKit(win: object = globalThis): void {
  (win as Record<string, unknown>)[KIT_KEY] = Object.freeze(KIT_MODULES.map((module) => KIT[module]));
}
