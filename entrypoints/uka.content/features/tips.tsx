/**
 * Contextual metodbok tips: a small "Tips" button (our own Shadow-DOM host, inserted after UKA's element) next to
 * each recognised part of the page that has matching tips in the active content pack. UKA's elements are only read.
 */
import { TipsDisclosure, TIPS_CSS } from '../../../components/tips/TipsDisclosure';
import { ANCHOR_LABEL, placeTips, tipScbPhase, TIP_ANCHORS } from '../../../components/tips/tip-context';
import { sectionById } from '../../../lib/content/tips';
import type { WarningKind } from '../../../lib/domain/warnings';
import type { AnchorName } from '../../../lib/uka/types';
import { markForTests } from '../../../lib/startup/slots';
import { nextTask } from '../../../lib/startup/next-task';
import type { UkaFeature, UkaFeatureContext } from '../context';

/**
 * The steps of the contact ladder a person page is at (for tips about them). Given only in the person page's bundle
 * (./tips-person.ts, the page view's ladder answer), so that no other page kind's bundle asks for them.
 */
export type LadderStepsOn = (ctx: UkaFeatureContext) => string[] | Promise<string[]>;

async function pageFacts(ctx: UkaFeatureContext, ladderStepsOn?: LadderStepsOn): Promise<{ warningKinds: WarningKind[]; ladderSteps: string[] }> {
  const kinds = new Set<WarningKind>();
  let ladderSteps: string[] = [];
  if (ctx.recognition.kind === 'person') {
    const read = ctx.read.person();
    if (read.ok) {
      for (const s of read.value.sections) if (s.kind) kinds.add(s.kind);
      try {
        ladderSteps = (await ladderStepsOn?.(ctx)) ?? [];
      } catch {
        ladderSteps = []; // tips without a ladder step are still useful
      }
    }
  } else if (ctx.recognition.kind === 'export') {
    const read = ctx.read.exportList();
    if (read.ok) for (const g of read.value.groups) if (g.kind) kinds.add(g.kind);
  }
  return { warningKinds: [...kinds], ladderSteps };
}

/** The tips feature; on person pages with the ladder's steps found by `ladderStepsOn`. */
export function tipsWith(ladderStepsOn?: LadderStepsOn): UkaFeature {
  return {
    async init(ctx, signal) {
      // Only the anchors this kind of page can have are looked up (a missing one costs a search of the whole page).
      const elements = new Map<AnchorName, Element>();
      for (const [name, el] of ctx.adapter.presentAnchors(ctx.doc, ctx.recognition.kind)) if (TIP_ANCHORS.includes(name)) elements.set(name, el);
      if (elements.size === 0) return false;
      const today = await ctx.today();
      if (signal.aborted) return;
      // The rest in a task of its own: after the await it would run in the first page view's task whatever that task
      // has cost already (the runtime's task budget counts only what features do before their first await). Drawn
      // into reserved places, the tips move nothing a task later.
      await nextTask();
      if (signal.aborted) return;
      const { warningKinds, ladderSteps } = await pageFacts(ctx, ladderStepsOn);
      if (signal.aborted) return;
      const groups = placeTips(ctx.pack, {
        pageKind: ctx.recognition.kind,
        present: [...elements.keys()],
        warningKinds,
        ladderSteps,
        scbPhase: tipScbPhase(ctx.pack, today, ctx.settings.scbDeadlines ?? {}),
      });
      if (groups.length === 0) return false;
      const cleanups: (() => void)[] = [];
      for (const group of groups) {
        const anchor = elements.get(group.anchor);
        if (!anchor) continue;
        // Before each part (so the button is seen first); after the export button, which sits in a row of its own.
        const mounted = ctx.mount('tips', { anchor, where: group.anchor === 'exportButton' ? 'afterend' : 'beforebegin', css: TIPS_CSS });
        if (!mounted) continue;
        markForTests(mounted.host, 'data-anchor', group.anchor);
        mounted.render(
          <TipsDisclosure
            tips={group.tips}
            about={ANCHOR_LABEL[group.anchor]}
            idPrefix={`kaa-tips-${group.anchor}`}
            sectionTitle={(id) => sectionById(ctx.pack, id)?.title}
            onOpenSection={ctx.openMetodbok}
          />,
        );
        cleanups.push(() => {
          mounted.render(null);
          mounted.remove();
        });
      }
      return () => cleanups.forEach((c) => c());
    },
  };
}

/** The tips of pages without a contact ladder (login, start, export). */
export const tips: UkaFeature = tipsWith();
