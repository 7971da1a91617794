import { StatusPanel, STATUS_PANEL_CSS } from '../../../components/status-panel/StatusPanel';
import type { UkaFeature } from '../context';

/**
 * Shows what the adapter read from the page: page kind, the person's age as UKA shows it, the warning sections found.
 * The age is UKA's own "Ålder" as read (null, shown as unknown, when UKA shows none or it is malformed): this panel
 * reports the reading, and the person page carries no personnummer parser (the contact ladder, which counts from the
 * birth date, parses it in the background).
 */
export const statusPanel: UkaFeature = {
  init(ctx) {
    const kind = ctx.recognition.kind;
    let person = null;
    let exportList = null;
    let readError: string | null = null;
    if (kind === 'person') {
      const result = ctx.read.person();
      if (result.ok) {
        person = {
          age: result.value.header.alder,
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
