/**
 * Explains each red/yellow/green warning section where UKA shows it: on the person page and on "Export till SCB".
 * The texts come from the content pack. A section we do not recognise gets the generic explainer and is reported
 * to the popup as an unknown warning, never silently dropped.
 */
import { ExplainerCard, EXPLAINER_CSS } from '../../../components/explainers/ExplainerCard';
import type { UkaFeature } from '../context';

export const explainers: UkaFeature = {
  init(ctx) {
    const read = ctx.recognition.kind === 'person' ? ctx.read.person() : ctx.read.exportList();
    if (!read.ok) throw new Error(`sidan kunde inte läsas: ${read.reason}`);
    const sections = 'groups' in read.value ? read.value.groups : read.value.sections;
    const elements = ctx.adapter.sectionElements(ctx.doc, read.value);
    if (sections.length === 0) return false;
    if (elements.length !== sections.length) throw new Error(`varningsavsnitten kunde inte paras ihop (${elements.length}/${sections.length})`);
    const cleanups: (() => void)[] = [];
    sections.forEach((section, i) => {
      if (section.kind === null && section.colour !== 'green') ctx.reportUnknownWarning(section.heading);
      const explainer = ctx.pack.explainers[section.kind ?? 'generic'] ?? ctx.pack.explainers.generic;
      const mounted = ctx.mount('explainers', { anchor: elements[i], where: 'afterend', css: EXPLAINER_CSS });
      if (!mounted) return;
      mounted.render(
        <ExplainerCard explainer={explainer} colour={section.colour} kind={section.kind} heading={section.heading} idPrefix={`kaa-exp-${i}`} onReadMore={ctx.openMetodbok} />,
      );
      cleanups.push(() => mounted.render(null));
    });
    return () => cleanups.forEach((c) => c());
  },
};
