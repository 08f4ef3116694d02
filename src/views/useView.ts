import { useEffect, useState } from 'preact/hooks';
import type { Store, View } from '../app/store.ts';

export function useView(store: Store): View {
  const [view, setView] = useState(store.get());
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setView(store.get()));
    // the effect runs after the first paint: a change in between (another tab's
    // reply, an LMS notice) would otherwise wait for the next one, or never show
    setView(store.get());
    return unsubscribe;
  }, [store]);
  return view;
}
