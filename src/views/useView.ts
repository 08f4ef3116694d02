import { useEffect, useState } from 'preact/hooks';
import type { Store, View } from '../app/store.ts';

export function useView(store: Store): View {
  const [view, setView] = useState(store.get());
  useEffect(() => store.subscribe(() => setView(store.get())), [store]);
  return view;
}
