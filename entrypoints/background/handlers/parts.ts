/**
 * On-demand parts of UKA's pages (lib/startup/parts.ts): the background injects a part's file into the very frame and
 * document that asked, in the extension's isolated world, as it injects a page kind's bundle ('load-page-kind'). Only
 * the parts of the table; the sender is checked as UKA's top frame on the configured origin before this runs.
 */
import { partFileFor } from '../../../lib/startup/parts';
import type { MessageSender } from '../../../lib/messages/dispatch';
import type { DomainHandlers } from './types';
import { injectIntoSender } from './pages';

/** Inject the part `name` into the sender's own frame and document; refuses anything not in the table. */
export async function injectPart(name: string, sender: MessageSender): Promise<void> {
  const file = partFileFor(name);
  if (!file) throw new Error('ingen sådan del att läsa in');
  await injectIntoSender(file, sender);
}

export function partHandlers(): DomainHandlers<'load-part'> {
  return {
    'load-part': ({ name }, sender) => injectPart(name, sender),
  };
}
