import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Metodbok } from '../../components/metodbok/Metodbok';
import { loadActivePack, type ActivePack } from '../../lib/platform/pack';
import { PACK_KEY } from '../../lib/platform/storage-keys';
import { isManagedChange } from '../../lib/platform/managed';

function App(props: { initial: ActivePack }) {
  const [active, setActive] = useState(props.initial);
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    // A new pack imported in the options page shows here at once.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && PACK_KEY in changes) || isManagedChange(changes, area)) void loadActivePack().then(setActive);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      window.removeEventListener('hashchange', onHash);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  useEffect(() => {
    document.title = `Metodbok – ${active.pack.title}`;
  }, [active]);
  return (
    <Metodbok
      pack={active.pack}
      source={active.source}
      hash={hash}
      navigate={(target) => {
        if (location.hash === `#${target}`) setHash(`#${target}`);
        else location.hash = target;
      }}
    />
  );
}

async function main(): Promise<void> {
  const active = await loadActivePack();
  const app = document.getElementById('app')!;
  app.replaceChildren(); // drop the "loading" text
  render(<App initial={active} />, app);
}

void main();
