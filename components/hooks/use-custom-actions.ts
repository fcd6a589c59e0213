import { useEffect, useState } from 'react';
import type { CustomAction } from '@/lib/actions/schema';
import { actionsFrom } from '@/lib/actions/stored';
import { customActionsItem } from '@/lib/storage/items';
import { useSettings } from '../settings-context';

/**
 * The user's actions (storage.local), live; the examples until the list is first saved (the
 * options page's first change writes the examples it shows along with it).
 */
export function useCustomActions(): { actions: CustomAction[]; loaded: boolean; save(actions: CustomAction[]): Promise<void> } {
  const { language } = useSettings();
  const [raw, setRaw] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void customActionsItem.getValue().then((value) => {
      setRaw(value);
      setLoaded(true);
    });
    return customActionsItem.watch(setRaw);
  }, []);
  const save = async (actions: CustomAction[]) => {
    setRaw(actions);
    await customActionsItem.setValue(actions);
  };
  return { actions: actionsFrom(raw, language), loaded, save };
}
