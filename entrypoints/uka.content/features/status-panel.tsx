import { StatusPanel, STATUS_PANEL_CSS } from '../../../components/status-panel/StatusPanel';
import { parseId } from '../../../lib/domain/personnummer';
import { ageOn } from '../../../lib/domain/dates';
import type { UkaFeature } from '../context';

/** Shows what the adapter read from the page: page kind, the person's age, the warning sections found. */
export const statusPanel: UkaFeature = {
  async init(ctx, signal) {
    const kind = ctx.recognition.kind;
    let person = null;
    let exportList = null;
    let readError: string | null = null;
    if (kind === 'person') {
      const result = ctx.read.person();
      if (result.ok) {
        const id = parseId(result.value.header.personnummer);
        // The extension's clock (read once per page view, test clock honoured), not a new Intl date lookup here.
        const age = id ? ageOn(id.birthDate, await ctx.today()) : result.value.header.alder;
        if (signal.aborted) return false;
        person = {
          age,
          contacts: result.value.contacts.length,
          measures: result.value.measures.length,
          sections: result.value.sections.map((s) => ({ colour: s.colour, heading: s.heading, kind: s.kind, items: s.items.length })),
        };
      } else readError = result.reason;
    } else if (kind === 'export') {
      const result = ctx.read.exportList();
      if (result.ok) {
        const hrefs = new Set<string>();
        for (const g of result.value.groups) for (const r of g.rows) hrefs.add(r.href);
        const persons = hrefs.size;
        exportList = { groups: result.value.groups.length, persons, exportEnabled: result.value.exportButton.enabled };
      } else readError = result.reason;
    }
    const mounted = ctx.mount('status-panel', { where: 'floating', css: STATUS_PANEL_CSS, label: 'KAA-lotsen status', bottomCorner: true });
    if (!mounted) return false;
    mounted.render(
      <StatusPanel pageKind={kind} profileId={ctx.recognition.profileId} person={person} exportList={exportList} readError={readError} initiallyOpen={kind === 'person'} />,
    );
    return () => mounted.render(null);
  },
};
