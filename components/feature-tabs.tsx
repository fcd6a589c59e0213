import { useId, useRef } from 'react';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import type { JobKind } from '@/lib/domain/job';
import { FEATURE_IDS } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import type { MessageKey } from '@/lib/i18n/translate';
import { useT } from './settings-context';

/** What a tab says about its answer: one is being written, or one finished that was not seen yet. */
export type TabActivity = 'running' | 'unseen';

/** The user's own actions come after the five features, as one more tab. */
const ACTIONS_TAB = { title: 'actions.title', tab: 'actions.tab', summary: 'actions.summary' } as const satisfies Record<
  string,
  MessageKey
>;
const TABS: readonly JobKind[] = [...FEATURE_IDS, CUSTOM_ACTION];

/**
 * The five features (and the user's actions) as tabs; arrow keys move between them (WAI-ARIA
 * tabs pattern). A dot on a tab says its answer is being written (pulsing) or is new; its
 * description says so to screen readers, while the tab's name stays the feature's title.
 */
export function FeatureTabs(props: {
  value: JobKind;
  onChange(feature: JobKind): void;
  panelId: string;
  activity?: Partial<Record<JobKind, TabActivity>>;
}) {
  const { value, onChange, panelId, activity = {} } = props;
  const t = useT();
  const idPrefix = useId();
  const refs = useRef<Partial<Record<JobKind, HTMLButtonElement | null>>>({});
  const move = (offset: number) => {
    const index = (TABS.indexOf(value) + offset + TABS.length) % TABS.length;
    const next = TABS[index] ?? value;
    onChange(next);
    refs.current[next]?.focus();
  };
  const tab = (id: JobKind, text: { title: MessageKey; tab: MessageKey; summary: MessageKey }) => {
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
        aria-label={t(text.title)}
        title={t(text.summary)}
        onClick={() => onChange(id)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') move(1);
          if (event.key === 'ArrowLeft') move(-1);
        }}
      >
        {t(text.tab)}
        {state ? <span className={`tab-dot tab-dot-${state}`} aria-hidden="true" /> : null}
        {describedBy ? (
          <span id={describedBy} className="visually-hidden">
            {t(state === 'running' ? 'tabs.running' : 'tabs.unseen')}
          </span>
        ) : null}
      </button>
    );
  };
  return (
    <div className="tabs" role="tablist" aria-label="Grompt">
      {FEATURE_IDS.map((id) => tab(id, FEATURES[id]))}
      {tab(CUSTOM_ACTION, ACTIONS_TAB)}
    </div>
  );
}
