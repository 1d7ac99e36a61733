'use client';

import { useId } from 'react';
import type { Translate } from '../../i18n/translate.js';
import type { ReplayCandidate } from './replay-candidates.js';
import { stepLabel } from './replay.js';
import { DEFAULT_STEPS, type ReplayControl } from './use-replay.js';

/** Props of {@link TimeSlider}. */
export interface TimeSliderProps {
  candidates: readonly ReplayCandidate[];
  replay: ReplayControl;
  t: Translate;
  locale: string;
}

/**
 * Replays the last 24 hours: pick a layer and an attribute, move the slider; its right end is
 * "Live". Moving it recolours the layer by each entity's value at that hour.
 * @example <TimeSlider candidates={candidates} replay={replay} t={t} locale="en" />
 */
export function TimeSlider({ candidates, replay, t, locale }: TimeSliderProps) {
  const id = useId();
  const candidate = candidates.find((c) => c.layerId === replay.layerId) ?? candidates[0];
  if (!candidate) return null;
  const steps = replay.steps?.length ?? DEFAULT_STEPS;
  const position = replay.step === 'live' ? steps : replay.step;
  const when =
    replay.step === 'live'
      ? t('timeSliderLive')
      : replay.status === 'loading'
        ? t('loading')
        : t('timeSliderValue', { time: stepLabel(replay.steps?.[replay.step], locale) });
  return (
    <section className="lc-time" data-testid="time-slider" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="lc-panel__heading">
        {t('timeSlider')}
      </h2>
      <div className="lc-time__choices">
        <label>
          <span>{t('replayLayer')}</span>
          <select
            value={candidate.layerId}
            onChange={(event) => {
              const next = candidates.find((c) => c.layerId === event.target.value);
              if (next) replay.choose(next.layerId, next.attributes[0]);
            }}
          >
            {candidates.map((c) => (
              <option key={c.layerId} value={c.layerId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('attribute')}</span>
          <select
            value={replay.attribute ?? ''}
            onChange={(event) => replay.choose(candidate.layerId, event.target.value)}
          >
            {candidate.attributes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="lc-time__slider">
        <span className="lc-visually-hidden">{t('timeSlider')}</span>
        <input
          type="range"
          min={0}
          max={steps}
          step={1}
          value={position}
          aria-valuetext={when}
          onChange={(event) => {
            const value = Number(event.target.value);
            replay.moveTo(value >= steps ? 'live' : value);
          }}
        />
      </label>
      <p className="lc-time__status" aria-live="polite">
        {replay.status === 'error' ? t('replayUnavailable') : when}
      </p>
      {replay.step !== 'live' && (
        <button
          type="button"
          className="lc-button lc-button--small"
          onClick={() => replay.moveTo('live')}
        >
          {t('backToLive')}
        </button>
      )}
    </section>
  );
}
