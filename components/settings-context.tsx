import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type Language, type MessageKey, type MessageParams, resolveLanguage, translate } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings/schema';
import { parseSettings } from '@/lib/settings/schema';
import { readSettings, settingsItem } from '@/lib/storage/items';
import { takeEarly, takeResolved } from './early-reads';

interface SettingsContextValue {
  settings: Settings;
  loaded: boolean;
  language: Language;
  update(change: (current: Settings) => Settings): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | undefined>(undefined);

/** Settings (storage.local, no secrets) for every page, kept live across pages. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [initial] = useState(() => {
    const raw = takeResolved('settings');
    return raw === undefined ? undefined : parseSettings(raw);
  });
  const [settings, setSettingsState] = useState<Settings>(() => initial ?? parseSettings({}));
  const [loaded, setLoaded] = useState(initial !== undefined);
  // The latest settings, for updates that follow each other faster than React renders.
  const latest = useRef(settings);
  const setSettings = useCallback((value: Settings) => {
    latest.current = value;
    setSettingsState(value);
  }, []);
  useEffect(() => {
    if (!initial) {
      void (takeEarly('settings') ?? readSettings()).then((value) => {
        setSettings(parseSettings(value));
        setLoaded(true);
      });
    }
    return settingsItem.watch((value) => setSettings(parseSettings(value)));
  }, [setSettings, initial]);
  // Applied at once (a Run right after a change uses it), then saved.
  const update = useCallback(
    async (change: (current: Settings) => Settings) => {
      const next = parseSettings(change(latest.current));
      setSettings(next);
      await settingsItem.setValue(next);
    },
    [setSettings],
  );
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
