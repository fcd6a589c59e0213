import { useId, useRef } from 'react';
import { FEATURE_IDS, type FeatureId } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import { useT } from './settings-context';

/** What a tab says about its feature's answer: one is being written, or one finished that was not seen yet. */
export type TabActivity = 'running' | 'unseen';

/**
 * The five features as tabs; arrow keys move between them (WAI-ARIA tabs pattern). A dot on a
 * tab says its feature is writing an answer (pulsing) or has a new one; its description says
 * so to screen readers, while the tab's name stays the feature's title.
 */
export function FeatureTabs(props: {
  value: FeatureId;
  onChange(feature: FeatureId): void;
  panelId: string;
  activity?: Partial<Record<FeatureId, TabActivity>>;
}) {
  const { value, onChange, panelId, activity = {} } = props;
  const t = useT();
  const idPrefix = useId();
  const refs = useRef<Partial<Record<FeatureId, HTMLButtonElement | null>>>({});
  const move = (offset: number) => {
    const index = (FEATURE_IDS.indexOf(value) + offset + FEATURE_IDS.length) % FEATURE_IDS.length;
    const next = FEATURE_IDS[index] ?? value;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Grompt">
      {FEATURE_IDS.map((id) => {
        const state = activity[id];
        const describedBy = state ? `${idPrefix}-${id}-state` : undefined;
        return (
          <button
            key={id}
            ref={(element) => {
              refs.current[id] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            data-feature={id}
            data-activity={state}
            aria-selected={value === id}
            aria-controls={panelId}
            aria-describedby={describedBy}
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
            {state ? <span className={`tab-dot tab-dot-${state}`} aria-hidden="true" /> : null}
            {describedBy ? (
              <span id={describedBy} className="visually-hidden">
                {t(state === 'running' ? 'tabs.running' : 'tabs.unseen')}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
