/** What every UKA feature gets for one page view. Built by the page-view runtime; features never see raw markup. */
import type { Mounted, MountOptions } from '../../components/ui/shadow';
import type { ExportList, PersonPage, ReadResult, Recognition, StartList, UkaAdapter } from '../../lib/uka/types';
import type { LadderSettings } from '../../lib/ladder/types';
import type { Settings } from '../../lib/settings';
import type { Pack } from '../../lib/content/schema';
import type { FeatureDefinition } from '../../lib/features/manager';
import type { UkaFeatureId } from '../../lib/features/list';

export interface UkaFeatureContext {
  doc: Document;
  url: URL;
  recognition: Recognition;
  adapter: UkaAdapter;
  settings: Settings;
  /** The contact-ladder routine in force: intervals set on purpose in settings, else the metodbok pack's. */
  routine: Partial<LadderSettings>;
  /** The active metodbok content pack (imported, policy-supplied or built in). */
  pack: Pack;
  /** Today in Europe/Stockholm by the extension's clock (tests may move it). */
  today(): Promise<string>;
  /** Open the extension's Metodbok page at a section. */
  openMetodbok(sectionId: string): void;
  /** Cached, typed reads of the current page (each read runs at most once per page view). */
  read: {
    person(): ReadResult<PersonPage>;
    startList(): ReadResult<StartList>;
    exportList(): ReadResult<ExportList>;
  };
  /** Mount UI in a Shadow DOM root; removed automatically when the page view ends. */
  mount(feature: UkaFeatureId, options: Omit<MountOptions, 'feature'>): Mounted | null;
  /** Tell the popup about a red/yellow section heading we do not recognise. */
  reportUnknownWarning(heading: string): void;
}

/**
 * What a feature's own file (features/<id>.tsx) exports: what it does on a page view. Its id and page kinds are
 * declared in lib/features/list.ts.
 */
export interface UkaFeature {
  init: FeatureDefinition<UkaFeatureContext>['init'];
}
