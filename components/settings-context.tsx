import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Language, type MessageKey, type MessageParams, resolveLanguage, translate } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings/schema';
import { parseSettings } from '@/lib/settings/schema';
import { readSettings, settingsItem, updateSettings } from '@/lib/storage/items';

interface SettingsContextValue {
  settings: Settings;
  loaded: boolean;
  language: Language;
  update(change: (current: Settings) => Settings): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | undefined>(undefined);

/** Settings (storage.local, no secrets) for every page, kept live across pages. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(() => parseSettings({}));
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void readSettings().then((value) => {
      setSettings(value);
      setLoaded(true);
    });
    return settingsItem.watch((value) => setSettings(parseSettings(value)));
  }, []);
  const update = useCallback(async (change: (current: Settings) => Settings) => {
    setSettings(await updateSettings(change));
  }, []);
  const language = resolveLanguage(settings.language, navigator.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ settings, loaded, language, update }), [settings, loaded, language, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const { language } = useSettings();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language]);
}
