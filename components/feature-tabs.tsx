import { useRef } from 'react';
import { FEATURE_IDS, type FeatureId } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import { useT } from './settings-context';

/** The five features as tabs; arrow keys move between them (WAI-ARIA tabs pattern). */
export function FeatureTabs({ value, onChange, panelId }: { value: FeatureId; onChange(feature: FeatureId): void; panelId: string }) {
  const t = useT();
  const refs = useRef<Partial<Record<FeatureId, HTMLButtonElement | null>>>({});
  const move = (offset: number) => {
    const index = (FEATURE_IDS.indexOf(value) + offset + FEATURE_IDS.length) % FEATURE_IDS.length;
    const next = FEATURE_IDS[index] ?? value;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Grompt">
      {FEATURE_IDS.map((id) => (
        <button
          key={id}
          ref={(element) => {
            refs.current[id] = element;
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          data-feature={id}
          aria-selected={value === id}
          aria-controls={panelId}
          tabIndex={value === id ? 0 : -1}
          aria-label={t(FEATURES[id].title)}
          title={t(FEATURES[id].summary)}
          onClick={() => onChange(id)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') move(1);
            if (event.key === 'ArrowLeft') move(-1);
          }}
        >
          {t(FEATURES[id].tab)}
        </button>
      ))}
    </div>
  );
}
